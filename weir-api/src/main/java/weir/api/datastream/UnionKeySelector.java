package weir.api.datastream;

import java.util.Objects;
import weir.api.functions.KeySelector;

/** Keys a {@link TaggedUnion} with the key selector of the side its record came from. */
final class UnionKeySelector<L, R, K> implements KeySelector<TaggedUnion<L, R>, K> {
  private static final long serialVersionUID = 1L;

  private final KeySelector<L, K> leftKey;
  private final KeySelector<R, K> rightKey;

  UnionKeySelector(KeySelector<L, K> leftKey, KeySelector<R, K> rightKey) {
    this.leftKey = Objects.requireNonNull(leftKey, "leftKey");
    this.rightKey = Objects.requireNonNull(rightKey, "rightKey");
  }

  @Override
  public K getKey(TaggedUnion<L, R> union) throws Exception {
    return union.isLeft() ? leftKey.getKey(union.left()) : rightKey.getKey(union.right());
  }
}

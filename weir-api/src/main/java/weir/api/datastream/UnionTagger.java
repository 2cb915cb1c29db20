package weir.api.datastream;

import weir.api.functions.MapFunction;

/** Wraps each record of one input of a window join or coGroup in a {@link TaggedUnion} of its side. */
final class UnionTagger<L, R, T> implements MapFunction<T, TaggedUnion<L, R>> {
  private static final long serialVersionUID = 1L;

  private final boolean left;

  private UnionTagger(boolean left) {
    this.left = left;
  }

  static <L, R> UnionTagger<L, R, L> forLeft() {
    return new UnionTagger<>(true);
  }

  static <L, R> UnionTagger<L, R, R> forRight() {
    return new UnionTagger<>(false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TaggedUnion<L, R> map(T value) {
    return left ? TaggedUnion.ofLeft((L) value) : TaggedUnion.ofRight((R) value);
  }

  @Override
  public String toString() {
    return left ? "TagLeft" : "TagRight";
  }
}

package weir.api.datastream;

import java.util.ArrayList;
import java.util.List;
import weir.api.functions.CoGroupFunction;
import weir.api.functions.Collector;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a window coGroup or join: splits the window's tagged records back into
 * the left and the right input's, and hands both to the coGroup function.
 */
record SplitByTag<L, R, O, K, W extends Window>(CoGroupFunction<L, R, O> function)
    implements WindowFunction<TaggedUnion<L, R>, O, K, W> {
  @Override
  public void apply(K key, W window, Iterable<TaggedUnion<L, R>> input, Collector<O> out) throws Exception {
    List<L> left = new ArrayList<>();
    List<R> right = new ArrayList<>();
    for (TaggedUnion<L, R> union : input) {
      if (union.isLeft()) {
        left.add(union.left());
      } else {
        right.add(union.right());
      }
    }
    function.coGroup(left, right, out);
  }
}

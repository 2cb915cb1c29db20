package weir.api.connector.source.lib;

import java.util.ArrayList;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.connector.source.SourceSplit;

/**
 * The indexes {@code [from, to)} of an indexed source still to be read.
 *
 * @param id the split's id
 * @param from the next index to read
 * @param to one past the last index
 * @since 0.1
 */
@Public
public record IndexRangeSplit(String id, long from, long to) implements SourceSplit {
  @Override
  public String splitId() {
    return id;
  }

  /** Cuts {@code [0, count)} into {@code parts} contiguous ranges of nearly equal size. */
  public static List<IndexRangeSplit> split(long count, int parts) {
    List<IndexRangeSplit> splits = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      long from = count / parts * i + Math.min(i, count % parts);
      long to = count / parts * (i + 1) + Math.min(i + 1, count % parts);
      if (to > from) {
        splits.add(new IndexRangeSplit(String.valueOf(i), from, to));
      }
    }
    return splits;
  }
}

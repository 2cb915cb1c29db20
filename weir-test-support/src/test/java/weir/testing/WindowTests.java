package weir.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import weir.api.datastream.DataStream;
import weir.api.datastream.KeyedStream;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.Window;
import weir.runtime.window.WindowOperator;

/**
 * What the window operator tests share. Records are strings {@code "k@t"} (optionally followed by
 * a suffix such as {@code "!fire"} or {@code "~gap"}): the key is the first letter, {@code t} the
 * event time the tests feed them with.
 */
final class WindowTests {
  static final String CONTENTS = WindowOperator.CONTENTS_STATE;
  static final String MERGING_WINDOWS = WindowOperator.MERGING_WINDOWS_STATE;

  private WindowTests() {}

  /** The key of a record: its first letter. */
  static String key(String record) {
    return record.substring(0, 1);
  }

  /** The time of a record: the number after its {@code @}. */
  static long time(String record) {
    int start = record.indexOf('@') + 1;
    int end = start + 1;
    while (end < record.length() && Character.isDigit(record.charAt(end))) {
      end++;
    }
    return Long.parseLong(record.substring(start, end));
  }

  /** A harness around the window that {@code windowing} builds on the records keyed by {@link #key}. */
  static <R> OneInputHarness<String, R> keyed(Function<KeyedStream<String, String>, DataStream<R>> windowing)
      throws Exception {
    return FunctionTestHarness.forWindow(String.class, in -> windowing.apply(in.keyBy(WindowTests::key)));
  }

  /** Feeds each record with its time as its timestamp. */
  static void feed(OneInputHarness<String, ?> harness, String... records) throws Exception {
    for (String record : records) {
      harness.processElement(record, time(record));
    }
  }

  /** {@code "[start,end)"} for a time window, {@code "[global]"} for the global one. */
  static String describe(Window window) {
    if (window instanceof TimeWindow w) {
      return "[" + w.getStart() + "," + w.getEnd() + ")";
    }
    return window instanceof GlobalWindow ? "[global]" : window.toString();
  }

  /** The elements in time order, joined by commas: merged windows keep their elements in no fixed order. */
  static String describe(Iterable<String> elements) {
    List<String> sorted = new ArrayList<>();
    elements.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(WindowTests::time));
    return String.join(",", sorted);
  }

  /** {@code "k[start,end)=elements"}. */
  static String describe(String key, Window window, Iterable<String> elements) {
    return key + describe(window) + "=" + describe(elements);
  }

  /** Joins records with commas, in the order they come. */
  static final class Concat implements ReduceFunction<String> {
    @Override
    public String reduce(String a, String b) {
      return a + "," + b;
    }
  }

  /** Counts the records of a window. */
  static final class Count implements AggregateFunction<String, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(String value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Emits {@code "k[start,end)=elements"} per firing. */
  static final class Describe<W extends Window> extends ProcessWindowFunction<String, String, String, W> {
    @Override
    public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
      out.collect(describe(key, context.window(), elements));
    }
  }

  /** Emits {@code "[start,end)=elements"} per firing of a non-keyed window. */
  static final class DescribeAll<W extends Window> extends ProcessAllWindowFunction<String, String, W> {
    @Override
    public void process(Context context, Iterable<String> elements, Collector<String> out) {
      out.collect(describe(context.window()) + "=" + describe(elements));
    }
  }

  /** Emits {@code "k[start,end)=n"}, the count an aggregate left. */
  static final class CountOfWindow<W extends Window> extends ProcessWindowFunction<Long, String, String, W> {
    @Override
    public void process(String key, Context context, Iterable<Long> counts, Collector<String> out) {
      out.collect(key + describe(context.window()) + "=" + counts.iterator().next());
    }
  }
}

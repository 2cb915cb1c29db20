package weir.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.datastream.OutputTag;
import weir.runtime.operators.Output;
import weir.runtime.time.RecordTimestamp;

/**
 * The output of an operator under test: keeps the main output (with timestamps), each side
 * output, and the watermarks and idleness changes in lists.
 */
final class CollectingOutput<T> implements Output<T> {
  private final RecordTimestamp timestamp;
  private final List<T> main = new ArrayList<>();
  private final List<TimestampedRecord<T>> stamped = new ArrayList<>();
  private final Map<OutputTag<?>, List<Object>> sides = new LinkedHashMap<>();
  private final List<Long> watermarks = new ArrayList<>();
  private final List<Boolean> idleness = new ArrayList<>();

  CollectingOutput(RecordTimestamp timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    main.add(record);
    stamped.add(new TimestampedRecord<>(record, timestamp.boxed()));
  }

  @Override
  public void emitWatermark(long watermark) {
    watermarks.add(watermark);
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    idleness.add(idle);
  }

  List<Long> watermarks() {
    return copy(watermarks);
  }

  List<Boolean> idleness() {
    return copy(idleness);
  }

  List<TimestampedRecord<T>> stamped() {
    return copy(stamped);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {
    sides.computeIfAbsent(tag, t -> new ArrayList<>()).add(record);
  }

  List<T> main() {
    return copy(main);
  }

  List<T> takeMain() {
    List<T> taken = copy(main);
    main.clear();
    stamped.clear();
    return taken;
  }

  @SuppressWarnings("unchecked")
  <X> List<X> side(OutputTag<X> tag) {
    List<Object> records = sides.get(tag);
    return records == null ? List.of() : (List<X>) copy(records);
  }

  /** A snapshot that, unlike {@code List.copyOf}, keeps null records a function may emit. */
  private static <X> List<X> copy(List<X> records) {
    return Collections.unmodifiableList(new ArrayList<>(records));
  }
}

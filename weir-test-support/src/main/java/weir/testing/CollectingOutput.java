package weir.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.datastream.OutputTag;
import weir.runtime.operators.Output;

/** The output of an operator under test: keeps the main output and each side output in lists. */
final class CollectingOutput<T> implements Output<T> {
  private final List<T> main = new ArrayList<>();
  private final Map<OutputTag<?>, List<Object>> sides = new LinkedHashMap<>();

  @Override
  public void collect(T record) {
    main.add(record);
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

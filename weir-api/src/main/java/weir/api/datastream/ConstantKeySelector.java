package weir.api.datastream;

import weir.api.functions.KeySelector;

/**
 * Keys every record by the same constant, so that a non-keyed window ({@code windowAll}) runs on
 * the keyed window operator, with all records in one key on one subtask.
 */
final class ConstantKeySelector<T> implements KeySelector<T, Byte> {
  private static final long serialVersionUID = 1L;

  private static final Byte KEY = 0;

  @Override
  public Byte getKey(T value) {
    return KEY;
  }
}

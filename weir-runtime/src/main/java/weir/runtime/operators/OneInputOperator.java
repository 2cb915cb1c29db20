package weir.runtime.operators;

/** An operator with one input. */
public interface OneInputOperator<I> extends StreamOperator {
  /** Handles one record. */
  void processElement(I record) throws Exception;
}

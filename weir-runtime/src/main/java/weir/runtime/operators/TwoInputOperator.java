package weir.runtime.operators;

/** An operator with two inputs; both methods are called on the same thread. */
public interface TwoInputOperator<A, B> extends StreamOperator {
  /** Handles a record of the first input. */
  void processElement1(A record) throws Exception;

  /** Handles a record of the second input. */
  void processElement2(B record) throws Exception;
}

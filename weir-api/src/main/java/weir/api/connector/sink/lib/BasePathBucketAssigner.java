package weir.api.connector.sink.lib;

/** Puts every record into the base path; see {@link BucketAssigner#basePath()}. */
final class BasePathBucketAssigner<T> implements BucketAssigner<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getBucketId(T element, Context context) {
    return "";
  }

  @Override
  public String toString() {
    return "BucketAssigner.basePath()";
  }
}

package weir.runtime.network;

/**
 * Identifies one channel of one exchange of one attempt of a job: the records that producer
 * subtask {@code producerSubtask} sends to consumer subtask {@code consumerSubtask} over job edge
 * {@code edgeId}. Sent once per channel when a sender opens it; buffers then carry a compact
 * channel number instead.
 *
 * @since 0.1
 */
public record ChannelId(String jobId, int attempt, int edgeId, int producerSubtask, int consumerSubtask) {
  /** Whether this channel belongs to attempt {@code attempt} of job {@code jobId}. */
  public boolean belongsTo(String jobId, int attempt) {
    return this.attempt == attempt && this.jobId.equals(jobId);
  }

  @Override
  public String toString() {
    return jobId + "/" + attempt + " edge " + edgeId + " (" + producerSubtask + " -> " + consumerSubtask + ")";
  }
}

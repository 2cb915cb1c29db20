package weir.runtime.checkpoint;

/**
 * A subtask's state file in a checkpoint folder, with what proves it intact.
 *
 * @param vertexId the job vertex
 * @param subtask the subtask index
 * @param fileName the file's name in the checkpoint's folder
 * @param length its length in bytes
 * @param crc32c its CRC-32C checksum
 */
public record StateHandle(int vertexId, int subtask, String fileName, long length, long crc32c)
    implements java.io.Serializable {}

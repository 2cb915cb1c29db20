package weir.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completed checkpoint consists of: the state file of every subtask, and the state of
 * every source's split enumerator. Written last, atomically: a checkpoint without metadata never
 * completed.
 *
 * <pre>
 * payload : int FORMAT_VERSION, long id, long timestamp, int parallelismInfoCount (vertexId, parallelism)*,
 *           int handleCount, handleCount × ( int vertexId, int subtask, utf fileName, long length, long crc32c ),
 *           int enumeratorCount, enumeratorCount × ( utf sourceUid, int version, int length, bytes )
 * </pre>
 *
 * @param id the checkpoint id
 * @param timestamp when it was triggered, epoch ms
 * @param parallelism the parallelism of each vertex when it was taken
 * @param handles the subtasks' state files
 * @param enumerators each source's enumerator state, by source uid
 */
public record CheckpointMetadata(long id, long timestamp, Map<Integer, Integer> parallelism, List<StateHandle> handles,
    Map<String, VersionedBytes> enumerators) {
  static final int FORMAT_VERSION = 1;

  /** Bytes written by a versioned serializer, with the version that wrote them. */
  public record VersionedBytes(int version, byte[] bytes) {}

  byte[] toBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(FORMAT_VERSION);
    out.writeLong(id);
    out.writeLong(timestamp);
    out.writeInt(parallelism.size());
    for (Map.Entry<Integer, Integer> e : parallelism.entrySet()) {
      out.writeInt(e.getKey());
      out.writeInt(e.getValue());
    }
    out.writeInt(handles.size());
    for (StateHandle h : handles) {
      out.writeInt(h.vertexId());
      out.writeInt(h.subtask());
      out.writeUTF(h.fileName());
      out.writeLong(h.length());
      out.writeLong(h.crc32c());
    }
    out.writeInt(enumerators.size());
    for (Map.Entry<String, VersionedBytes> e : enumerators.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().version());
      out.writeInt(e.getValue().bytes().length);
      out.write(e.getValue().bytes());
    }
    out.flush();
    return bytes.toByteArray();
  }

  static CheckpointMetadata fromBytes(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int version = in.readInt();
    if (version < 1 || version > FORMAT_VERSION) {
      throw new IOException("Unknown checkpoint metadata format version " + version);
    }
    long id = in.readLong();
    long timestamp = in.readLong();
    Map<Integer, Integer> parallelism = new LinkedHashMap<>();
    int vertices = in.readInt();
    for (int i = 0; i < vertices; i++) {
      parallelism.put(in.readInt(), in.readInt());
    }
    int count = in.readInt();
    List<StateHandle> handles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      handles.add(new StateHandle(in.readInt(), in.readInt(), in.readUTF(), in.readLong(), in.readLong()));
    }
    int enumeratorCount = in.readInt();
    Map<String, VersionedBytes> enumerators = new LinkedHashMap<>();
    for (int i = 0; i < enumeratorCount; i++) {
      String uid = in.readUTF();
      int v = in.readInt();
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      enumerators.put(uid, new VersionedBytes(v, b));
    }
    return new CheckpointMetadata(id, timestamp, parallelism, handles, enumerators);
  }
}

package weir.runtime.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One subtask's part of a checkpoint: the state of each operator of its chain, whether its
 * input had ended (a finished subtask is restored finished, not run again) and, for an unaligned
 * checkpoint, its records in flight.
 *
 * <pre>
 * file : int FORMAT_VERSION, boolean ended, int operatorCount, operatorCount × operator,
 *        channels (version 2 on)
 * operator : utf uid
 *            int keyGroupCount, keyGroupCount × ( int keyGroup, int length, bytes )
 *            int listCount, listCount × ( utf name, boolean union, int n, n × ( int length, bytes ) )
 * channels : utf headUid, int n, n × ( int length, bytes ) (inputs), int m, m × ( int length, bytes ) (outputs)
 * </pre>
 */
public record TaskSnapshot(boolean ended, List<OperatorSnapshot> operators, ChannelState channels) {
  /** The version of the format above; a later release reads every earlier one. */
  static final int FORMAT_VERSION = 2;

  /**
   * A subtask's snapshot whose synchronous part is taken; {@link #call()} writes the rest of each
   * operator's, on any thread.
   */
  public record Pending(boolean ended, List<OperatorSnapshot.Pending> operators, ChannelState channels)
      implements Callable<TaskSnapshot> {
    @Override
    public TaskSnapshot call() throws IOException {
      List<OperatorSnapshot> done = new ArrayList<>(operators.size());
      for (OperatorSnapshot.Pending op : operators) {
        done.add(op.finish());
      }
      return new TaskSnapshot(ended, done, channels);
    }
  }

  /** An aligned snapshot: no records in flight. */
  public TaskSnapshot(boolean ended, List<OperatorSnapshot> operators) {
    this(ended, operators, ChannelState.none(""));
  }

  /** The snapshot in its file format. */
  public byte[] toBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    writeTo(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** Writes the snapshot in its file format to {@code out}. */
  public void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT_VERSION);
    out.writeBoolean(ended);
    out.writeInt(operators.size());
    for (OperatorSnapshot op : operators) {
      out.writeUTF(op.uid());
      out.writeInt(op.keyGroups().size());
      for (Map.Entry<Integer, byte[]> kg : op.keyGroups().entrySet()) {
        out.writeInt(kg.getKey());
        out.writeInt(kg.getValue().length);
        out.write(kg.getValue());
      }
      out.writeInt(op.lists().size());
      for (Map.Entry<String, List<byte[]>> list : op.lists().entrySet()) {
        out.writeUTF(list.getKey());
        out.writeBoolean(op.unionLists().contains(list.getKey()));
        out.writeInt(list.getValue().size());
        for (byte[] element : list.getValue()) {
          out.writeInt(element.length);
          out.write(element);
        }
      }
    }
    out.writeUTF(channels.headUid());
    writeAll(out, channels.inputs());
    writeAll(out, channels.outputs());
  }

  /** Reads a snapshot written by {@link #toBytes()}. */
  public static TaskSnapshot fromBytes(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data));
    int version = in.readInt();
    if (version < 1 || version > FORMAT_VERSION) {
      throw new IOException("Unknown task snapshot format version " + version + " (this release reads 1.."
          + FORMAT_VERSION + ")");
    }
    boolean ended = in.readBoolean();
    int count = in.readInt();
    List<OperatorSnapshot> operators = new ArrayList<>(count);
    for (int o = 0; o < count; o++) {
      String uid = in.readUTF();
      int keyGroups = in.readInt();
      Map<Integer, byte[]> groups = new LinkedHashMap<>();
      for (int i = 0; i < keyGroups; i++) {
        int keyGroup = in.readInt();
        groups.put(keyGroup, readBytes(in));
      }
      int lists = in.readInt();
      Map<String, List<byte[]>> named = new LinkedHashMap<>();
      List<String> unions = new ArrayList<>();
      for (int i = 0; i < lists; i++) {
        String name = in.readUTF();
        if (in.readBoolean()) {
          unions.add(name);
        }
        int n = in.readInt();
        List<byte[]> elements = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
          elements.add(readBytes(in));
        }
        named.put(name, elements);
      }
      operators.add(new OperatorSnapshot(uid, groups, named, unions));
    }
    if (version < 2) {
      return new TaskSnapshot(ended, operators);
    }
    String headUid = in.readUTF();
    List<byte[]> inputs = readAll(in);
    return new TaskSnapshot(ended, operators, new ChannelState(headUid, inputs, readAll(in)));
  }

  private static void writeAll(DataOutputStream out, List<byte[]> entries) throws IOException {
    out.writeInt(entries.size());
    for (byte[] e : entries) {
      out.writeInt(e.length);
      out.write(e);
    }
  }

  private static List<byte[]> readAll(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<byte[]> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(readBytes(in));
    }
    return entries;
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}

package weir.runtime.state;

import java.io.IOException;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.TimeWindow;

/**
 * Writes the namespaces of keyed state and timers in snapshots: a tag, then the namespace. The
 * namespaces the runtime uses get compact encodings; any other (a custom window) is written with
 * its class name by a {@link DynamicSerializer}.
 *
 * <pre>
 * 0 : VoidNamespace        1 : TimeWindow (start long, end long)
 * 2 : GlobalWindow         3 : anything else (DynamicSerializer)
 * </pre>
 *
 * <p>Not shareable between threads (the dynamic serializer caches).
 */
public final class NamespaceSerializer {
  private final DynamicSerializer<Object> other;

  public NamespaceSerializer(SerializerConfig config) {
    this.other = new DynamicSerializer<>(config);
  }

  public void serialize(Object namespace, DataOutputView out) throws IOException {
    if (namespace == VoidNamespace.INSTANCE) {
      out.writeByte(0);
    } else if (namespace instanceof TimeWindow w) {
      out.writeByte(1);
      out.writeLong(w.getStart());
      out.writeLong(w.getEnd());
    } else if (namespace instanceof GlobalWindow) {
      out.writeByte(2);
    } else {
      out.writeByte(3);
      other.serialize(namespace, out);
    }
  }

  public Object deserialize(DataInputView in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case 0 -> VoidNamespace.INSTANCE;
      case 1 -> new TimeWindow(in.readLong(), in.readLong());
      case 2 -> GlobalWindow.get();
      case 3 -> other.deserialize(in);
      default -> throw new IOException("Corrupt state: unknown namespace tag " + tag);
    };
  }
}

package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.lang.reflect.Array;
import javax.annotation.Nullable;

/**
 * Serializer for the eight primitive array types ({@code boolean[]} … {@code double[]}).
 * Layout: var int (length + 1; 0 means null), then the elements in their {@link DataOutputView}
 * encoding ({@code byte[]} as one bulk write). Accepts null. Stateless; use the constants or
 * {@link #forArrayClass(Class)}.
 *
 * <p>One class with a per-array switch instead of eight copies of the same length-and-loop code;
 * the switch runs once per array, not per element.
 *
 * @param <A> the array type, e.g. {@code int[]}
 * @since 0.1
 */
@Evolving
public final class PrimitiveArraySerializer<A> extends TypeSerializer<A> {

  private static final long serialVersionUID = 1L;

  /** {@code boolean[]}. */
  public static final PrimitiveArraySerializer<boolean[]> BOOLEAN = new PrimitiveArraySerializer<>(boolean.class);
  /** {@code byte[]}. */
  public static final PrimitiveArraySerializer<byte[]> BYTE = new PrimitiveArraySerializer<>(byte.class);
  /** {@code short[]}. */
  public static final PrimitiveArraySerializer<short[]> SHORT = new PrimitiveArraySerializer<>(short.class);
  /** {@code char[]}. */
  public static final PrimitiveArraySerializer<char[]> CHAR = new PrimitiveArraySerializer<>(char.class);
  /** {@code int[]}. */
  public static final PrimitiveArraySerializer<int[]> INT = new PrimitiveArraySerializer<>(int.class);
  /** {@code long[]}. */
  public static final PrimitiveArraySerializer<long[]> LONG = new PrimitiveArraySerializer<>(long.class);
  /** {@code float[]}. */
  public static final PrimitiveArraySerializer<float[]> FLOAT = new PrimitiveArraySerializer<>(float.class);
  /** {@code double[]}. */
  public static final PrimitiveArraySerializer<double[]> DOUBLE = new PrimitiveArraySerializer<>(double.class);

  private final Class<?> component;

  private PrimitiveArraySerializer(Class<?> component) {
    this.component = component;
  }

  /** The serializer for {@code arrayClass}, or null if it is not a primitive array class. */
  @Nullable
  public static PrimitiveArraySerializer<?> forArrayClass(Class<?> arrayClass) {
    Class<?> c = arrayClass.getComponentType();
    if (c == null || !c.isPrimitive()) {
      return null;
    }
    PrimitiveArraySerializer<?>[] all = {BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE};
    for (PrimitiveArraySerializer<?> s : all) {
      if (s.component == c) {
        return s;
      }
    }
    return null;
  }

  @Override
  public void serialize(@Nullable A value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeVarInt(0);
      return;
    }
    int n = Array.getLength(value);
    out.writeVarInt(n + 1);
    if (value instanceof byte[] a) {
      out.write(a, 0, n);
    } else if (value instanceof int[] a) {
      for (int v : a) out.writeInt(v);
    } else if (value instanceof long[] a) {
      for (long v : a) out.writeLong(v);
    } else if (value instanceof double[] a) {
      for (double v : a) out.writeDouble(v);
    } else if (value instanceof float[] a) {
      for (float v : a) out.writeFloat(v);
    } else if (value instanceof boolean[] a) {
      for (boolean v : a) out.writeBoolean(v);
    } else if (value instanceof short[] a) {
      for (short v : a) out.writeShort(v);
    } else {
      for (char v : (char[]) value) out.writeChar(v);
    }
  }

  @Override
  @Nullable
  @SuppressWarnings("unchecked")
  public A deserialize(DataInputView in) throws IOException {
    int marker = in.readVarInt();
    if (marker == 0) {
      return null;
    }
    int n = marker - 1;
    Object result = Array.newInstance(component, n);
    if (result instanceof byte[] a) {
      in.readFully(a);
    } else if (result instanceof int[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readInt();
    } else if (result instanceof long[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readLong();
    } else if (result instanceof double[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readDouble();
    } else if (result instanceof float[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readFloat();
    } else if (result instanceof boolean[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readBoolean();
    } else if (result instanceof short[] a) {
      for (int i = 0; i < n; i++) a[i] = in.readShort();
    } else {
      char[] a = (char[]) result;
      for (int i = 0; i < n; i++) a[i] = in.readChar();
    }
    return (A) result;
  }

  @Override
  @Nullable
  @SuppressWarnings("unchecked")
  public A copy(@Nullable A value) {
    if (value == null) {
      return null;
    }
    int n = Array.getLength(value);
    Object copy = Array.newInstance(component, n);
    System.arraycopy(value, 0, copy, 0, n);
    return (A) copy;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializerSnapshot<A> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimitiveArraySerializer<?> other && other.component == component;
  }

  @Override
  public int hashCode() {
    return component.getName().hashCode();
  }

  @Override
  public String toString() {
    return "PrimitiveArraySerializer[" + component.getName() + "[]]";
  }
}

package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import org.junit.jupiter.api.Test;

class DataViewsTest {

    @Test
    void when_allPrimitivesWritten_then_readBackInOrder() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1);
        out.writeBoolean(true);
        out.writeByte(-3);
        out.writeShort(-30000);
        out.writeChar('\uFFFE');
        out.writeInt(0xCAFEBABE);
        out.writeLong(Long.MIN_VALUE + 1);
        out.writeFloat(Float.NaN);
        out.writeDouble(-1e300);
        out.writeVarInt(-1);
        out.writeVarInt(300);
        out.writeUTF("x\u0000y");
        out.writeString(null);
        out.writeBytes("ab");
        out.writeChars("\u00e9");
        DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) -3);
        assertThat(in.readShort()).isEqualTo((short) -30000);
        assertThat(in.readChar()).isEqualTo('\uFFFE');
        assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(in.readFloat()).isNaN();
        assertThat(in.readDouble()).isEqualTo(-1e300);
        assertThat(in.readVarInt()).isEqualTo(-1);
        assertThat(in.readVarInt()).isEqualTo(300);
        assertThat(in.readUTF()).isEqualTo("x\u0000y");
        assertThat(in.readString()).isNull();
        assertThat(in.readUnsignedByte()).isEqualTo('a');
        assertThat(in.readUnsignedByte()).isEqualTo('b');
        assertThat(in.readChar()).isEqualTo('\u00e9');
        assertThat(in.available()).isZero();
    }

    @Test
    void when_stringLongerThan64k_then_writeUtfRoundTrips() throws IOException {
        String big = "\uD83D\uDE00abc\u00e9".repeat(20_000);
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeUTF(big);
        assertThat(new DataInputDeserializer(out.copyOfBuffer()).readUTF()).isEqualTo(big);
    }

    @Test
    void when_readingPastEnd_then_eofNamesCounts() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3});
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class)
                .hasMessage("Expected 4 more bytes at position 0, but only 3 remain");
    }

    @Test
    void when_stringTruncated_then_eof() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeString("\u00e9\u00e9\u00e9");
        byte[] bytes = out.copyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(bytes, 0, bytes.length - 1);
        assertThatThrownBy(in::readString).isInstanceOf(EOFException.class);
    }

    @Test
    void when_stringBytesMalformed_then_utfError() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {2, (byte) 0xFF});
        assertThatThrownBy(in::readString).isInstanceOf(UTFDataFormatException.class).hasMessageContaining("0xff");
    }

    @Test
    void when_nullMarkerReadAsUtf_then_error() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(4);
        out.writeString(null);
        assertThatThrownBy(() -> new DataInputDeserializer(out.copyOfBuffer()).readUTF())
                .isInstanceOf(UTFDataFormatException.class);
    }

    @Test
    void when_cleared_then_bufferReusedWithoutGrowing() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        byte[] buffer = out.getSharedBuffer();
        for (int i = 0; i < 100; i++) {
            out.clear();
            out.writeLong(i);
            out.writeString("short");
        }
        assertThat(out.getSharedBuffer()).isSameAs(buffer);
        assertThat(out.position()).isEqualTo(14);
    }

    @Test
    void when_regionSet_then_readsOnlyRegionAndLines() throws IOException {
        byte[] bytes = "xxab\r\ncd\nyy".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(bytes, 2, 7);
        assertThat(in.readLine()).isEqualTo("ab");
        assertThat(in.readLine()).isEqualTo("cd");
        assertThat(in.readLine()).isNull();
        assertThat(in.skipBytes(5)).isZero();
    }
}

package weir.connectors.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import weir.api.connector.SimpleVersionedSerializer;

/** Stores a {@link KafkaPartitionSplit} as topic, partition, offset and stopping offset. */
final class KafkaSplitSerializer implements SimpleVersionedSerializer<KafkaPartitionSplit> {
  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(KafkaPartitionSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + split.topic().length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(split.topic());
      out.writeInt(split.partition());
      out.writeLong(split.offset());
      out.writeLong(split.stoppingOffset());
    }
    return bytes.toByteArray();
  }

  @Override
  public KafkaPartitionSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1) {
      throw new IOException("Kafka partition split of version " + version + "; this release reads version 1");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      return new KafkaPartitionSplit(in.readUTF(), in.readInt(), in.readLong(), in.readLong());
    }
  }
}

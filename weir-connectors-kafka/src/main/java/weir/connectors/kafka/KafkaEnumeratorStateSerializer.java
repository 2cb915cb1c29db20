package weir.connectors.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import weir.api.connector.SimpleVersionedSerializer;

/** Stores the partitions the Kafka enumerator has assigned: their count, then topic and partition of each. */
final class KafkaEnumeratorStateSerializer implements SimpleVersionedSerializer<Set<TopicPartition>> {
  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(Set<TopicPartition> partitions) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(partitions.size());
      for (TopicPartition tp : partitions) {
        out.writeUTF(tp.topic());
        out.writeInt(tp.partition());
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public Set<TopicPartition> deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1) {
      throw new IOException("Kafka enumerator state of version " + version + "; this release reads version 1");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      int n = in.readInt();
      Set<TopicPartition> result = new LinkedHashSet<>();
      for (int i = 0; i < n; i++) {
        result.add(new TopicPartition(in.readUTF(), in.readInt()));
      }
      return result;
    }
  }
}

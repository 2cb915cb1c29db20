package weir.connectors.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;

/**
 * A prepared Kafka transaction of {@link KafkaSink}: everything needed to commit it, also from
 * another process after a restore.
 *
 * @param transactionalId the producer's transactional id
 * @param producerId the producer id the transaction runs under
 * @param epoch the producer epoch of the transaction
 * @since 0.1
 */
@Public
public record KafkaCommittable(String transactionalId, long producerId, short epoch) {

  /** Stores committables as transactional id, producer id and epoch. */
  static final class Serializer implements SimpleVersionedSerializer<KafkaCommittable> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(KafkaCommittable c) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(c.transactionalId());
        out.writeLong(c.producerId());
        out.writeShort(c.epoch());
      }
      return bytes.toByteArray();
    }

    @Override
    public KafkaCommittable deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1) {
        throw new IOException("Kafka committable of version " + version + "; this release reads version 1");
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        return new KafkaCommittable(in.readUTF(), in.readLong(), in.readShort());
      }
    }
  }
}

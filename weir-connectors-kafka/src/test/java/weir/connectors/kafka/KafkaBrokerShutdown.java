package weir.connectors.kafka;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared test broker when the test run ends, while the JVM is still whole. */
public final class KafkaBrokerShutdown implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      KafkaBroker.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the test Kafka broker", e);
    }
  }
}

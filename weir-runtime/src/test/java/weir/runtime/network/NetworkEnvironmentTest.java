package weir.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.exchange.WatermarkEvent;
import weir.runtime.task.Tasklet;

/**
 * Two TaskManagers' network environments in one JVM, connected over 127.0.0.1, with small
 * buffers so that records span buffers and credit runs out. Tasklets run on {@link
 * weir.runtime.task.Worker}s as in a TaskManager.
 */
class NetworkEnvironmentTest {
  private static final int BUFFER_SIZE = 256;
  private static final int TOTAL_BUFFERS = 64;
  private static final int EXCLUSIVE = 2;
  private static final int FLOATING = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private NetworkEnvironment senderSide;
  private NetworkEnvironment receiverSide;

  @BeforeEach
  void start() throws Exception {
    senderSide = environment();
    receiverSide = environment();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    senderSide.close();
    receiverSide.close();
  }

  private NetworkEnvironment environment() throws Exception {
    return NetworkEnvironment.start(new NetworkConfig("127.0.0.1", 0, BUFFER_SIZE, TOTAL_BUFFERS, EXCLUSIVE, FLOATING));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<Object> serializer(Class<?> type) {
    return (TypeSerializer) TypeInfo.of(type).createSerializer(new SerializerConfig());
  }

  private static ChannelId channel(int consumer) {
    return new ChannelId("job-1", 0, 3, 0, consumer);
  }

  private TaskletThread run(String name, Tasklet... tasklets) {
    TaskletThread t = TaskletThread.start(name, tasklets);
    toClose.add(t);
    return t;
  }

  /** Whether all have ended, or one has failed (then the test's assertions show why). */
  private static boolean allDone(List<TaskletThread> threads) {
    return threads.stream().allMatch(TaskletThread::isDone) || threads.stream().anyMatch(t -> t.failure() != null);
  }

  private static List<String> expected(List<?> elements) {
    List<String> described = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      described.add(ListSink.describe(elements.get(i), elements.get(i) instanceof ControlEvent ? Long.MIN_VALUE : i));
    }
    return described;
  }

  private static List<Object> longs(int count) {
    List<Object> elements = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      elements.add(i * 31);
    }
    elements.add(ControlEvent.END_OF_PARTITION);
    return elements;
  }

  /** Sends {@code elements} over one channel and returns the sink once everything has arrived. */
  private ListSink transfer(List<?> elements, TypeSerializer<Object> serializer) {
    SpscChannel source = new SpscChannel(64);
    SpscChannel target = new SpscChannel(64);
    Tasklet receiver = receiverSide.createGate("gate", 1).receiver(channel(0), target, serializer);
    Tasklet sender = senderSide.sender(channel(0), source, serializer, receiverSide.address());
    ListSink sink = new ListSink(target);
    TaskletThread producing = run("producer", new ListSource(source, elements), sender);
    TaskletThread consuming = run("consumer", receiver, sink);
    await().atMost(TIMEOUT).until(() -> allDone(List.of(producing, consuming)));
    assertThat(producing.failure()).isNull();
    assertThat(consuming.failure()).isNull();
    return sink;
  }

  @Test
  void when_recordsAndEventsAreSent_then_theyArriveInOrderAndIntact() {
    StringBuilder large = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      large.append((char) ('a' + i % 26)).append(i % 97 == 0 ? "\u00e9\u4e2d" : "");
    }
    List<Object> elements = List.of("first", new WatermarkEvent(17), ControlEvent.IDLE, ControlEvent.ACTIVE,
        new CheckpointBarrier(5, 1234, CheckpointBarrier.ALIGNED), "", large.toString(),
        new CheckpointBarrier(6, 99, 1_000_000), "x".repeat(BUFFER_SIZE - 20), "last", ControlEvent.END_OF_PARTITION);

    ListSink sink = transfer(elements, serializer(String.class));

    assertThat(sink.seen).containsExactlyElementsOf(expected(elements));
    assertThat(senderSide.stats().buffersSent()).isEqualTo(receiverSide.stats().buffersReceived()).isGreaterThan(12);
    assertThat(senderSide.stats().bytesSent()).isEqualTo(receiverSide.stats().bytesReceived());
  }

  @Test
  void when_recordsOfManySizesCrossBufferBoundaries_then_allArriveIntact() {
    Random random = new Random(42);
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      elements.add("r".repeat(random.nextInt(i % 10 == 0 ? 1000 : 40)));
    }
    elements.add(ControlEvent.END_OF_PARTITION);

    ListSink sink = transfer(elements, serializer(String.class));

    assertThat(sink.seen).containsExactlyElementsOf(expected(elements));
  }

  @Test
  void when_manyChannelsRunBetweenTwoTaskManagers_then_theyShareOneConnection() {
    int channels = 6;
    InputGate gate = receiverSide.createGate("gate", channels);
    List<ListSink> sinks = new ArrayList<>();
    List<TaskletThread> threads = new ArrayList<>();
    List<Object> elements = longs(3000);
    for (int c = 0; c < channels; c++) {
      SpscChannel source = new SpscChannel(64);
      SpscChannel target = new SpscChannel(64);
      ListSink sink = new ListSink(target);
      sinks.add(sink);
      threads.add(run("consumer " + c, gate.receiver(channel(c), target, serializer(Long.class)), sink));
      threads.add(run("producer " + c, new ListSource(source, elements),
          senderSide.sender(channel(c), source, serializer(Long.class), receiverSide.address())));
    }

    await().atMost(TIMEOUT).until(() -> allDone(threads));

    for (TaskletThread t : threads) {
      assertThat(t.failure()).isNull();
    }
    for (ListSink sink : sinks) {
      assertThat(sink.seen).containsExactlyElementsOf(expected(elements));
    }
    assertThat(receiverSide.connectionCount()).isEqualTo(1);
    assertThat(senderSide.connectionCount()).isEqualTo(1);
  }

  @Test
  void when_consumerIsSlow_then_senderWaitsForCreditAndMemoryStaysBounded() {
    SpscChannel source = new SpscChannel(16);
    SpscChannel target = new SpscChannel(4);
    InputGate gate = receiverSide.createGate("gate", 1);
    Tasklet receiver = gate.receiver(channel(0), target, serializer(Long.class));
    Tasklet sender = senderSide.sender(channel(0), source, serializer(Long.class), receiverSide.address());
    // the sink samples how many buffers the sending side holds: queued, being filled, in flight
    ListSink sink = new ListSink(target, 1, () -> TOTAL_BUFFERS - senderSide.stats().availableBuffers());
    ListSink gateSampler = new ListSink(new SpscChannel(1), 0, gate::queuedBuffers);
    List<Object> elements = longs(20_000);
    ListSource producer = new ListSource(source, elements);
    TaskletThread producing = run("producer", producer, sender);
    TaskletThread consuming = run("consumer", receiver, sink, gateSampler);

    await().atMost(TIMEOUT).until(() -> producing.failure() != null || consuming.failure() != null
        || (producing.isDone() && sink.seen.size() == elements.size()));

    assertThat(producing.failure()).isNull(); // a buffer without credit would have failed the receiver
    assertThat(consuming.failure()).isNull();
    assertThat(sink.seen).containsExactlyElementsOf(expected(elements));
    assertThat(producer.rejections).as("the producer was backpressured").isPositive();
    assertThat(gateSampler.maxGauge).as("buffers queued at the receiver").isBetween(1, EXCLUSIVE + FLOATING);
    // queued behind credit, the one being filled, and at most one credit's worth on the wire
    assertThat(sink.maxGauge).as("buffers held by the sender").isLessThanOrEqualTo(2 * (EXCLUSIVE + FLOATING) + 1);
  }

  @Test
  void when_receiverRegistersAfterSenderStarted_then_nothingIsLost() {
    SpscChannel source = new SpscChannel(64);
    SpscChannel target = new SpscChannel(64);
    List<Object> elements = longs(5000);
    TaskletThread producing = run("producer", new ListSource(source, elements),
        senderSide.sender(channel(0), source, serializer(Long.class), receiverSide.address()));
    await().atMost(TIMEOUT).until(() -> receiverSide.connectionCount() == 1 && source.size() == source.capacity());
    assertThat(receiverSide.stats().buffersReceived()).isZero();

    ListSink sink = new ListSink(target);
    TaskletThread consuming = run("consumer",
        receiverSide.createGate("gate", 1).receiver(channel(0), target, serializer(Long.class)), sink);

    await().atMost(TIMEOUT).until(() -> allDone(List.of(producing, consuming)));
    assertThat(producing.failure()).isNull();
    assertThat(consuming.failure()).isNull();
    assertThat(sink.seen).containsExactlyElementsOf(expected(elements));
  }

  @Test
  void when_priorityBarrierIsPosted_then_itArrivesAsPriorityAtItsStreamPosition() {
    SpscChannel source = new SpscChannel(64);
    SpscChannel target = new SpscChannel(64);
    for (long i = 0; i < 10; i++) {
      assertThat(source.offer(i, i)).isTrue();
    }
    source.postPriority(new CheckpointBarrier(7, 700, 0));
    for (long i = 10; i < 20; i++) {
      assertThat(source.offer(i, i)).isTrue();
    }
    assertThat(source.offer(ControlEvent.END_OF_PARTITION)).isTrue();
    source.publish();
    Tasklet receiver = receiverSide.createGate("gate", 1).receiver(channel(0), target, serializer(Long.class));
    TaskletThread producing = run("producer", senderSide.sender(channel(0), source, serializer(Long.class), receiverSide.address()));
    TaskletThread consuming = run("consumer", receiver);

    await().atMost(TIMEOUT).until(() -> allDone(List.of(producing, consuming)));

    assertThat(producing.failure()).isNull();
    assertThat(consuming.failure()).isNull();
    assertThat(target.available()).isEqualTo(21); // 20 records and the end, no in-band barrier
    assertThat(target.hasPriority()).isTrue();
    SpscChannel.PriorityBarrier priority = target.pollPriority();
    assertThat(priority.position()).isEqualTo(10);
    assertThat(ListSink.describe(priority.barrier(), 0)).isEqualTo("barrier 7 700 0");
    for (long i = 0; i < 20; i++) {
      assertThat(target.take()).isEqualTo(i);
      assertThat(target.takenTimestamp()).isEqualTo(i);
    }
    assertThat(target.take()).isSameAs(ControlEvent.END_OF_PARTITION);
  }

  @Test
  void when_jobIsReleased_then_tasksFailAndAllBuffersReturn() {
    InputGate gate = receiverSide.createGate("gate", 2);
    List<TaskletThread> threads = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      SpscChannel source = new SpscChannel(64);
      SpscChannel target = new SpscChannel(2); // never read: buffers pile up at the receiver
      threads.add(run("consumer " + c, gate.receiver(channel(c), target, serializer(Long.class))));
      threads.add(run("producer " + c, new ListSource(source, longs(100_000)),
          senderSide.sender(channel(c), source, serializer(Long.class), receiverSide.address())));
    }
    await().atMost(TIMEOUT).until(() -> gate.queuedBuffers() >= 2 * EXCLUSIVE);

    receiverSide.releaseJob("job-1", 0);
    senderSide.releaseJob("job-1", 0);

    await().atMost(TIMEOUT).until(() -> threads.stream().allMatch(TaskletThread::isDone));
    for (TaskletThread t : threads) {
      assertThat(t.failure()).hasMessageContaining("job job-1 attempt 0 was released");
    }
    await().atMost(TIMEOUT).until(() -> senderSide.stats().availableBuffers() == TOTAL_BUFFERS
        && receiverSide.stats().availableBuffers() == TOTAL_BUFFERS);
  }

  @Test
  void when_receivingTaskManagerGoesAway_then_senderFailsNamingTheRemote() {
    SpscChannel source = new SpscChannel(64);
    InetSocketAddress remote = receiverSide.address();
    receiverSide.createGate("gate", 1).receiver(channel(0), new SpscChannel(4), serializer(Long.class));
    TaskletThread producing = run("producer", new ListSource(source, longs(1_000_000)),
        senderSide.sender(channel(0), source, serializer(Long.class), remote));
    await().atMost(TIMEOUT).until(() -> receiverSide.stats().buffersReceived() > 0);

    receiverSide.close();

    assertFailsNaming(producing, remote, "lost");
  }

  /** Waits for the thread's tasklets to fail with a message naming the channel, the remote and {@code why}. */
  private static void assertFailsNaming(TaskletThread thread, InetSocketAddress remote, String why) {
    await().atMost(TIMEOUT).until(thread::isDone);
    assertThat(thread.failure())
        .hasMessageContaining(channel(0).toString())
        .hasMessageContaining(remote.toString())
        .hasMessageContaining(why);
  }

  @Test
  void when_remoteCannotBeReached_then_senderFailsAfterRetryingNamingTheRemote() throws Exception {
    InetSocketAddress nobody;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      nobody = (InetSocketAddress) socket.getLocalSocketAddress();
    }
    TaskletThread producing = run("producer", senderSide.sender(channel(0), new SpscChannel(4), serializer(Long.class), nobody));

    assertFailsNaming(producing, nobody, "Could not connect");
  }

  @Test
  void when_configIsBad_then_itIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new NetworkConfig("127.0.0.1", 0, 10, 64, 2, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bufferSize").hasMessageContaining("10");
    assertThatThrownBy(() -> new NetworkConfig("127.0.0.1", 0, 1024, 64, 0, 8))
        .hasMessageContaining("exclusiveBuffersPerChannel").hasMessageContaining("0");
    assertThatThrownBy(() -> new NetworkConfig("127.0.0.1", 70000, 1024, 64, 2, 8)).hasMessageContaining("port");
    assertThatThrownBy(() -> new NetworkConfig("127.0.0.1", 0, 1024, 64, 2, -1)).hasMessageContaining("floatingBuffersPerGate");
  }

  @Test
  void when_gateNeedsMoreBuffersThanThePoolHas_then_creatingItFailsNamingTheSizes() {
    assertThatThrownBy(() -> receiverSide.createGate("big gate", 40))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("big gate")
        .hasMessageContaining("84")
        .hasMessageContaining("totalBuffers");
    assertThat(receiverSide.stats().availableBuffers()).isEqualTo(TOTAL_BUFFERS);
  }
}

package weir.runtime.task;

import weir.runtime.checkpoint.CheckpointGateway;

import weir.runtime.source.SplitGateway;

import weir.runtime.checkpoint.TaskRestore;

import java.util.Map;
import javax.annotation.Nullable;
import weir.api.typeinfo.SerializerConfig;
import weir.runtime.exchange.RecordWriter;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamEdge;
import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.sink.CollectChannel;

/**
 * Everything one subtask is deployed with.
 *
 * @param jobName the job's name
 * @param vertex the operator chain to run (shared by all subtasks: read only its structure)
 * @param serializedUserCode the user objects of the vertex's nodes in serialized form ({@link
 *     weir.runtime.graph.UserCode#serialize}), from which this subtask deserializes its own copy;
 *     {@code null} when the vertex has one subtask, which runs the job graph's own instances
 * @param subtaskIndex this subtask's index
 * @param attemptNumber how many times this subtask was restarted before
 * @param inputChannels the channels of the head's inputs
 * @param inputIndexOfChannel for each input channel, the head's input it feeds (0 or 1)
 * @param writers the writer of each stream edge that leaves the chain
 * @param sourceCoordinator the split enumerator when the head is a source, else {@code null}
 * @param collectChannels the client channels of collect sinks by id
 * @param counters where the subtask's counters are registered
 * @param clock processing time
 * @param serializerConfig the job's serializer registrations
 * @param autoWatermarkInterval how often periodic watermark generators emit, in ms; 0: never
 * @param specializedClasses the specialized operator classes of the vertex by place, shared by
 *     its subtasks (see {@link weir.runtime.operators.Specialization})
 * @param checkpoints the job's checkpoint coordinator (or its proxy), or {@code null} when checkpointing is off
 * @param restore the state to start from, or {@code null} for a fresh start
 * @param deadLetters where the job's dead-letter sinks send their records
 */
public record TaskDeployment(
    String jobName,
    JobVertex vertex,
    @Nullable byte[] serializedUserCode,
    int subtaskIndex,
    int attemptNumber,
    SpscChannel[] inputChannels,
    int[] inputIndexOfChannel,
    Map<StreamEdge, RecordWriter> writers,
    @Nullable SplitGateway sourceCoordinator,
    Map<String, CollectChannel> collectChannels,
    Map<String, SimpleCounter> counters,
    ProcessingTimeService clock,
    SerializerConfig serializerConfig,
    long autoWatermarkInterval,
    Map<String, Class<?>> specializedClasses,
    @Nullable CheckpointGateway checkpoints,
    @Nullable TaskRestore restore,
    weir.runtime.sink.DeadLetters deadLetters) {}

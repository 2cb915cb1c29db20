package weir.api.graph;

import java.io.Serializable;
import java.util.List;
import weir.api.annotation.Internal;
import weir.api.environment.ExecutionConfig;

/**
 * Everything an executor needs to run a job: its name, the sinks (the plan is what is reachable
 * from them) and the configuration.
 */
@Internal
public record Pipeline(String jobName, List<Transformation<?>> sinks, ExecutionConfig config)
    implements Serializable {}

package weir.runtime.graph;

import java.io.Serializable;

/**
 * A stream edge that crosses from one vertex to another and so becomes an exchange.
 *
 * @param sourceVertex the producing vertex's id
 * @param targetVertex the consuming vertex's id
 * @param edge the stream edge: partitioning, input index and side output
 */
public record JobEdge(int sourceVertex, int targetVertex, StreamEdge edge) implements Serializable {}

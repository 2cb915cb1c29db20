package weir.api.connector.sink.lib;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * A record a job could not process, and why: what a job sends to its dead-letter output
 * ({@link DeadLetterSink}) instead of failing or silently dropping the record.
 *
 * @param record the record, as text an operator can read (its {@code toString()}, or its raw form)
 * @param error what went wrong with it
 * @since 0.1
 */
@Public
public record DeadLetter(String record, String error) implements Serializable {}

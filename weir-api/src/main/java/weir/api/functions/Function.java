package weir.api.functions;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * Base of every user function. Functions travel inside the serializable job graph; the client
 * checks at build time that each one serializes and names the offending field when it does not.
 *
 * @since 0.1
 */
@Public
public interface Function extends Serializable {}

package weir.api.typeinfo;

import weir.api.annotation.Evolving;

/**
 * Outcome of {@link TypeSerializerSnapshot#resolveCompatibility}: whether bytes written by the
 * serializer a snapshot describes can be read by a new serializer.
 *
 * @since 0.1
 */
@Evolving
public enum Compatibility {
  /** The new serializer reads the old bytes as they are. */
  COMPATIBLE_AS_IS,
  /** The new serializer cannot read the old bytes; state written with the old one cannot be restored with it. */
  INCOMPATIBLE
}

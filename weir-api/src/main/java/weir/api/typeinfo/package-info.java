/**
 * Weir's type system: {@link weir.api.typeinfo.TypeInfo} describes a type,
 * {@link weir.api.typeinfo.TypeExtractor} derives it from reflected types and user functions,
 * {@link weir.api.typeinfo.TypeSerializer} (hot path) and
 * {@link weir.api.typeinfo.TypeSerializerSnapshot} (persisted, versioned) turn values into bytes,
 * over {@link weir.api.typeinfo.DataOutputView} / {@link weir.api.typeinfo.DataInputView}.
 *
 * <h3>Getting a serializer</h3>
 * <pre>{@code
 * SerializerConfig config = new SerializerConfig();
 * TypeInfo<Bid> info = TypeInfo.of(Bid.class);                                    // or
 * TypeInfo<?> out = TypeExtractor.outputTypeOf(fn, MapFunction.class, 1, config);  // may be unknown()
 * TypeSerializer<Bid> serializer = info.createSerializer(config);                  // once per subtask
 * }</pre>
 *
 * @since 0.1
 */
package weir.api.typeinfo;

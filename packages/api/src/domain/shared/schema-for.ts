import type { z } from 'zod';

/** True only when A and B are the same type, not merely assignable: optionality, nullability and extra keys count. */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/**
 * A zod schema that parses to exactly `T` — `schemaFor<PropertyView>()(z.object({ … }))` — checked at compile
 * time and returned unchanged. The domain owns `T`; the schema states how it travels (wire) or is stored
 * (cache), and the two cannot drift apart.
 *
 * Why not `schema satisfies z.ZodType<T>`: zod's output is covariant, so that only proves the parsed value
 * is assignable to `T`. It accepts a wire field the domain never reads, a field the domain added that the
 * schema would silently strip, an optional domain field the schema lacks, and a schema narrower than the
 * domain (`number` for `number | null`). Equality rejects all four; the error names both types.
 */
export function schemaFor<T>() {
  return <S extends z.ZodType<T>>(
    schema: S & (Same<z.output<S>, T> extends true ? unknown : { parsesTo: z.output<S>; insteadOf: T }),
  ): S => schema;
}

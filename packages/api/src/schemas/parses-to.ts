import type { z } from 'zod';

/** True only for the same type: mutual assignability would let an extra or a missing optional key through. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * States the wire shape of a domain type: `parsesTo<MeView>()(z.object({…}))` compiles only when what the
 * schema parses to is exactly `MeView`, and returns the schema unchanged (its own type, so the router and
 * the SDK see the same contract).
 *
 * `schema satisfies z.ZodType<MeView>` alone checks one direction: it refuses a field the domain needs and
 * the schema lacks, but lets through a field the schema adds (an input the service never reads) or an
 * optional one it drops, and a view enum narrower than the values the domain produces.
 */
export const parsesTo =
  <Domain>() =>
  <Schema extends z.ZodType<Domain>>(
    schema: Schema &
      (Same<z.output<Schema>, Domain> extends true
        ? unknown
        : { domainType: Domain; schemaParsesTo: z.output<Schema> }),
  ): Schema =>
    schema;

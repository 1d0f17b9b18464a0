import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaFor } from '../../../src/domain/shared/schema-for.ts';

interface Photo {
  url: string;
  caption: string | null;
}

interface DescribedPhoto extends Photo {
  alt?: string;
}

const photo = z.object({ url: z.string(), caption: z.string().nullable() });

/**
 * schemaFor is a compile-time check: each `@ts-expect-error` below fails the typecheck if the call it marks
 * ever compiles. The first three are drift `satisfies z.ZodType<T>` lets through.
 */
describe('schemaFor', () => {
  it('returns the schema itself when it parses to exactly the domain type', () => {
    expect(schemaFor<Photo>()(photo)).toBe(photo);
    const listInput = z.object({ cursor: z.string().nullish(), limit: z.number().default(20) }).prefault({});
    expect(schemaFor<{ cursor?: string | null | undefined; limit: number }>()(listInput)).toBe(listInput);
  });

  it('refuses a wire field the domain type does not have', () => {
    const wider = photo.extend({ width: z.number() });
    // @ts-expect-error the schema parses `width`, which Photo lacks
    expect(schemaFor<Photo>()(wider)).toBe(wider);
  });

  it('refuses a domain field the schema would strip, even an optional one', () => {
    // @ts-expect-error DescribedPhoto has `alt`; the schema would drop it without a word
    expect(schemaFor<DescribedPhoto>()(photo)).toBe(photo);
  });

  it('refuses a schema narrower than the domain type', () => {
    const required = z.object({ url: z.string(), caption: z.string() });
    // @ts-expect-error caption is nullable in Photo but never null in the schema
    expect(schemaFor<Photo>()(required)).toBe(required);
  });

  it('refuses an enum with a value the domain type does not take', () => {
    const status = z.object({ status: z.enum(['draft', 'listed', 'gone']) });
    // @ts-expect-error 'gone' is not a status
    expect(schemaFor<{ status: 'draft' | 'listed' }>()(status)).toBe(status);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config.ts';

const envExample = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
const documented = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].flatMap((m) => m[1] ?? []));

describe('.env.example', () => {
  it('documents every configuration key the server reads (SPEC §2)', () => {
    // configSchema is an object schema wrapped in refinements; its shape lists every key.
    const keys = Object.keys(configSchema.shape);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !documented.has(key))).toEqual([]);
  });

  it('documents no key the configuration does not read', () => {
    const keys = new Set(Object.keys(configSchema.shape));
    expect([...documented].filter((key) => !keys.has(key))).toEqual([]);
  });
});

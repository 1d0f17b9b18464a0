import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateDbTypes, generatedTypesFile } from '../../src/codegen.ts';
import { useTestDatabase } from '../../src/testing/index.ts';

const { url } = await useTestDatabase();

describe('generated DB types', () => {
  it('match the migrated schema byte for byte', async () => {
    const generated = await generateDbTypes(url);
    const committed = await readFile(generatedTypesFile, 'utf8');
    expect(
      committed,
      'packages/db/src/types.generated.ts is stale: run `pnpm db:codegen` (node scripts/pnpm.mjs db:codegen)',
    ).toBe(generated);
  });
});

import { describe, expect, it } from 'vitest';
import { allowedImports, importedModules, selfContainedProblems } from '../../scripts/self-contained.ts';

describe('the self-contained check on shipped files', () => {
  it('finds static, dynamic, require and import-type specifiers', () => {
    const code = [
      "import { a } from '@trpc/client';",
      'export type { B } from "@trpc/server/unstable-core-do-not-import";',
      "import './side-effect.js';",
      "const c = await import('superjson');",
      "const d = require('pg');",
      "type E = import('kysely').Kysely<unknown>;",
    ].join('\n');
    expect(importedModules(code)).toEqual([
      './side-effect.js',
      '@trpc/client',
      '@trpc/server/unstable-core-do-not-import',
      'kysely',
      'pg',
      'superjson',
    ]);
  });

  it('accepts declarations that import only @trpc types', () => {
    const code =
      "import { TRPCClient } from '@trpc/client';\nimport { TRPCBuiltRouter } from '@trpc/server';";
    expect(selfContainedProblems(code, allowedImports.dts)).toEqual([]);
  });

  it('flags server modules, imported or merely named', () => {
    const code = [
      "import type { Kysely } from 'kysely';",
      '/** Context from @stayhub/api holds ioredis and graphile-worker handles. */',
      "import type { DB } from '@stayhub/db';",
    ].join('\n');
    expect(selfContainedProblems(code, allowedImports.dts)).toEqual([
      'imports @stayhub/db (allowed: @trpc/client, @trpc/server)',
      'imports kysely (allowed: @trpc/client, @trpc/server)',
      'mentions @stayhub/db',
      'mentions @stayhub/api',
      'mentions kysely',
      'mentions ioredis',
      'mentions graphile-worker',
    ]);
  });

  it('does not mistake words that merely contain a module name', () => {
    expect(selfContainedProblems("type Photo = { url: 'cover.jpg'; kind: 'pgsql-ish' };", [])).toEqual([]);
    expect(selfContainedProblems('// uses @types/pg', [])).toEqual([]);
  });
});

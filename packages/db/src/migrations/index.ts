import type { Migration } from 'kysely';
import * as m0001 from './2026_11_23_0001_extensions.ts';

/** Every migration, in order. Append new files here; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_extensions': m0001,
};

import { afterAll, inject } from 'vitest';
import { cloneTemplate, type TestDatabase } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

/**
 * Call at the top of a test file: a database of the file's own, cloned from the migrated template,
 * dropped after the file. Files run in parallel without sharing state.
 */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await cloneTemplate(inject('dbServerUrl'), inject('dbTemplate'));
  afterAll(() => database.drop());
  return database;
}

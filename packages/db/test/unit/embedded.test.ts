import { describe, expect, it } from 'vitest';
import { embeddedDataDir } from '../../src/embedded.ts';

describe('the embedded PostgreSQL folder', () => {
  it('lives in <DATA_DIR>/postgres, where the README says and where both the app and the db CLI look', () => {
    expect(embeddedDataDir('/srv/stayhub/.data')).toBe('/srv/stayhub/.data/postgres');
  });
});

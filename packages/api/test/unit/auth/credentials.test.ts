import { describe, expect, it } from 'vitest';
import { checkPassword, type PasswordVerifier } from '../../../src/domain/auth/credentials.ts';

/** A verifier that records its calls; `matches` decides every answer. */
function countingVerifier(matches: boolean) {
  const calls: Array<[string, string]> = [];
  let dummies = 0;
  const verifier: PasswordVerifier = {
    verify: async (hash, password) => {
      calls.push([hash, password]);
      return matches;
    },
    dummyHash: async () => {
      dummies += 1;
      return '$dummy$';
    },
  };
  return { verifier, calls, dummies: () => dummies };
}

describe('checkPassword', () => {
  it('verifies a known account once, against its own hash', async () => {
    const { verifier, calls, dummies } = countingVerifier(true);
    expect(await checkPassword('$real$', 'pw', verifier)).toBe(true);
    expect(calls).toEqual([['$real$', 'pw']]);
    expect(dummies()).toBe(0);
  });

  it('verifies an unknown account once too, against the dummy hash, so both paths cost the same', async () => {
    const { verifier, calls } = countingVerifier(false);
    expect(await checkPassword(undefined, 'pw', verifier)).toBe(false);
    expect(calls).toEqual([['$dummy$', 'pw']]);
  });

  it('never lets an unknown account in, whatever the dummy check says', async () => {
    const { verifier } = countingVerifier(true);
    expect(await checkPassword(undefined, 'pw', verifier)).toBe(false);
  });

  it('refuses a wrong password of a known account', async () => {
    const { verifier } = countingVerifier(false);
    expect(await checkPassword('$real$', 'pw', verifier)).toBe(false);
  });
});

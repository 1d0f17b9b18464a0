import { describe, expect, it } from 'vitest';
import {
  emailSubject,
  ipSubject,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  rateLimits,
  userTokenTtlMs,
} from '../../../src/domain/auth/auth.rules.ts';
import {
  decodeSessionCursor,
  encodeSessionCursor,
  storableIp,
} from '../../../src/domain/auth/session.rules.ts';

const neverCommon = () => false;

describe('passwordProblem', () => {
  it('accepts 8 to 128 characters that are not common', () => {
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH), neverCommon)).toBeNull();
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH), neverCommon)).toBeNull();
  });

  it('calls 7 characters too short and 129 too long', () => {
    expect(passwordProblem('x'.repeat(7), neverCommon)).toBe('too_short');
    expect(passwordProblem('x'.repeat(129), neverCommon)).toBe('too_long');
  });

  it('counts characters, not UTF-16 units: four emoji are four characters', () => {
    expect(passwordProblem('🦦🦦🦦🦦', neverCommon)).toBe('too_short');
    expect(passwordProblem('🦦'.repeat(8), neverCommon)).toBeNull();
  });

  it('calls a password the list knows too common', () => {
    expect(passwordProblem('sunshine', (p) => p === 'sunshine')).toBe('too_common');
  });
});

describe('email subjects for rate limits', () => {
  it('treat case and surrounding spaces as the same address', () => {
    expect(normaliseEmail('  Ann@Example.IO ')).toBe('ann@example.io');
    expect(emailSubject('  Ann@Example.IO ')).toBe(emailSubject('ann@example.io'));
    expect(emailSubject('ann@example.io')).not.toBe(emailSubject('bob@example.io'));
  });

  it('never put the address itself in a key', () => {
    expect(emailSubject('ann@example.io')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('count calls with no known IP in one shared bucket', () => {
    expect(ipSubject(null)).toBe(ipSubject(null));
    expect(ipSubject('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('rate limit rules', () => {
  it('have unique names, since names are their keys', () => {
    const names = Object.values(rateLimits).map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('allow at most 5 login attempts per email in 15 minutes (SPEC §7)', () => {
    expect(rateLimits.loginPerEmail).toMatchObject({ points: 5, durationSeconds: 900 });
  });
});

describe('single-use token lifetimes', () => {
  it('give a reset code 1 hour and a verification code 24 hours', () => {
    expect(userTokenTtlMs.password_reset).toBe(3_600_000);
    expect(userTokenTtlMs.email_verification).toBe(86_400_000);
  });
});

const cursorOf = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

describe('session cursors', () => {
  it('round-trip a position exactly', () => {
    const position = {
      createdAt: new Date('2026-11-23T10:00:00.123Z'),
      sessionId: '6f1c1f4e-4a4b-4c7e-9d3e-2b7a1c0d9e8f',
    };
    expect(decodeSessionCursor(encodeSessionCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'bm90IGEgY3Vyc29y'],
    ['a bad date', cursorOf({ t: 'yesterday', i: '6f1c1f4e-4a4b-4c7e-9d3e-2b7a1c0d9e8f' })],
    [
      'an impossible date',
      cursorOf({ t: '2026-02-30T10:00:00.123Z', i: '6f1c1f4e-4a4b-4c7e-9d3e-2b7a1c0d9e8f' }),
    ],
    ['a bad id', cursorOf({ t: '2026-11-23T10:00:00.123Z', i: '42' })],
    [
      'the old pipe format',
      Buffer.from('2026-11-23T10:00:00.123Z|6f1c1f4e-4a4b-4c7e-9d3e-2b7a1c0d9e8f').toString('base64url'),
    ],
  ])('reject %s', (_, cursor) => {
    expect(decodeSessionCursor(cursor)).toBeUndefined();
  });
});

describe('storableIp', () => {
  it('keeps IPv4 and IPv6 addresses', () => {
    expect(storableIp('203.0.113.7')).toBe('203.0.113.7');
    expect(storableIp('::ffff:127.0.0.1')).toBe('::ffff:127.0.0.1');
  });

  it('drops anything else a forwarded header may carry', () => {
    expect(storableIp('not-an-ip')).toBeNull();
    expect(storableIp('1.2.3.4, 5.6.7.8')).toBeNull();
    expect(storableIp(null)).toBeNull();
  });
});

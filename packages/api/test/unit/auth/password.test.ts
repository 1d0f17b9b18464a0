import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/domain/auth/password.ts';

describe('passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct horse battery stapler')).resolves.toBe(false);
  });

  it('throws, rather than answer "wrong password", on a hash argon2 cannot read', async () => {
    const hash = await hashPassword('correct horse battery staple');
    // Cut inside the last field (the digest), so the hash is malformed whatever its random salt is.
    const truncated = hash.slice(0, hash.lastIndexOf('$') + 1);
    await expect(verifyPassword(truncated, 'correct horse battery staple')).rejects.toThrow(
      'the stored password hash cannot be verified',
    );
    await expect(verifyPassword('not a hash', 'x')).rejects.toThrow(
      'the stored password hash cannot be verified',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { canBecomeHost, profileColumns } from '../../../src/domain/users/user.rules.ts';
import { updateProfileInput } from '../../../src/schemas/users.schemas.ts';

describe('profileColumns', () => {
  it('maps only the fields that were sent', () => {
    expect(profileColumns({ firstName: 'Ana', bio: 'Hi' })).toEqual({ first_name: 'Ana', bio: 'Hi' });
  });

  it('keeps null, which clears a field', () => {
    expect(profileColumns({ phoneNumber: null, avatarUrl: null, bio: null })).toEqual({
      phone_number: null,
      avatar_url: null,
      bio: null,
    });
  });

  it('is empty for an empty patch', () => {
    expect(profileColumns({})).toEqual({});
  });
});

describe('canBecomeHost', () => {
  it('lets only a guest become a host', () => {
    expect(canBecomeHost('guest')).toBe(true);
    expect(canBecomeHost('host')).toBe(false);
    expect(canBecomeHost('admin')).toBe(false);
  });
});

describe('updateProfileInput', () => {
  it.each([
    ['+351912345678', '+351912345678'],
    [' +351 912 345 678 ', '+351912345678'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+44.20.7946.0958', '+442079460958'],
  ])('stores phone number %j as %j', (input, stored) => {
    expect(updateProfileInput.parse({ phoneNumber: input }).phoneNumber).toBe(stored);
  });

  it.each(['912345678', '+0123456789', '+12345', '+1234567890123456', '+351 91x'])(
    'refuses phone number %j',
    (input) => {
      expect(updateProfileInput.safeParse({ phoneNumber: input }).success).toBe(false);
    },
  );

  it('trims names and turns a blank bio into none', () => {
    expect(updateProfileInput.parse({ firstName: ' Ana ', bio: '  ' })).toEqual({
      firstName: 'Ana',
      bio: null,
    });
  });

  it('accepts only https avatar URLs', () => {
    expect(updateProfileInput.safeParse({ avatarUrl: 'https://cdn.example.test/a.png' }).success).toBe(true);
    expect(updateProfileInput.safeParse({ avatarUrl: 'http://cdn.example.test/a.png' }).success).toBe(false);
    expect(updateProfileInput.safeParse({ avatarUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses keys it does not know, such as role or email', () => {
    expect(updateProfileInput.safeParse({ role: 'admin' }).success).toBe(false);
    expect(updateProfileInput.safeParse({ email: 'x@example.test' }).success).toBe(false);
  });
});

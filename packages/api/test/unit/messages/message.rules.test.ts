import { describe, expect, it } from 'vitest';
import {
  counterpartOf,
  decideStart,
  messageEmailJobKey,
  preview,
  roleIn,
} from '../../../src/domain/messages/message.rules.ts';

const conversation = { guest_id: 'guest', host_id: 'host' };
const listed = { hostId: 'host', status: 'listed' } as const;

describe('conversation participants', () => {
  it('knows each side and nobody else', () => {
    expect(roleIn(conversation, 'guest')).toBe('guest');
    expect(roleIn(conversation, 'host')).toBe('host');
    expect(roleIn(conversation, 'admin')).toBeUndefined();
    expect(counterpartOf(conversation, 'guest')).toBe('host');
    expect(counterpartOf(conversation, 'host')).toBe('guest');
  });
});

describe('decideStart', () => {
  it('lets anyone but the host ask about a listed place before booking, as its guest', () => {
    expect(
      decideStart({ viewerId: 'ana', propertyId: 'p', property: listed, bookingRequested: false }),
    ).toEqual({
      ok: true,
      guestId: 'ana',
      hostId: 'host',
    });
  });

  it('refuses the host a conversation about their own place without a booking', () => {
    expect(
      decideStart({ viewerId: 'host', propertyId: 'p', property: listed, bookingRequested: false }),
    ).toEqual({
      ok: false,
      error: 'OWN_PROPERTY',
    });
  });

  it.each(['draft', 'unlisted', 'suspended', 'archived'] as const)(
    'hides a %s place from a question before booking',
    (status) => {
      expect(
        decideStart({
          viewerId: 'ana',
          propertyId: 'p',
          property: { hostId: 'host', status },
          bookingRequested: false,
        }),
      ).toEqual({ ok: false, error: 'PROPERTY_NOT_FOUND' });
    },
  );

  it('puts the booking guest and the host in a booking conversation, whichever of them starts it', () => {
    const booking = { guestId: 'ana', propertyId: 'p' };
    for (const viewerId of ['ana', 'host']) {
      expect(
        decideStart({ viewerId, propertyId: 'p', property: listed, bookingRequested: true, booking }),
      ).toEqual({ ok: true, guestId: 'ana', hostId: 'host' });
    }
  });

  it('hides a booking from anyone else, a booking of another place, and a booking that does not exist', () => {
    const booking = { guestId: 'ana', propertyId: 'p' };
    const cases = [
      { viewerId: 'bob', booking },
      { viewerId: 'ana', booking: { guestId: 'ana', propertyId: 'other' } },
      { viewerId: 'ana', booking: undefined },
    ];
    for (const { viewerId, booking: found } of cases) {
      expect(
        decideStart({ viewerId, propertyId: 'p', property: listed, bookingRequested: true, booking: found }),
      ).toEqual({ ok: false, error: 'BOOKING_NOT_FOUND' });
    }
  });
});

describe('new-message email timer and previews', () => {
  it('keys one timer per conversation and recipient', () => {
    expect(messageEmailJobKey('c1', 'u1')).toBe('conversation:c1:u1:email');
  });

  it('previews a message on one line, cut at 140 characters', () => {
    expect(preview('  Hello\n\nthere  ')).toBe('Hello there');
    const long = preview('a'.repeat(200));
    expect(long).toHaveLength(140);
    expect(long.endsWith('…')).toBe(true);
    expect(preview('b'.repeat(140))).toBe('b'.repeat(140));
  });
});

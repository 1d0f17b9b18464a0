import type { World } from './world.ts';

/** The kinds of row an id in a procedure's input names. */
export type Entity =
  | 'booking'
  | 'property'
  | 'photo'
  | 'conversation'
  | 'message'
  | 'review'
  | 'session'
  | 'notification'
  | 'user';

/**
 * What the owners see of a row of each kind, read through their own read procedures. A call by someone who
 * may not touch the row must leave this exactly as it was. `id` is the id the call named, where the view
 * depends on which row it was (a booking, a user); the other kinds are the world's one row of that kind.
 */
export async function ownerView(world: World, entity: Entity, id: string | undefined): Promise<unknown> {
  const { guest, host, propertyId } = world;
  switch (entity) {
    case 'booking': {
      const bookingId = id ?? world.confirmedBookingId;
      return {
        asGuest: await guest.caller.bookings.get({ bookingId }),
        asHost: await host.caller.bookings.get({ bookingId }),
        payments: await guest.caller.payments.listForBooking({ bookingId }),
      };
    }
    case 'property':
    case 'photo':
      // Photos are part of the listing's view; its calendar and bookings show any hold or block.
      return {
        listing: await host.caller.properties.get({ propertyId }),
        calendar: await host.caller.properties.calendar({ propertyId, from: '2031-03-01', to: '2031-10-01' }),
        bookings: await host.caller.bookings.listForHost({ propertyId }),
      };
    case 'conversation':
    case 'message':
      return {
        messages: await guest.caller.messages.list({ conversationId: world.conversationId }),
        guestInbox: await guest.caller.messages.conversations(),
        hostInbox: await host.caller.messages.conversations(),
      };
    case 'review':
      return await host.caller.reviews.listForProperty({ propertyId });
    case 'session':
      return await guest.caller.auth.sessions();
    case 'notification':
      return {
        list: await host.caller.notifications.list(),
        unread: await host.caller.notifications.unreadCount(),
      };
    case 'user': {
      const owner = id === host.userId ? host : guest;
      return await owner.caller.users.me();
    }
  }
}

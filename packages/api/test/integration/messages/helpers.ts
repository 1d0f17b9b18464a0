import type { Deps } from '../../../src/domain/deps.ts';
import { signedIn } from '../../../src/testing/index.ts';
import { hostWithListing } from '../reviews/helpers.ts';

/** A host with a listed place, and a guest who asked about it before booking (one message, guest → host). */
export async function guestAskedHost(deps: Deps, messageBody = 'Is the flat quiet at night?') {
  const { host, propertyId } = await hostWithListing(deps);
  const guest = await signedIn(deps, 'guest', { first_name: 'Amara' });
  const started = await guest.caller.messages.start({ propertyId, messageBody });
  return { host, guest, propertyId, conversationId: started.conversation.conversationId, started };
}

export function conversationsOf(deps: Deps, guestId: string, propertyId: string) {
  return deps.db
    .selectFrom('conversations')
    .select(['conversation_id', 'booking_id', 'last_message_at'])
    .where('guest_id', '=', guestId)
    .where('property_id', '=', propertyId)
    .execute();
}

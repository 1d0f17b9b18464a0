import type { z } from 'zod';
import type { messageView, startedConversationView } from '../../schemas/messages.schemas.ts';
import { builder } from '../builder.ts';

export const MessageType = builder.objectRef<z.infer<typeof messageView>>('Message').implement({
  fields: (t) => ({
    messageId: t.exposeID('messageId'),
    conversationId: t.exposeID('conversationId'),
    senderId: t.exposeID('senderId'),
    recipientId: t.exposeID('recipientId'),
    messageBody: t.exposeString('messageBody'),
    sentAt: t.expose('sentAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
  }),
});

export const StartedConversationType = builder
  .objectRef<z.infer<typeof startedConversationView>>('StartedConversation')
  .implement({
    fields: (t) => ({
      conversationId: t.id({ resolve: (started) => started.conversation.conversationId }),
      message: t.field({ type: MessageType, resolve: (started) => started.message }),
    }),
  });

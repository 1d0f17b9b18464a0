import {
  listConversations,
  listMessages,
  markConversationRead,
  sendMessage,
  startConversation,
} from '../domain/messages/message.service.ts';
import {
  conversationList,
  conversationReadView,
  listConversationsInput,
  listMessagesInput,
  markConversationReadInput,
  messageList,
  messageView,
  sendMessageInput,
  startConversationInput,
  startedConversationView,
} from '../schemas/messages.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure } from '../trpc/procedures.ts';

/** Guest–host conversations (SPEC §4 Messages): only the two participants see or write one. */
export const messagesRouter = router({
  start: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/conversations', tags: ['messages'], protect: true } })
    .input(startConversationInput)
    .output(startedConversationView)
    .mutation(({ ctx, input }) => startConversation(ctx.deps, ctx.viewer, input)),

  send: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/conversations/{conversationId}/messages',
        tags: ['messages'],
        protect: true,
      },
    })
    .input(sendMessageInput)
    .output(messageView)
    .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.viewer, input)),

  conversations: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/conversations', tags: ['messages'], protect: true } })
    .input(listConversationsInput)
    .output(conversationList)
    .query(({ ctx, input }) => listConversations(ctx.deps, ctx.viewer, input)),

  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/conversations/{conversationId}/messages',
        tags: ['messages'],
        protect: true,
      },
    })
    .input(listMessagesInput)
    .output(messageList)
    .query(({ ctx, input }) => listMessages(ctx.deps, ctx.viewer, input)),

  markRead: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/conversations/{conversationId}/read',
        tags: ['messages'],
        protect: true,
      },
    })
    .input(markConversationReadInput)
    .output(conversationReadView)
    .mutation(({ ctx, input }) => markConversationRead(ctx.deps, ctx.viewer, input)),
});

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
    .input(startConversationInput)
    .output(startedConversationView)
    .mutation(({ ctx, input }) => startConversation(ctx.deps, ctx.viewer, input)),

  send: authedProcedure
    .input(sendMessageInput)
    .output(messageView)
    .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.viewer, input)),

  conversations: authedProcedure
    .input(listConversationsInput)
    .output(conversationList)
    .query(({ ctx, input }) => listConversations(ctx.deps, ctx.viewer, input)),

  list: authedProcedure
    .input(listMessagesInput)
    .output(messageList)
    .query(({ ctx, input }) => listMessages(ctx.deps, ctx.viewer, input)),

  markRead: authedProcedure
    .input(markConversationReadInput)
    .output(conversationReadView)
    .mutation(({ ctx, input }) => markConversationRead(ctx.deps, ctx.viewer, input)),
});

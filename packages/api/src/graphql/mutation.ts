import type { z } from 'zod';
import { login, register } from '../domain/auth/account.service.ts';
import { createBooking } from '../domain/bookings/booking.service.ts';
import { cancelBooking } from '../domain/bookings/booking-transition.service.ts';
import { sendMessage, startConversation } from '../domain/messages/message.service.ts';
import { createReview } from '../domain/reviews/review.service.ts';
import type { authResult } from '../schemas/auth.schemas.ts';
import { loginInput, registerInput } from '../schemas/auth.schemas.ts';
import { cancelBookingInput, createBookingInput } from '../schemas/bookings.schemas.ts';
import { sendMessageInput, startConversationInput } from '../schemas/messages.schemas.ts';
import { createReviewInput } from '../schemas/reviews.schemas.ts';
import { given } from './args.ts';
import { builder } from './builder.ts';
import { BookingType, PaymentMethod } from './types/booking.type.ts';
import { MessageType, StartedConversationType } from './types/message.type.ts';
import { ReviewType } from './types/review.type.ts';
import { MeType } from './types/user.type.ts';

const AuthPayload = builder.objectRef<z.infer<typeof authResult>>('AuthPayload').implement({
  description: 'The only copy of the session token (send it as `Authorization: Bearer`), and the user.',
  fields: (t) => ({
    token: t.exposeString('token'),
    user: t.field({ type: MeType, resolve: (result) => result.user }),
  }),
});

const RegisterInput = builder.inputType('RegisterInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    phoneNumber: t.string(),
  }),
});

const CreateBookingInput = builder.inputType('CreateBookingInput', {
  fields: (t) => ({
    propertyId: t.id({ required: true }),
    startDate: t.string({ required: true, description: 'YYYY-MM-DD' }),
    endDate: t.string({ required: true, description: 'YYYY-MM-DD, after startDate' }),
    guests: t.int({ required: true }),
    paymentMethod: t.field({ type: PaymentMethod, required: true }),
    paymentToken: t.string({ required: true, description: 'A provider token (tok_visa…); never card data.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Unique per guest: a retry with the same key and input returns the same booking.',
    }),
  }),
});

/** The core flow's writes (SPEC §8), each one service call, as the matching tRPC mutation makes it. */
builder.mutationFields((t) => ({
  register: t.field({
    type: AuthPayload,
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    resolve: (_root, args, ctx) =>
      register(ctx.request.deps, registerInput.parse(given(args.input)), ctx.request.meta),
  }),

  login: t.field({
    type: AuthPayload,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => login(ctx.request.deps, loginInput.parse(args), ctx.request.meta),
  }),

  createBooking: t.field({
    type: BookingType,
    args: { input: t.arg({ type: CreateBookingInput, required: true }) },
    resolve: async (_root, args, ctx) =>
      createBooking(ctx.request.deps, await ctx.viewer(), createBookingInput.parse(args.input)),
  }),

  cancelBooking: t.field({
    type: BookingType,
    args: { bookingId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_root, args, ctx) =>
      cancelBooking(ctx.request.deps, await ctx.viewer(), cancelBookingInput.parse(given(args))),
  }),

  createReview: t.field({
    type: ReviewType,
    args: {
      bookingId: t.arg.id({ required: true }),
      rating: t.arg.int({ required: true }),
      comment: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) =>
      createReview(ctx.request.deps, await ctx.viewer(), createReviewInput.parse(args)),
  }),

  startConversation: t.field({
    type: StartedConversationType,
    description: 'messages.start: opens (or reuses) the conversation about a listing or a booking.',
    args: {
      propertyId: t.arg.id({ required: true }),
      bookingId: t.arg.id(),
      messageBody: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) =>
      startConversation(ctx.request.deps, await ctx.viewer(), startConversationInput.parse(given(args))),
  }),

  sendMessage: t.field({
    type: MessageType,
    description: 'messages.send: a message in a conversation the viewer is part of.',
    args: { conversationId: t.arg.id({ required: true }), messageBody: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) =>
      sendMessage(ctx.request.deps, await ctx.viewer(), sendMessageInput.parse(args)),
  }),
}));

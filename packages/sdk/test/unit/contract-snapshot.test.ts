import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deprecationsOf } from '../../scripts/contract-deprecations.ts';
import { parseSnapshot, snapshotOf, snapshotText } from '../../scripts/contract-snapshot.ts';

/** A stand-in API built the way the real one is: tRPC procedures with zod inputs and explicit outputs. */
const t = initTRPC.meta<{ deprecated?: string }>().create();
const unused = () => {
  throw new Error('the snapshot never calls a resolver');
};

function standInRouter(status: readonly [string, ...string[]] = ['confirmed', 'canceled']) {
  const booking = z.object({
    bookingId: z.uuid(),
    status: z.enum(status),
    createdAt: z.date(),
    canceledAt: z.date().nullable(),
  });
  return t.router({
    rooms: t.router({
      book: t.procedure
        .input(
          z.object({
            roomId: z.uuid(),
            nights: z.number().int().min(1).max(365),
            note: z.string().max(200).optional(),
            limit: z.number().int().default(20),
            guestName: z.string().optional().meta({ deprecated: true, description: 'Use `note`.' }),
          }),
        )
        .output(booking)
        .mutation(unused),
      list: t.procedure.output(z.array(booking)).query(unused),
      oldList: t.procedure.meta({ deprecated: 'Use rooms.list.' }).output(z.array(booking)).query(unused),
    }),
    health: t.procedure.output(z.object({ ok: z.boolean() })).query(unused),
  });
}

describe('the contract snapshot', () => {
  it("states every procedure's path, kind, input and output as JSON Schema, sorted by path", () => {
    const snapshot = snapshotOf(standInRouter(), ['NOT_FOUND', 'CONFLICT']);

    expect(Object.keys(snapshot.procedures)).toEqual(['health', 'rooms.book', 'rooms.list', 'rooms.oldList']);
    expect(snapshot.errorReasons).toEqual(['CONFLICT', 'NOT_FOUND']);
    const book = snapshot.procedures['rooms.book'];
    expect(book?.kind).toBe('mutation');
    expect(snapshot.procedures['rooms.list']?.kind).toBe('query');
    expect(snapshot.procedures.health?.input).toBeNull();
    // The input as a caller sends it: a field with a default is optional there.
    expect(book?.input).toMatchObject({
      type: 'object',
      required: ['nights', 'roomId'],
      properties: {
        nights: { type: 'integer', minimum: 1, maximum: 365 },
        note: { type: 'string', maxLength: 200 },
        limit: { type: 'integer', default: 20 },
      },
    });
    expect(book?.output).toMatchObject({
      properties: {
        createdAt: { type: 'string', format: 'date-time', 'x-superjson': 'Date' },
        canceledAt: { anyOf: [{ 'x-superjson': 'Date' }, { type: 'null' }] },
      },
    });
  });

  it('records deprecated fields (zod meta) and procedures (tRPC meta)', () => {
    const snapshot = snapshotOf(standInRouter(), []);

    expect(snapshot.procedures['rooms.book']?.input).toMatchObject({
      properties: { guestName: { type: 'string', deprecated: true, description: 'Use `note`.' } },
    });
    expect(snapshot.procedures['rooms.oldList']?.deprecated).toBe('Use rooms.list.');
    expect(snapshot.procedures['rooms.list']?.deprecated).toBeUndefined();
    expect(deprecationsOf(snapshot)).toEqual(
      new Map([
        ['rooms.book', { input: [{ path: ['guestName'], message: 'Use `note`.' }], output: [] }],
        ['rooms.oldList', { procedure: 'Use rooms.list.', input: [], output: [] }],
      ]),
    );
  });

  it('writes the same text on every run, with sorted keys, and an enum reordered is no change', () => {
    const text = snapshotText(snapshotOf(standInRouter(), ['NOT_FOUND', 'CONFLICT']));

    expect(snapshotText(snapshotOf(standInRouter(), ['CONFLICT', 'NOT_FOUND']))).toBe(text);
    expect(
      snapshotText(snapshotOf(standInRouter(['canceled', 'confirmed']), ['CONFLICT', 'NOT_FOUND'])),
    ).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    const keysInOrder = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(keysInOrder);
      if (typeof value !== 'object' || value === null) return true;
      const keys = Object.keys(value);
      return keys.join('\0') === [...keys].sort().join('\0') && Object.values(value).every(keysInOrder);
    };
    expect(keysInOrder(JSON.parse(text))).toBe(true);
    expect(parseSnapshot(text, 'stand-in')).toEqual(snapshotOf(standInRouter(), ['NOT_FOUND', 'CONFLICT']));
  });

  it('refuses a schema JSON Schema cannot state, naming the procedure and field', () => {
    const router = t.router({
      stats: t.procedure.output(z.object({ total: z.bigint() })).query(unused),
    });
    expect(() => snapshotOf(router, [])).toThrow(/stats \(output\) at properties\.total/);
  });
});

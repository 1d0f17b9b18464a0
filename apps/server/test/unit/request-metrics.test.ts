import { appRouter } from '@stayhub/api';
import { describe, expect, it } from 'vitest';
import { BATCH, codeLabel, OTHER, procedureLabel, TRPC_ROUTE } from '../../src/request-metrics.ts';

const procedures = new Set(Object.keys(appRouter._def.procedures));
const trpc = (path: unknown, batch = false) => procedureLabel({ route: TRPC_ROUTE, path, batch }, procedures);

describe('the procedure label of a request', () => {
  it("is the router's procedure path for a call to a real procedure, batched alone or not", () => {
    expect(trpc('auth.login')).toBe('auth.login');
    expect(trpc('properties.search', true)).toBe('properties.search');
    expect(procedures.has('auth.login')).toBe(true);
  });

  it('is other for a path the router does not have, whatever it holds', () => {
    for (const path of [
      'auth.nope',
      'auth',
      '',
      '0b7e3c1a-5d2f-4c8e-9a61-3f4d2e1b0c9a',
      'someone@example.test',
      'auth.login/../../etc',
      'auth.login,auth.logout', // not a batch without ?batch=1: tRPC looks for that one path
      'constructor',
      '__proto__',
      'a'.repeat(5_000),
    ]) {
      expect(trpc(path)).toBe(OTHER);
    }
    expect(trpc(undefined)).toBe(OTHER);
    expect(trpc(['auth.login'])).toBe(OTHER);
  });

  it('is batch for a batch of several calls, known or not', () => {
    expect(trpc('auth.login,auth.logout', true)).toBe(BATCH);
    expect(trpc('health,no.such.thing', true)).toBe(BATCH);
  });

  it('is the route pattern outside tRPC, and other when no route matched', () => {
    expect(procedureLabel({ route: '/healthz', path: undefined, batch: false }, procedures)).toBe('/healthz');
    expect(procedureLabel({ route: undefined, path: 'auth.login', batch: false }, procedures)).toBe(OTHER);
  });
});

describe('the code label of a response', () => {
  it("is tRPC's error code when a call failed, else OK or the status class", () => {
    expect(codeLabel(404, 'NOT_FOUND')).toBe('NOT_FOUND');
    expect(codeLabel(207, 'UNAUTHORIZED')).toBe('UNAUTHORIZED');
    expect(codeLabel(200, undefined)).toBe('OK');
    expect(codeLabel(304, undefined)).toBe('OK');
    expect(codeLabel(404, undefined)).toBe('4xx');
    expect(codeLabel(413, undefined)).toBe('4xx');
    expect(codeLabel(503, undefined)).toBe('5xx');
  });
});

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { useTestDeps } from '@stayhub/api/testing';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

/**
 * SPEC §8: the OpenAPI document at /openapi.json validates against the OpenAPI 3.1 schema, and a client
 * generated from it (openapi-typescript + openapi-fetch) type-checks the core flow — and rejects a wrong call.
 */

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 65_536, TRPC_MAX_BATCH_SIZE: 5, CORS_ORIGINS: [], TRUST_PROXY: false },
});
afterAll(() => app.close());

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The parts of the document the assertions read. */
type OpenApiShape = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
};

async function fetchDocument(): Promise<OpenApiShape> {
  const response = await app.inject({ url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('application/json');
  return response.json<OpenApiShape>();
}

const goodSample = `
import createClient from 'openapi-fetch';
import type { components, paths } from './stayhub.ts';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });

export async function searchGetLoginBook(): Promise<components['schemas']['BookingsCreateResult'] | string> {
  const found = await client.GET('/api/v1/properties', {
    params: { query: { text: 'Lisbon', startDate: '2031-05-01', endDate: '2031-05-04', guests: 2, amenities: ['wifi'] } },
  });
  const first = found.data?.items[0];
  if (first === undefined) return 'nothing free';
  const place = await client.GET('/api/v1/properties/{propertyId}', { params: { path: { propertyId: first.propertyId } } });
  const nightly: number | undefined = place.data?.pricePerNightCents;
  const login = await client.POST('/api/v1/auth/login', { body: { email: 'ana@example.test', password: 'secret-secret' } });
  if (login.error) return login.error.reason;
  const booked = await client.POST('/api/v1/bookings', {
    headers: { authorization: \`Bearer \${login.data.token}\` },
    body: {
      propertyId: first.propertyId,
      startDate: '2031-05-01',
      endDate: '2031-05-04',
      guests: 2,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: \`stay-\${nightly}\`,
    },
  });
  if (booked.error) return \`\${booked.error.code} \${booked.error.reason}\`;
  const status: 'requested' | 'pending' | 'confirmed' | 'declined' | 'canceled' | 'expired' | 'completed' | 'failed' =
    booked.data.status;
  return status === 'confirmed' ? booked.data : status;
}
`;

/** Each line is one mistake the generated types must refuse. */
const badSample = `
import createClient from 'openapi-fetch';
import type { paths } from './stayhub.ts';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });

export async function mistakes() {
  await client.GET('/api/v1/properties/{propertyId}', { params: { path: { bookingId: 'b' } } }); // MISTAKE wrong path parameter
  await client.POST('/api/v1/bookings', { body: { propertyId: 'p', startDate: '2031-05-01', endDate: '2031-05-04', guests: 2 } }); // MISTAKE missing fields
  await client.GET('/api/v1/properties', { params: { query: { guests: 'two' } } }); // MISTAKE a number as text
  await client.GET('/api/v1/propertys'); // MISTAKE no such path
}
`;

async function typecheck(dir: string, file: string): Promise<string> {
  try {
    await promisify(execFile)(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--target',
        'ES2023',
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--allowImportingTsExtensions',
        '--skipLibCheck',
        '--types',
        'node',
        path.join(dir, file),
      ],
      { cwd: dir },
    );
    return '';
  } catch (error) {
    const stdout = error instanceof Error ? Reflect.get(error, 'stdout') : undefined;
    return typeof stdout === 'string' && stdout !== '' ? stdout : String(error);
  }
}

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 and describes every operation, the bearer scheme and the error answers', async () => {
    const document = await fetchDocument();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');

    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const booking = document.paths['/api/v1/bookings/{bookingId}']?.get;
    expect(booking?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(booking?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '429']),
    );
    expect(document.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('generates a typed client that accepts search → get → login → book and refuses wrong calls', {
    timeout: 120_000,
  }, async () => {
    const document = await fetchDocument();
    // Inside apps/server, so the generated client resolves openapi-fetch and @types/node like the app does.
    const cache = path.join(serverDir, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const dir = await mkdtemp(path.join(cache, 'openapi-client-'));
    try {
      const types = astToString(await openapiTS(JSON.stringify(document)));
      await writeFile(path.join(dir, 'stayhub.ts'), types);
      await writeFile(path.join(dir, 'good.ts'), goodSample);
      await writeFile(path.join(dir, 'bad.ts'), badSample);

      expect(await typecheck(dir, 'good.ts')).toBe('');

      const errors = await typecheck(dir, 'bad.ts');
      const refusedLines = new Set([...errors.matchAll(/bad\.ts\((\d+),/g)].map((match) => Number(match[1])));
      const mistakeLines = badSample
        .split('\n')
        .flatMap((line, index) => (line.includes('// MISTAKE') ? [index + 1] : []));
      expect({ refused: mistakeLines.filter((line) => refusedLines.has(line)) }).toEqual({
        refused: mistakeLines,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from 'node:child_process';
import { restOperations } from '@stayhub/api';
import { useTestDeps } from '@stayhub/api/testing';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

/**
 * `/docs` in a real browser (Debian's chromium, or CHROMIUM_PATH, through playwright-core): Swagger UI
 * from the installed package renders /openapi.json and lists every operation, and the page asks no other
 * origin for anything (no CDN).
 */

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 65_536, TRPC_MAX_BATCH_SIZE: 5, CORS_ORIGINS: [], TRUST_PROXY: false },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await app.close();
});

describe('the API docs page', () => {
  it('renders the OpenAPI document with every operation, from this server alone', async () => {
    const context = await browser.newContext();
    const elsewhere: string[] = [];
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const failed: string[] = [];
    page.on('pageerror', (error) => failed.push(error.message));

    const response = await page.goto(`${origin}/docs`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: /StayHub API/ }).waitFor();
    const operations = page.locator('.opblock');
    await operations.first().waitFor();

    expect(await operations.count()).toBe(restOperations().length);
    const summaries = await page.locator('.opblock-summary-path').allInnerTexts();
    expect(summaries.map((text) => text.replace(/\u200b/g, ''))).toEqual(
      expect.arrayContaining(['/api/v1/properties/{propertyId}', '/api/v1/bookings', '/api/v1/auth/login']),
    );
    expect({ elsewhere, failed }).toEqual({ elsewhere: [], failed: [] });
    await context.close();
  });
});

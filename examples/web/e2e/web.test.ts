/**
 * The example frontend in a real browser (Debian's chromium through playwright-core) against a real server
 * process serving the built page (WEB_DIST) and a real worker process, on a database of this file's own
 * with the demo seed. Only role and label locators: what a person, or a screen reader, finds on the page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '@stayhub/api/seed';
import { useTestDatabase } from '@stayhub/db/testing';
import { createStayHubClient } from '@stayhub/sdk';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  appEnv,
  eventually,
  freePort,
  startApp,
} from '../../../apps/server/test/support/processes.ts';
import { launchChromium, openPage, screenshot } from './support/browser.ts';
import { buildPage } from './support/build-page.ts';

const database = await useTestDatabase();
const workDir = await mkdtemp(path.join(tmpdir(), 'stayhub-web-e2e-'));
const distDir = path.join(workDir, 'dist');

let server: AppProcess;
let worker: AppProcess;
let browser: Browser;
let origin: string;

/** A calendar day `days` from now, far enough ahead that no time zone still has it in the past. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await Promise.all([buildPage(distDir), seedDemo(database.db)]);
  const env = appEnv({ databaseUrl: database.url, dataDir: workDir, label: 'web-e2e' });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = startApp('server', { ...env, PORT: String(port), WEB_DIST: distDir, LOG_LEVEL: 'warn' });
  worker = startApp('worker', { ...env, WORKER_POLL_INTERVAL_MS: '200', LOG_LEVEL: 'warn' });
  await eventually(async () => {
    const res = await fetch(`${origin}/readyz`);
    return res.ok ? true : undefined;
  }, 60_000).catch((error: unknown) => {
    throw new Error(`the server did not become ready:\n${server.output()}`, { cause: error });
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.terminate(), worker?.terminate()]);
  await rm(workDir, { recursive: true, force: true });
});

/** Waits for the element to be on the page (the locator's timeout), and returns it. */
async function see(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator.first();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the web example in Chromium', () => {
  it('serves the page at / and every page path, and leaves the API paths to the API', async () => {
    const page = await fetch(`${origin}/trips`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${origin}/healthz`)).headers.get('content-type')).toContain('application/json');
    const unknownProcedure = await fetch(`${origin}/trpc/nope`, { headers: { accept: 'text/html' } });
    expect(unknownProcedure.status).toBe(404);
    expect(unknownProcedure.headers.get('content-type')).toContain('application/json');
  });

  it('lets a new guest find a place for their dates, book and pay, see it confirmed, cancel it and see the refund', async () => {
    const page = await openPage(browser, origin);
    const startDate = daysAhead(60);
    const endDate = daysAhead(63);

    await page.goto(origin);
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('First name').fill('Wendy');
    await page.getByLabel('Last name').fill('Web');
    await page.getByLabel('Email').fill(`wendy-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('lantern-meadow-orbit-7');
    await screenshot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await see(page.getByText('Signed in as Wendy'));

    await page.getByLabel('Where').fill('Lisbon');
    await page.getByLabel('Check-in').fill(startDate);
    await page.getByLabel('Check-out').fill(endDate);
    await page.getByLabel('Guests').fill('2');
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.getByRole('article').filter({
      has: page.getByRole('heading', { name: 'Sunny Alfama apartment with river views' }),
    });
    // 3 × €95 + €35 cleaning = €320; 14 % service fee €44.80 (SPEC §4): the server's quote, per card.
    await see(result.getByText('€364.80 for 3 nights'));
    await screenshot(page, '02-search');

    await result.getByRole('link', { name: 'Sunny Alfama apartment with river views' }).click();
    await see(page.getByRole('heading', { level: 1, name: 'Sunny Alfama apartment with river views' }));
    await see(page.getByRole('heading', { name: 'Amenities' }));
    await see(page.getByText('Total'));
    const booking = page.getByRole('complementary');
    await see(booking.getByText('€364.80'));
    expect(await booking.getByLabel('Check-in').inputValue()).toBe(startDate);
    expect(await booking.getByLabel('Test card').inputValue()).toBe('tok_visa');
    await screenshot(page, '03-listing');

    await booking.getByRole('button', { name: 'Book and pay' }).click();
    await see(page.getByRole('heading', { name: 'Your trips' }));
    const trip = page.getByRole('article').filter({ hasText: 'Sunny Alfama apartment with river views' });
    // pending → confirmed once the worker process has charged the card; the page polls, no reload.
    await see(trip.getByText('Status: Confirmed'));
    await screenshot(page, '04-trip-confirmed');

    await trip.getByRole('button', { name: 'Cancel booking' }).click();
    await see(trip.getByText('Canceling now refunds €364.80 of €364.80 paid (full refund'));
    await screenshot(page, '05-cancel-preview');
    await trip.getByRole('button', { name: 'Confirm cancellation' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Booking canceled. €364.80 will be refunded.' }));
    const past = page.getByRole('region', { name: 'Past' });
    await see(past.getByText('Status: Canceled'));
    await see(past.getByText('Refund: €364.80'));
    await screenshot(page, '06-trip-canceled');
    await page.context().close();
  });

  it('tells a guest their card was declined when the charge fails, moving the trip to Past', async () => {
    const page = await openPage(browser, origin);
    await page.goto(`${origin}/?text=Lisbon&startDate=${daysAhead(80)}&endDate=${daysAhead(82)}&guests=1`);
    await signIn(page, 'amara.guest@stayhub.test', 'stayhub-demo-guest');
    await see(page.getByText('Signed in as Amara'));
    // Signing in returned to the search it started from.
    await page.getByRole('link', { name: 'Sunny Alfama apartment with river views' }).click();
    const booking = page.getByRole('complementary');
    await booking.getByLabel('Test card').selectOption('tok_chargeDeclined');
    await booking.getByRole('button', { name: 'Book and pay' }).click();
    const trip = page
      .getByRole('region', { name: 'Past' })
      .getByRole('article')
      .filter({ hasText: 'Sunny Alfama apartment with river views' });
    await see(trip.getByText('Status: Canceled — your card was declined'));
    await screenshot(page, '07-card-declined');
    await page.context().close();
  });

  it('tells a guest the dates are taken when someone already holds them', async () => {
    const page = await openPage(browser, origin);
    await page.goto(origin);
    // The demo seed books the Marais loft 14–19 days from today (a confirmed stay of Amara's).
    await page.getByLabel('Where').fill('Marais');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Marais loft near Place des Vosges' }).click();
    const booking = page.getByRole('complementary');
    await booking.getByLabel('Check-in').fill(daysAhead(15));
    await booking.getByLabel('Check-out').fill(daysAhead(18));
    await see(
      booking.getByRole('alert').filter({ hasText: 'Those dates are already taken. Pick other dates.' }),
    );
    await see(page.getByRole('listitem', { name: /: taken$/ }));
    await screenshot(page, '08-dates-taken');
    await page.context().close();
  });

  it('lets a host accept a request to book from the inbox', async () => {
    const page = await openPage(browser, origin);
    await page.goto(origin);
    await signIn(page, 'hana.host@stayhub.test', 'stayhub-demo-host');
    await see(page.getByText('Signed in as Hana'));
    await page.getByRole('link', { name: 'Hosting' }).click();
    const requests = page.getByRole('region', { name: 'Requests to book' });
    const request = requests
      .getByRole('article')
      .filter({ hasText: 'Ribeira townhouse steps from the Douro' });
    await see(request.getByRole('heading', { name: /Sofia/ }));
    await see(page.getByRole('region', { name: 'Your listings' }).getByRole('link', { name: /Alfama/ }));
    await screenshot(page, '09-host-inbox');

    await request.getByRole('button', { name: 'Accept' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Request from Sofia accepted.' }));
    await see(requests.getByText('No requests waiting for an answer.'));
    await see(page.getByRole('region', { name: 'Upcoming stays' }).getByText(/Sofia · Ribeira townhouse/));
    await screenshot(page, '10-host-accepted');
    await page.context().close();
  });

  it('lets a host close nights on a listing and open them again, shown on its calendar', async () => {
    const page = await openPage(browser, origin);
    await page.goto(origin);
    await signIn(page, 'hana.host@stayhub.test', 'stayhub-demo-host');
    await see(page.getByText('Signed in as Hana'));
    await page.getByRole('link', { name: 'Hosting' }).click();
    const listing = page
      .getByRole('region', { name: 'Your listings' })
      .getByRole('listitem')
      .filter({ hasText: /Alfama/ });
    const form = listing.getByRole('form', { name: /^Calendar of / });
    const [first, until] = [daysAhead(20), daysAhead(23)];
    await form.getByLabel('First night').fill(first);
    await form.getByLabel('Until (the morning of)').fill(until);
    await form.getByRole('button', { name: 'Block these nights' }).click();
    await see(page.getByRole('status').filter({ hasText: /^Blocked .* at .*Alfama/ }));
    await screenshot(page, '18-host-blocked');

    await listing.getByRole('link', { name: /Alfama/ }).click();
    const calendar = page.getByRole('region', { name: 'Availability' });
    await see(calendar.getByRole('listitem', { name: /: closed by the host$/ }));
    expect(await calendar.getByRole('listitem', { name: /: closed by the host$/ }).count()).toBe(3);
    await screenshot(page, '19-listing-blocked');

    await page.goBack();
    const again = page
      .getByRole('region', { name: 'Your listings' })
      .getByRole('listitem')
      .filter({ hasText: /Alfama/ })
      .getByRole('form', { name: /^Calendar of / });
    await again.getByLabel('First night').fill(first);
    await again.getByLabel('Until (the morning of)').fill(until);
    await again.getByRole('button', { name: 'Open them again' }).click();
    await see(page.getByRole('status').filter({ hasText: /^Opened / }));
    await page
      .getByRole('region', { name: 'Your listings' })
      .getByRole('link', { name: /Alfama/ })
      .click();
    const reopened = page.getByRole('region', { name: 'Availability' });
    await see(reopened.getByRole('listitem', { name: /: free$/ }));
    // The calendar refetches (its cached page was invalidated): the closed nights go.
    await reopened
      .getByRole('listitem', { name: /: closed by the host$/ })
      .first()
      .waitFor({ state: 'detached' });
    await screenshot(page, '20-listing-reopened');
    await page.context().close();
  });

  it('lets a guest write to a host from a listing, the host answer from their inbox, and the guest see it unreloaded', async () => {
    const question = 'Hello! Is there a lift, or many stairs up to the flat?';
    const answer = 'Hi Amara, no lift, but only two floors up. I can carry bags!';
    const guest = await openPage(browser, origin);
    await guest.goto(origin);
    await signIn(guest, 'amara.guest@stayhub.test', 'stayhub-demo-guest');
    await see(guest.getByText('Signed in as Amara'));
    await guest.getByLabel('Where').fill('Lisbon');
    await guest.getByRole('button', { name: 'Search' }).click();
    await guest.getByRole('link', { name: 'Sunny Alfama apartment with river views' }).click();
    await guest.getByRole('button', { name: 'Message Hana' }).click();
    // An empty message is refused by the server (VALIDATION_FAILED), and said in words.
    await guest.getByRole('button', { name: 'Send message' }).click();
    await see(guest.getByRole('alert').filter({ hasText: 'Write a message before sending it.' }));
    await guest.getByLabel('Message to Hana').fill(question);
    await screenshot(guest, '12-guest-writes-to-host');
    await guest.getByRole('button', { name: 'Send message' }).click();

    await see(
      guest.getByRole('heading', { level: 1, name: 'Hana · Sunny Alfama apartment with river views' }),
    );
    await see(guest.getByRole('status').filter({ hasText: 'Message sent to Hana.' }));
    const guestThread = guest.getByRole('list', { name: 'Messages with Hana' });
    await see(guestThread.getByRole('listitem').filter({ hasText: question }));
    await screenshot(guest, '13-guest-thread');

    // The host, in a browser context of their own.
    const host = await openPage(browser, origin);
    await host.goto(origin);
    await signIn(host, 'hana.host@stayhub.test', 'stayhub-demo-host');
    await see(host.getByText('Signed in as Hana'));
    await host.getByRole('link', { name: 'Messages', exact: true }).click();
    const conversation = host
      .getByRole('list', { name: 'Conversations' })
      .getByRole('listitem')
      .filter({ hasText: 'Sunny Alfama apartment with river views' });
    await see(conversation.getByText('1 unread message'));
    await see(conversation.getByText(question));
    await screenshot(host, '14-host-inbox-unread');

    await conversation.getByRole('link', { name: 'Amara · Sunny Alfama apartment with river views' }).click();
    const hostThread = host.getByRole('list', { name: 'Messages with Amara' });
    await see(hostThread.getByText(question));
    await host.getByLabel('Your message').fill(answer);
    await host.getByRole('button', { name: 'Send', exact: true }).click();
    await see(host.getByRole('status').filter({ hasText: 'Message sent to Amara.' }));
    await see(hostThread.getByRole('listitem').filter({ hasText: answer }));
    await screenshot(host, '15-host-replies');

    // The guest's page polls: the reply shows up and is announced, no reload; the question shows as read.
    await see(guestThread.getByRole('listitem').filter({ hasText: answer }));
    await see(guest.getByRole('status').filter({ hasText: 'New message from Hana.' }));
    await see(guestThread.getByRole('listitem').filter({ hasText: question }).filter({ hasText: '· Read' }));
    await screenshot(guest, '16-guest-sees-reply');

    // Opened and answered: the host's inbox no longer counts it unread.
    await host.getByRole('link', { name: 'All messages' }).click();
    await see(conversation.getByText(`You: ${answer}`));
    expect(await conversation.getByText(/unread message/).count()).toBe(0);
    await Promise.all([guest.context().close(), host.context().close()]);
  });

  it('sends the user back to sign in with a notice when their session is revoked elsewhere', async () => {
    const email = `sam-${Date.now()}@example.test`;
    const password = 'lantern-meadow-orbit-7';
    const sdk = createStayHubClient({ url: origin });
    await sdk.auth.register.mutate({ email, password, firstName: 'Sam', lastName: 'Session' });
    const page = await openPage(browser, origin);
    await page.goto(origin);
    await signIn(page, email, password);
    await see(page.getByText('Signed in as Sam'));
    await page.getByRole('link', { name: 'Trips' }).click();
    await see(page.getByText('No upcoming trips.'));

    // Another device signs out everywhere: the page's token is revoked server-side too.
    const { token } = await sdk.auth.login.mutate({ email, password });
    const elsewhere = createStayHubClient({ url: origin, token });
    expect((await elsewhere.auth.logoutAll.mutate()).revokedCount).toBeGreaterThanOrEqual(2);

    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Sign in' }));
    await see(page.getByText('Your session has expired. Please sign in again.'));
    await see(page.getByRole('link', { name: 'Sign in', exact: true }));
    await screenshot(page, '17-session-expired');
    await page.context().close();
  });

  it('shows a wrong password as an error and stays on the sign-in page', async () => {
    const page = await openPage(browser, origin);
    await page.goto(origin);
    await signIn(page, 'amara.guest@stayhub.test', 'not-the-password');
    await see(
      page
        .getByRole('alert')
        .filter({ hasText: 'That email and password do not match. Check them and try again.' }),
    );
    await see(page.getByRole('heading', { name: 'Sign in' }));
    await screenshot(page, '11-wrong-password');
    await page.context().close();
  });
});

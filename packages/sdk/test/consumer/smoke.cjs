// Runs in the consumer project (test/integration/packed.test.ts): the packed SDK loads through both
// `require` and `import`, sends the bearer token, decodes superjson (Dates), and exposes a server error's
// reason and field errors through the typed helpers. The server is a stub fetch.
const assert = require('node:assert/strict');

const health = {
  result: {
    data: {
      json: { status: 'ok', database: true, cache: true, time: '2030-01-01T00:00:00.000Z' },
      meta: { values: { time: ['Date'] } },
    },
  },
};
const invalid = {
  error: {
    json: {
      message: 'invalid input',
      code: -32600,
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        path: 'auth.register',
        reason: 'VALIDATION_FAILED',
        fieldErrors: [{ path: 'email', message: 'Invalid email address' }],
        retryAfterMs: null,
      },
    },
  },
};

async function check(label, sdk) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url: String(url), authorization: new Headers(init?.headers).get('authorization') });
    const failing = String(url).includes('auth.register');
    return new Response(JSON.stringify([failing ? invalid : health]), {
      status: failing ? 400 : 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const client = sdk.createStayHubClient({
    url: 'http://sdk.test',
    token: async () => 'secret-token',
    fetch,
  });

  const status = await client.health.query();
  assert.ok(status.time instanceof Date, `${label}: superjson turns the time back into a Date`);
  assert.equal(requests[0]?.authorization, 'Bearer secret-token');
  assert.match(requests[0]?.url ?? '', /^http:\/\/sdk\.test\/trpc\/health\?batch=1/);

  const error = await client.auth.register
    .mutate({ email: 'nope', password: 'lantern-meadow-orbit-7', firstName: 'A', lastName: 'B' })
    .then(
      () => undefined,
      (cause) => cause,
    );
  assert.ok(sdk.isStayHubError(error), `${label}: a server error is a StayHubError`);
  assert.equal(sdk.errorReason(error), 'VALIDATION_FAILED');
  assert.deepEqual(sdk.fieldErrors(error), [{ path: 'email', message: 'Invalid email address' }]);
  assert.equal(sdk.isStayHubError(new Error('offline')), false);
  assert.equal(sdk.errorReason(new Error('offline')), undefined);
  assert.deepEqual(sdk.fieldErrors('not an error'), []);
  console.log(`${label}: ok`);
}

async function main() {
  await check('require', require('@stayhub/sdk'));
  await check('import', await import('@stayhub/sdk'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

// CommonJS consumers resolve the `require` condition (dist/index.d.cts, dist/index.cjs).
import sdk = require('@stayhub/sdk');

const client: sdk.StayHubClient = sdk.createStayHubClient({ url: 'http://localhost:3000' });

export async function healthFromCommonJs(): Promise<number> {
  const health = await client.health.query();
  return health.time.getTime();
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('runs everything locally with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      TRUST_PROXY: false,
      CORS_ORIGINS: [],
      FAILPOINTS: [],
      METRICS_PORT: 0,
    });
    // Unset → embedded PostgreSQL, in-process cache and limiter, dev mailbox.
    expect([config.DATABASE_URL, config.REDIS_URL, config.SMTP_URL]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });
    expect([config.DATABASE_URL, config.PORT]).toEqual([undefined, 3000]);
  });

  it('reads TRUST_PROXY as none, a hop count, or a list of addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('refuses bad values with every problem named', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses failpoints in production and unknown failpoint names anywhere', () => {
    expect(loadConfig({ FAILPOINTS: 'charge.after_provider' }).FAILPOINTS).toEqual(['charge.after_provider']);
    expect(() => loadConfig({ NODE_ENV: 'production', FAILPOINTS: 'charge.after_provider' })).toThrow(
      /FAILPOINTS/,
    );
    expect(() => loadConfig({ FAILPOINTS: 'charge.somewhere' })).toThrow(ConfigError);
  });
});

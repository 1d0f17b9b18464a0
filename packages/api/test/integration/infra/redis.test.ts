import { describe, expect, it } from 'vitest';
import { createRedis, redactRedisUrl, waitForRedis } from '../../../src/infra/redis.ts';
import { captureLogger, eventually, silentLogger, UNREACHABLE_REDIS_URL, WARN } from './fixtures.ts';

describe('createRedis', () => {
  it('rejects a command at once while Redis is down instead of queueing it', async () => {
    const redis = createRedis(UNREACHABLE_REDIS_URL, silentLogger);
    try {
      const started = performance.now();
      await expect(redis.get('anything')).rejects.toThrow();
      await eventually(() => redis.status === 'reconnecting');
      await expect(redis.get('anything')).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(await waitForRedis(redis, 50)).toBe(false);
    } finally {
      redis.disconnect();
    }
  });

  it('keeps reconnecting but logs one warning per outage, without the password', async () => {
    const { logger, lines, text } = captureLogger();
    const redis = createRedis(UNREACHABLE_REDIS_URL, logger);
    let errors = 0;
    redis.on('error', () => {
      errors += 1;
    });
    try {
      await eventually(() => errors >= 4);
      const warnings = lines().filter((line) => line.level === WARN);
      expect(warnings).toEqual([
        expect.objectContaining({
          redis: 'redis://:***@127.0.0.1:1',
          err: expect.objectContaining({ code: 'ECONNREFUSED' }),
        }),
      ]);
      expect(text()).not.toContain('hunter2');
    } finally {
      redis.disconnect();
    }
  });
});

describe('redactRedisUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactRedisUrl('redis://app:s3cret@cache.internal:6380/2')).toBe(
      'redis://app:***@cache.internal:6380/2',
    );
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

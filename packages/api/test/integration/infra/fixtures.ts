import { randomUUID } from 'node:crypto';
import { testRedisUrl } from '@stayhub/db/testing';
import type { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import { z } from 'zod';
import { createRedis, waitForRedis } from '../../../src/infra/redis.ts';

/** Nothing listens on port 1: a Redis that is down, without stopping anyone's Redis. */
export const UNREACHABLE_REDIS_URL = 'redis://:hunter2@127.0.0.1:1';

export const silentLogger: Logger = pino({ level: 'silent' });

/** Keys of one test file, so files running in parallel never see each other's keys. */
export function uniquePrefix(file: string): string {
  return `stayhub-test:${file}:${randomUUID()}:`;
}

/**
 * The Redis of REDIS_URL, ready for commands, or undefined when REDIS_URL is unset. Set but unreachable
 * fails the file: the Redis implementations would otherwise quietly test their fallbacks instead.
 */
export async function connectTestRedis(): Promise<Redis | undefined> {
  const url = testRedisUrl();
  if (!url) return undefined;
  const redis = createRedis(url, silentLogger);
  if (!(await waitForRedis(redis, 5_000))) {
    redis.disconnect();
    throw new Error('REDIS_URL is set but Redis did not become ready within 5 s');
  }
  return redis;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

const logLine = z.looseObject({ level: z.number(), msg: z.string().optional() });
export type LogLine = z.infer<typeof logLine>;

/** A logger whose output the test can read: parsed lines, and the raw text to search for secrets. */
export function captureLogger(): { logger: Logger; lines: () => LogLine[]; text: () => string } {
  const raw: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void raw.push(line) });
  return {
    logger,
    lines: () => raw.map((line) => logLine.parse(JSON.parse(line))),
    text: () => raw.join(''),
  };
}

export const WARN = 40;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

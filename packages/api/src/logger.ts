import pino, { type Logger } from 'pino';

/**
 * Structured logs (pino). Secrets never reach a log line: auth headers, cookies, passwords, tokens and
 * card data are censored wherever they appear in a logged object (SPEC §7).
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'paymentToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.paymentToken',
  '*.passwordHash',
  '*.password_hash',
];

export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service: options.name },
  });
}

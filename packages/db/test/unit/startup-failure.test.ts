import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainStartupFailure, folderClosedToOthers, StartupError } from '../../src/startup-failure.ts';

const asRoot = process.getuid?.() === 0;
const folder = await mkdtemp(path.join(tmpdir(), 'stayhub-closed-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('folderClosedToOthers', () => {
  it('finds the 0700 folder on the way to a data folder (as root), even before the data folder exists', async () => {
    await mkdir(path.join(folder, 'data'));
    const expected = asRoot ? folder : null;
    expect(folderClosedToOthers(path.join(folder, 'data', 'postgres'))).toBe(expected);
    expect(folderClosedToOthers(path.join(folder, 'data'))).toBe(expected);
  });

  it('passes a path every user may enter', () => {
    expect(folderClosedToOthers(path.join(tmpdir(), 'not-created-yet', 'postgres'))).toBeNull();
  });
});

describe('explainStartupFailure', () => {
  const url = 'postgres://app:pw-123@db.internal:6543/stayhub';
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('passes a StartupError through, also as the cause of another error', () => {
    const startup = new StartupError('the explanation');
    expect(explainStartupFailure(startup)).toBe('the explanation');
    expect(explainStartupFailure(new Error('wrapped', { cause: startup }))).toBe('the explanation');
  });

  it('explains an unreachable, unknown or refusing DATABASE_URL without its password', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND']) {
      const text = explainStartupFailure(withCode(`connect ${code}`, code), { databaseUrl: url });
      expect(text).toContain('nothing answers at DATABASE_URL (postgres://app@db.internal:6543/stayhub)');
      expect(text).not.toContain('pw-123');
    }
    expect(
      explainStartupFailure(withCode('password authentication failed', '28P01'), { databaseUrl: url }),
    ).toContain('refused the credentials');
    expect(
      explainStartupFailure(withCode('database "stayhub" does not exist', '3D000'), { databaseUrl: url }),
    ).toContain('does not exist');
  });

  it('explains a full disk, a taken port and a program that may not be run', () => {
    expect(explainStartupFailure(new Error('initdb: could not write: No space left on device'))).toContain(
      'disk is full',
    );
    expect(explainStartupFailure(withCode('write ENOSPC', 'ENOSPC'))).toContain('disk is full');
    expect(
      explainStartupFailure(
        withCode('listen EADDRINUSE: address already in use 127.0.0.1:3000', 'EADDRINUSE'),
      ),
    ).toContain('choose another port (PORT');
    expect(explainStartupFailure(withCode('spawn /x/bin/initdb EACCES', 'EACCES'))).toContain(
      '"postgres" user',
    );
  });

  it('leaves anything else alone, so it keeps its stack trace', () => {
    expect(explainStartupFailure(new TypeError('undefined is not a function'))).toBeNull();
    expect(explainStartupFailure(withCode('syntax error', '42601'))).toBeNull();
  });
});

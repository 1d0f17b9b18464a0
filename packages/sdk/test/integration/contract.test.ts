import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  currentFile,
  readSnapshotFile,
  releasedFile,
  routerSnapshot,
  sdkVersion,
  snapshotDrift,
  UPDATE_COMMAND,
  verdictOfRepository,
} from '../../scripts/contract.ts';
import { deprecationsOf } from '../../scripts/contract-deprecations.ts';
import { bumpBetween } from '../../scripts/contract-release.ts';
import { snapshotText } from '../../scripts/contract-snapshot.ts';

/**
 * The SDK's contract in the repository (see "The contract" in the SDK README): the committed snapshot is
 * what the API's router says, and the pending changesets (or the version) cover every change since the
 * released snapshot. No database: the router is only read.
 */
describe("the SDK's committed contract", () => {
  it("matches the API's router (a schema change needs a new snapshot)", async () => {
    const committed = await readFile(currentFile, 'utf8');
    expect(snapshotDrift(committed, snapshotText(routerSnapshot()))).toBeNull();
  });

  it('is covered by the pending changesets or the version, since the released snapshot', async () => {
    const verdict = await verdictOfRepository();
    expect(verdict.ok, verdict.report).toBe(true);
  });

  it('has a released snapshot for a version no newer than the SDK', async () => {
    const released = await readSnapshotFile(releasedFile);
    expect(released.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(['none', 'patch', 'minor', 'major']).toContain(
      bumpBetween(released.version ?? '', await sdkVersion()),
    );
  });

  it("marks reviews.respond's `response` as the deprecated alias of `hostResponse`", () => {
    const snapshot = routerSnapshot();
    expect(snapshot.procedures['reviews.respond']?.input).toMatchObject({
      properties: { hostResponse: { type: 'string' }, response: { type: 'string', deprecated: true } },
      required: ['reviewId'],
    });
    expect(deprecationsOf(snapshot).get('reviews.respond')?.input).toEqual([
      { path: ['response'], message: expect.stringContaining('Use `hostResponse`') },
    ]);
  });
});

describe('the snapshot drift check', () => {
  it('says where the committed snapshot differs and the command that updates it', () => {
    const generated = snapshotText(routerSnapshot());
    const edited = generated.replace('"reviews.respond"', '"reviews.answer"');

    const drift = snapshotDrift(edited, generated);

    expect(drift).toContain('does not match the router');
    expect(drift).toMatch(/first difference at line \d+: .*reviews\.answer.* → .*reviews\.respond/);
    expect(drift).toContain(UPDATE_COMMAND);
    expect(snapshotDrift(null, generated)).toContain(`is missing. Write it with \`${UPDATE_COMMAND}\``);
  });
});

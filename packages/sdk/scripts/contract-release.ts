/**
 * Whether the SDK's version moves far enough for its contract changes (semver; before 1.0 a minor bump
 * is the breaking one, as npm's caret ranges treat `^0.1.0`):
 *
 * - a breaking change needs a major bump (a minor one before 1.0),
 * - any other contract change needs at least a patch (every change carries a changeset),
 * - no contract change needs nothing.
 *
 * The bump the SDK declares is the larger of the pending changesets' bump for `@stayhub/sdk` and how far
 * package.json's version already is from the released snapshot's (after `changeset version`, before the
 * released snapshot advanced). A changeset may declare more than the contract shows (a behaviour change
 * the schemas cannot see), never less.
 */
import type { ContractChange } from './contract-diff.ts';

export const bumpLevels = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof bumpLevels)[number];

const rank = (bump: Bump) => bumpLevels.indexOf(bump);

export function maxBump(bumps: readonly Bump[]): Bump {
  return bumps.reduce<Bump>((max, bump) => (rank(bump) > rank(max) ? bump : max), 'none');
}

interface Version {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`${version} is not a semver version`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** The bump that took `from` to `to`; throws when `to` is older. */
export function bumpBetween(from: string, to: string): Bump {
  const a = parseVersion(from);
  const b = parseVersion(to);
  const order = [b.major - a.major, b.minor - a.minor, b.patch - a.patch].find((d) => d !== 0) ?? 0;
  if (order < 0) throw new Error(`the SDK's version ${to} is older than the released ${from}`);
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  return b.patch !== a.patch ? 'patch' : 'none';
}

/** The smallest bump the contract changes allow, from the released version. */
export function requiredBump(changes: readonly ContractChange[], releasedVersion: string): Bump {
  if (changes.some((change) => change.level === 'breaking')) {
    return parseVersion(releasedVersion).major === 0 ? 'minor' : 'major';
  }
  return changes.length > 0 ? 'patch' : 'none';
}

export interface DeclaredBump {
  /** The highest bump the pending changesets ask for `@stayhub/sdk`. */
  changesets: Bump;
  /** package.json's version compared with the released snapshot's. */
  version: Bump;
}

export interface ReleaseVerdict {
  ok: boolean;
  required: Bump;
  declared: Bump;
  changes: ContractChange[];
  /** For people: what changed, and what to do when the verdict is not ok. */
  report: string;
}

export function releaseVerdict(
  changes: readonly ContractChange[],
  releasedVersion: string,
  declared: DeclaredBump,
): ReleaseVerdict {
  const required = requiredBump(changes, releasedVersion);
  const declaredBump = maxBump([declared.changesets, declared.version]);
  const ok = rank(declaredBump) >= rank(required);
  const lines = changes.map((change) => `  ${change.level.padEnd(10)} ${change.where}: ${change.what}`);
  const summary =
    changes.length === 0
      ? `The SDK's contract is the one released as ${releasedVersion}.`
      : `The SDK's contract changed since ${releasedVersion} (${changes.length} change${changes.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
  const advice = ok
    ? `Declared bump: ${declaredBump}; the contract needs ${required}.`
    : `These changes need a ${required} bump of @stayhub/sdk, but the pending changesets and package.json ` +
      `declare ${declaredBump}. Add one: \`node scripts/pnpm.mjs changeset\` (pick ${required} for ` +
      '@stayhub/sdk) and describe the change for the CHANGELOG.' +
      (required === 'none'
        ? ''
        : ' If the change was not meant to break callers, keep the old shape instead.');
  return { ok, required, declared: declaredBump, changes: [...changes], report: `${summary}\n${advice}` };
}

/** The highest bump any of the changesets asks for the package (`none` when none mention it). */
export function changesetBump(
  changesets: readonly { releases: readonly { name: string; type: Bump }[] }[],
  packageName: string,
): Bump {
  return maxBump(
    changesets.flatMap((changeset) =>
      changeset.releases.filter((release) => release.name === packageName).map((release) => release.type),
    ),
  );
}

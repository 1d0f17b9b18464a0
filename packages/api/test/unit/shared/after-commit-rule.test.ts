import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * STYLE "After commit": a service never invalidates by hand after `inTransaction` returns — inside a
 * caller's transaction that runs before the commit. The invalidations register themselves on the executor
 * they are given (afterCommit), so this checks the two ways around that: calling one beside a transaction
 * the same function opens, and reaching the cache's invalidating primitives outside an afterCommit callback.
 */

/** Functions that register their work with afterCommit on the executor passed first. */
const REGISTERING = new Set([
  'afterCommit',
  'invalidateListing',
  'invalidateAvailability',
  'invalidateSessionCache',
  'invalidateSessionsOfUser',
  'forgetPublicProfile',
]);

/** What actually invalidates: deleting cache entries and retiring generations (listing-cache.ts). */
const PRIMITIVES = new Set(['renew', 'bumpGeneration']);

const calleeName = (call: ts.CallExpression): string | undefined => {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
};

const isCacheDelete = (call: ts.CallExpression) =>
  ts.isPropertyAccessExpression(call.expression) &&
  call.expression.name.text === 'delete' &&
  ts.isPropertyAccessExpression(call.expression.expression) &&
  call.expression.expression.name.text === 'cache';

function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (!ts.isSourceFile(current) && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}

/** Inside an afterCommit callback, or inside the definition of another primitive (bumpGeneration → renew). */
function isDeferredOrPrimitive(node: ts.Node): boolean {
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isCallExpression(current) && calleeName(current) === 'afterCommit' && current.expression !== node)
      return true;
    if ((ts.isVariableDeclaration(current) || ts.isFunctionDeclaration(current)) && current.name) {
      if (ts.isIdentifier(current.name) && PRIMITIVES.has(current.name.text)) return true;
    }
  }
  return false;
}

/** Where `text` does after-commit work by hand, as `file:line: what`. */
export function handWrittenAfterCommitWork(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const calls: ts.CallExpression[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const opensTransaction = new Set(
    calls.filter((call) => calleeName(call) === 'inTransaction').map(enclosingFunction),
  );
  const where = (call: ts.CallExpression) =>
    `${fileName}:${source.getLineAndCharacterOfPosition(call.getStart()).line + 1}`;
  const findings: string[] = [];
  for (const call of calls) {
    const name = calleeName(call);
    if (name && REGISTERING.has(name) && opensTransaction.has(enclosingFunction(call))) {
      findings.push(`${where(call)}: ${name} beside inTransaction; register it inside the transaction`);
    }
    const primitive = isCacheDelete(call) ? 'cache.delete' : name && PRIMITIVES.has(name) ? name : undefined;
    if (primitive && !isDeferredOrPrimitive(call)) {
      findings.push(`${where(call)}: ${primitive} outside afterCommit`);
    }
  }
  return findings;
}

const domainDir = join(import.meta.dirname, '../../../src/domain');

describe('after-commit work in the domain', () => {
  it('flags an invalidation beside the transaction and a cache delete outside afterCommit', () => {
    const handWritten = [
      'export async function suspend(deps, id) {',
      '  const view = await inTransaction(deps.db, (trx) => setPropertyStatus({ ...deps, db: trx }, id));',
      '  await invalidateListing(deps.db, deps, id);',
      '  return view;',
      '}',
      'export async function logout(deps, hash) {',
      '  await deleteSession(deps.db, hash);',
      '  await deps.cache.delete(hash);',
      '}',
      'export const bump = (deps) => bumpGeneration(deps, "listings");',
    ].join('\n');
    expect(handWrittenAfterCommitWork('bad.ts', handWritten)).toEqual([
      'bad.ts:3: invalidateListing beside inTransaction; register it inside the transaction',
      'bad.ts:8: cache.delete outside afterCommit',
      'bad.ts:10: bumpGeneration outside afterCommit',
    ]);
  });

  it('accepts work registered inside the transaction, on a single statement’s executor, or deferred', () => {
    const registered = [
      'export async function suspend(deps, id) {',
      '  return inTransaction(deps.db, async (trx) => {',
      '    await setPropertyStatus({ ...deps, db: trx }, id);',
      '    await invalidateListing(trx, deps, id);',
      '  });',
      '}',
      'export async function logout(deps, hash) {',
      '  await deleteSession(deps.db, hash);',
      '  await invalidateSessionCache(deps.db, deps, [hash]);',
      '}',
      'const bumpGeneration = (deps, generation) => renew(deps, generation);',
      'export const forget = (executor, deps, key) =>',
      '  afterCommit(executor, () => Promise.all([deps.cache.delete(key), bumpGeneration(deps, "listings")]));',
    ].join('\n');
    expect(handWrittenAfterCommitWork('good.ts', registered)).toEqual([]);
  });

  it('holds for every domain file: invalidations are registered where the change is made', () => {
    const files = readdirSync(domainDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    const sources = files.map((file) => readFileSync(join(domainDir, file), 'utf8'));
    const registrations = sources
      .join('\n')
      .match(
        /\b(afterCommit|invalidateListing|invalidateAvailability|invalidateSessionCache|invalidateSessionsOfUser|forgetPublicProfile)\(/g,
      );
    // The scan sees the services (a wrong folder would find nothing and pass).
    expect(registrations?.length).toBeGreaterThan(20);
    const findings = files.flatMap((file, index) =>
      handWrittenAfterCommitWork(relative(domainDir, join(domainDir, file)), sources[index] ?? ''),
    );
    expect(findings).toEqual([]);
  });
});

/**
 * What the published files may import and must never mention (STYLE "SDK"). Used by the build, which
 * refuses to write a leaking dist/, and by the packed-tarball test, which checks what was actually packed.
 */

/** The run-time dependencies for JS; for declarations also @trpc/server (a peer: @trpc/client's types need it). */
export const allowedImports = {
  js: ['@trpc/client', 'superjson'],
  dts: ['@trpc/client', '@trpc/server'],
} as const;

/** Server-side modules whose names must not appear anywhere in the shipped declarations. */
export const forbiddenModules = ['@stayhub/db', '@stayhub/api', 'kysely', 'pg', 'ioredis', 'graphile-worker'];

/** Module specifiers a JS or declaration file imports (static, dynamic, require, `import("…")` types). */
export function importedModules(code: string): string[] {
  const found = new Set<string>();
  // A keyword, not part of a longer name (`do-not-import"` is a specifier's end), then one quoted string.
  const keyword = (word: string) => `(?<![\\w$.-])${word}`;
  const quoted = `(['"])([^'"\\n]+)\\1`;
  const patterns = [
    new RegExp(`${keyword('from')}\\s*${quoted}`, 'g'),
    new RegExp(`${keyword('import')}\\s*${quoted}`, 'g'),
    new RegExp(`${keyword('import')}\\s*\\(\\s*${quoted}\\s*\\)`, 'g'),
    new RegExp(`${keyword('require')}\\s*\\(\\s*${quoted}\\s*\\)`, 'g'),
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[2] ?? '');
  return [...found].sort();
}

/** The package a specifier belongs to: `@trpc/server/http` → `@trpc/server`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Whether `code` names the module anywhere (imports, comments, strings) as a whole word. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w@/-])${name.replaceAll('/', '\\/')}(?![\\w-])`).test(code);
}

/** What is wrong with `code` as a shipped file: stray imports and forbidden names (empty when fine). */
export function selfContainedProblems(code: string, allowed: readonly string[]): string[] {
  const stray = importedModules(code).filter((specifier) => !allowed.includes(packageOf(specifier)));
  return [
    ...stray.map((specifier) => `imports ${specifier} (allowed: ${allowed.join(', ')})`),
    ...forbiddenModules.filter((name) => mentions(code, name)).map((name) => `mentions ${name}`),
  ];
}

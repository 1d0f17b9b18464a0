import { readFile } from 'node:fs/promises';

/** Shipped with the package (packages/api/data, beside src/ and dist/ so both resolve it): the most common passwords, one a line, lower-cased (see the file's header). */
const LIST = new URL('../../../data/common-passwords.txt', import.meta.url);

let loading: Promise<ReadonlySet<string>> | undefined;

/** The common-password list, read from disk once, on first use. */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= readFile(LIST, 'utf8').then(
    (text) =>
      new Set(
        text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#')),
      ),
  );
  return loading;
}

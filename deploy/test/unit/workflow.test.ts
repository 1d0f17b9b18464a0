import { describe, expect, it } from 'vitest';
import { CI_COMMANDS, checkWorkflow } from '../../src/workflow-check.ts';
import { plant, readRepoFile } from '../support/repo.ts';

const workflow = readRepoFile('.github/workflows/ci.yml');
const checkPlanted = (from: string | RegExp, to: string) => checkWorkflow(plant(workflow, from, to));

describe('the CI workflow (.github/workflows/ci.yml)', () => {
  it('passes actionlint and has the test matrix, the services and the image job', async () => {
    expect(await checkWorkflow(workflow)).toEqual([]);
  });

  it('fails on a misspelt key or a matrix value that does not exist', async () => {
    expect((await checkPlanted('timeout-minutes: 30', 'timeout-minute: 30')).join('\n')).toMatch(
      /timeout-minute/,
    );
    expect((await checkPlanted(`\${{ matrix.node }}`, `\${{ matrix.nodes }}`)).join('\n')).toMatch(/nodes/);
  });

  it('fails on a broken expression', async () => {
    expect((await checkPlanted(`ci-\${{ github.ref }}`, `ci-\${{ github.ref `)).length).toBeGreaterThan(0);
  });

  it('fails when a Node version leaves the matrix', async () => {
    expect(await checkPlanted('node: ["20", "22", "24"]', 'node: ["20", "22"]')).toContainEqual(
      expect.stringContaining('needs a matrix over Node 20, 22, 24'),
    );
  });

  it('fails when the tests lose their PostgreSQL or Redis service', async () => {
    expect(await checkPlanted('image: postgres:17', 'image: postgres:15')).toContainEqual(
      expect.stringContaining('needs a postgres:17 service'),
    );
  });

  it('fails when a step that .ci/run runs is missing', async () => {
    expect(await checkPlanted(/ {6}- name: lint\n {8}run: .*\n/, '')).toContainEqual(
      expect.stringContaining('must run, in order'),
    );
  });

  it('fails without a job that builds the image', async () => {
    expect(await checkPlanted(/ {2}image:\n[\s\S]*$/, '')).toContainEqual(
      'no job builds the container image',
    );
  });
});

describe('.ci/run', () => {
  const script = readRepoFile('.ci/run');
  const lines = script.split('\n').map((line) => line.trim());

  it('runs the same commands as the workflow, in the same order', () => {
    // A command may be piped on (`npm test 2>&1 | tee …`), never changed.
    const positions = CI_COMMANDS.map((command) =>
      lines.findIndex((line) => line === command || line.startsWith(`${command} `)),
    );
    expect(CI_COMMANDS.filter((_, i) => positions[i] === -1)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('runs the suite again on Node 24 and closes with the total line', () => {
    expect(script).toMatch(/npm install --prefix \.ci\/node24 .*node@24/);
    expect(script).toMatch(/PATH="\$PWD\/\$node24_dir:\$PATH" node scripts\/run-tests\.mjs/);
    const echoes = lines.filter((line) => line.startsWith('echo '));
    expect(echoes.at(-1)).toBe('echo "$((passed20 + passed24)) passed, $((failed20 + failed24)) failed"');
  });
});

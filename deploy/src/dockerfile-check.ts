import {
  Copy,
  DockerfileParser,
  From,
  type Instruction,
  JSONInstruction,
  ModifiableInstruction,
} from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/**
 * Checks the Dockerfile without a Docker engine (hadolint is neither a Debian nor an npm package here):
 * dockerfile-utils' validator (the Docker builder's own syntax rules: instructions, flags, durations, JSON
 * forms) plus the rules this image must keep. Returns one line per problem; empty means the file is good.
 */
export function checkDockerfile(source: string): string[] {
  const syntax = validate(source).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  if (syntax.length > 0) return syntax;
  return imageProblems(stagesOf(source));
}

/** The base image of every stage (docs/operations.md: one runtime, the one CI's newest Node runs). */
export const BASE_IMAGE = 'node:24-bookworm-slim';

interface Stage {
  from: From;
  instructions: Instruction[];
}

function stagesOf(source: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(source).getInstructions()) {
    if (instruction instanceof From) stages.push({ from: instruction, instructions: [] });
    else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

const ofKind = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.getKeyword() === keyword);
const text = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
const flag = (instruction: Instruction, name: string) =>
  instruction instanceof ModifiableInstruction
    ? instruction
        .getFlags()
        .find((f) => f.getName() === name)
        ?.getValue()
    : undefined;
/** The exec-form (JSON) arguments, or null for the shell form, whose process would not receive SIGTERM. */
const execForm = (instruction: Instruction | undefined): string[] | null => {
  if (!(instruction instanceof JSONInstruction)) return null;
  const strings = instruction.getJSONStrings().map((s) => s.getJSONValue());
  return strings.length > 0 ? strings : null;
};

function imageProblems(stages: Stage[]): string[] {
  const problems: string[] = [];
  const final = stages.at(-1);
  if (!final || stages.length < 2)
    return ['the image must be built in stages: a build stage and a runtime stage'];
  for (const { from } of stages) {
    const image = `${from.getImageName()}:${from.getImageTag()}`;
    if (image !== BASE_IMAGE)
      problems.push(`stage ${from.getBuildStage() ?? '?'} starts from ${image}, not ${BASE_IMAGE}`);
  }

  // No dev dependencies in the image: the build stage deploys the production tree, and the final stage
  // copies that tree and installs no packages of its own.
  const builds = stages.slice(0, -1);
  const deploys = builds.flatMap((s) => ofKind(s, 'RUN')).filter((run) => /\bdeploy\b/.test(text(run)));
  const deployTargets = deploys
    .filter((run) => /(\s|^)--prod(\s|$)/.test(text(run)))
    .map((run) => text(run).split(/\s+/).at(-1));
  if (deployTargets.length === 0)
    problems.push('a build stage must `pnpm deploy --prod` the production dependencies');
  const fromBuild = ofKind(final, 'COPY').filter(
    (copy) => copy instanceof Copy && flag(copy, 'from') !== undefined,
  );
  if (!fromBuild.some((copy) => deployTargets.includes(text(copy).split(/\s+/)[0])))
    problems.push('the final stage must copy the `pnpm deploy --prod` output, and only from a build stage');
  for (const run of ofKind(final, 'RUN')) {
    if (/\b(pnpm|npm|npx|yarn)\b/.test(text(run)))
      problems.push(`the final stage installs packages: RUN ${text(run)}`);
    if (/apt-get install/.test(text(run)) && !/--no-install-recommends/.test(text(run)))
      problems.push('apt-get install in the final stage needs --no-install-recommends');
  }
  if (ofKind(final, 'COPY').some((copy) => flag(copy, 'from') === undefined))
    problems.push('the final stage copies files from the build context: only built output belongs there');

  const user = ofKind(final, 'USER').at(-1);
  const userName = user ? text(user).split(':')[0] : 'root';
  if (userName === 'root' || userName === '0')
    problems.push('the final stage must switch to a non-root USER');

  const entrypoint = execForm(ofKind(final, 'ENTRYPOINT').at(-1));
  if (!entrypoint?.[0]?.endsWith('/tini') || entrypoint[1] !== '--')
    problems.push('ENTRYPOINT must run tini in exec form (["/usr/bin/tini", "--"]) so signals reach node');
  if (ofKind(final, 'HEALTHCHECK').length === 0) problems.push('the final stage needs a HEALTHCHECK');

  const cmd = execForm(ofKind(final, 'CMD').at(-1));
  if (cmd?.[0] !== 'node' || !/(^|\/)dist\/.+\.js$/.test(cmd[1] ?? ''))
    problems.push('CMD must run compiled JavaScript in exec form: ["node", ".../dist/....js"]');
  for (const instruction of final.instructions) {
    if (/\btsx\b|\.ts\b/.test(text(instruction)))
      problems.push(
        `the final stage refers to TypeScript sources: ${instruction.getKeyword()} ${text(instruction)}`,
      );
  }
  return problems;
}

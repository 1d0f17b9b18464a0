import { describe, expect, it } from 'vitest';
import { checkDockerfile } from '../../src/dockerfile-check.ts';
import { plant, readRepoFile } from '../support/repo.ts';

const dockerfile = readRepoFile('Dockerfile');

describe('the Dockerfile', () => {
  it('passes the Dockerfile validator and the image rules', () => {
    expect(checkDockerfile(dockerfile)).toEqual([]);
  });

  it('fails on an instruction the builder does not know, or a bad flag', () => {
    expect(checkDockerfile(plant(dockerfile, 'WORKDIR /app', 'WORKDIRR /app')).join('\n')).toMatch(
      /WORKDIRR/i,
    );
    expect(
      checkDockerfile(plant(dockerfile, '--interval=10s', '--interval=10 seconds')).length,
    ).toBeGreaterThan(0);
  });

  it('fails when a stage starts from another base image', () => {
    expect(
      checkDockerfile(
        plant(dockerfile, /FROM node:24-bookworm-slim AS runtime/, 'FROM node:20-alpine AS runtime'),
      ),
    ).toContainEqual(expect.stringContaining('node:20-alpine'));
  });

  it('fails when the image is built in one stage', () => {
    const single = [
      'FROM node:24-bookworm-slim',
      'COPY . /app',
      'USER node',
      'ENTRYPOINT ["/usr/bin/tini", "--"]',
      'HEALTHCHECK CMD ["node", "-e", "0"]',
      'CMD ["node", "apps/server/dist/main.js"]',
      '',
    ].join('\n');
    expect(checkDockerfile(single)).toEqual([
      'the image must be built in stages: a build stage and a runtime stage',
    ]);
  });

  it('fails when the process runs as root', () => {
    expect(checkDockerfile(plant(dockerfile, 'USER node', 'USER root'))).toContainEqual(
      expect.stringContaining('non-root USER'),
    );
    expect(checkDockerfile(plant(dockerfile, 'USER node\n', ''))).toContainEqual(
      expect.stringContaining('non-root USER'),
    );
  });

  it('fails when dev dependencies can reach the image', () => {
    const withoutProd = plant(dockerfile, '--prod deploy', 'deploy');
    expect(checkDockerfile(withoutProd)).toContainEqual(expect.stringContaining('pnpm deploy --prod'));
    const installsInRuntime = plant(dockerfile, 'USER node', 'RUN npm install tsx\nUSER node');
    expect(checkDockerfile(installsInRuntime)).toContainEqual(expect.stringContaining('installs packages'));
    const copiesSources = plant(dockerfile, 'COPY --from=build /image /app', 'COPY . /app');
    expect(checkDockerfile(copiesSources)).toContainEqual(expect.stringContaining('from the build context'));
  });

  it('fails without tini as the entrypoint, or with a shell-form entrypoint', () => {
    expect(checkDockerfile(plant(dockerfile, /ENTRYPOINT .*\n/, ''))).toContainEqual(
      expect.stringContaining('tini'),
    );
    expect(
      checkDockerfile(plant(dockerfile, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'ENTRYPOINT /usr/bin/tini --')),
    ).toContainEqual(expect.stringContaining('tini'));
  });

  it('fails without a HEALTHCHECK', () => {
    expect(checkDockerfile(plant(dockerfile, /HEALTHCHECK [^\n]*\\\n[^\n]*\n/, ''))).toContainEqual(
      expect.stringContaining('HEALTHCHECK'),
    );
  });

  it('fails when the command runs TypeScript sources instead of the compiled build', () => {
    const tsx = plant(
      dockerfile,
      'CMD ["node", "node_modules/@stayhub/server/dist/main.js"]',
      'CMD ["node", "--import", "tsx", "apps/server/src/main.ts"]',
    );
    const problems = checkDockerfile(tsx);
    expect(problems).toContainEqual(expect.stringContaining('CMD must run compiled JavaScript'));
    expect(problems).toContainEqual(expect.stringContaining('TypeScript sources'));
  });
});

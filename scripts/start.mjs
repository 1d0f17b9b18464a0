#!/usr/bin/env node
// `npm start`: install with the pinned pnpm, then run scripts/stack.ts in a child process. SIGINT/SIGTERM
// are forwarded to it (the stack drains the server and worker, then stops PostgreSQL) and its exit code
// becomes ours, so a supervisor that signals `npm start` gets a clean stop.
import { spawn, spawnSync } from 'node:child_process';

const install = spawnSync(process.execPath, ['scripts/pnpm.mjs', 'install', '--frozen-lockfile'], {
  stdio: 'inherit',
});
if (install.status !== 0) process.exit(install.status ?? 1);

const stack = spawn(
  process.execPath,
  ['--conditions=@stayhub/source', '--import', 'tsx', 'scripts/stack.ts'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stack.kill(signal));
stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// `npm start` runs us under `sh -c`; a SIGTERM sent to npm kills that shell without passing the signal on.
// Losing our parent therefore means "stop" too, or the stack would run on, orphaned.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stack.kill('SIGTERM');
}, 500).unref();

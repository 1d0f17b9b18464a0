export { type StartedWorker, startWorker, type WorkerOptions } from './worker.ts';

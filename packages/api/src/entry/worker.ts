/**
 * `@stayhub/api/worker`: what the job runner process needs — the task list, the crontab and crash
 * recovery of dead worker processes. Never routers (STYLE "A map of packages/api/src"): the worker
 * process loads services and tasks only, which test/unit/loaded-modules.test.ts checks.
 */
export { currentWorkerHost, type WorkerHost } from '../jobs/recovery/worker-host.ts';
export {
  judgeWorkerProcess,
  type RegisteredWorkerProcess,
} from '../jobs/recovery/worker-liveness.rules.ts';
export {
  DEFAULT_STALE_AFTER_MS,
  type RecoveredWorkerProcess,
  recoverDeadWorkerProcesses,
} from '../jobs/recovery/worker-recovery.service.ts';
export {
  deregisterWorkerProcess,
  type RegistryWrite,
  recordWorkerProcess,
  registerWorkerProcess,
  releaseOwnOrphanedJobs,
} from '../jobs/recovery/worker-registration.service.ts';
export { createTaskList, crontab } from '../jobs/task-list.ts';

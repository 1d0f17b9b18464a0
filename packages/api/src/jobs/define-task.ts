import type { JobHelpers, Task } from 'graphile-worker';
import { type JobName, jobCatalog, type ParsedJobPayload } from './catalog.ts';

/** A task whose payload is parsed by the catalog before the handler sees it. */
export function defineTask<N extends JobName>(
  name: N,
  handler: (payload: ParsedJobPayload<N>, helpers: JobHelpers) => Promise<void>,
): Task {
  return async (payload, helpers) => {
    const parsed: ParsedJobPayload<N> = jobCatalog[name].parse(payload);
    await handler(parsed, helpers);
  };
}

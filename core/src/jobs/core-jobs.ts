import type { ExpireSessionsPayload } from './expire-sessions-job.js';
import { expireSessionsJob } from './expire-sessions-job.js';

/** The jobs of the host itself; every process that sends or works jobs knows these. */
export const coreJobs = [expireSessionsJob] as const;

/**
 * The payload of each core job, written out rather than derived from `coreJobs`: the jobs
 * declare their services through `coreServices`, whose type names this one.
 */
export type CoreJobPayloads = {
  'maintenance.expire-sessions': ExpireSessionsPayload;
};

import path from 'node:path';
import Joi from 'joi';
import { sweepStaleFiles } from '../blobs/stale-files.js';
import { coreServices } from '../core-services.js';
import { defineJob } from './job-definition.js';

export interface SweepStaleFilesPayload {
  /** Files unwritten for at least this many hours are removed. */
  readonly olderThanHours: number;
}

export const STALE_FILE_AGE_HOURS = 24;

/**
 * Removes what a killed process left in the data directory: blob temporaries (`*.tmp`, never
 * served: a blob is renamed into place whole) and streamed upload parts under `uploads/`
 * (removed after each request otherwise). A day is far past any write or upload in flight.
 * Sweeps the data directory of the process that works it; runs daily, and on demand.
 */
export const sweepStaleFilesJob = defineJob({
  name: 'maintenance.sweep-stale-files',
  deps: { config: coreServices.config },
  payloadSchema: Joi.object<SweepStaleFilesPayload>({
    olderThanHours: Joi.number().integer().min(1).max(24 * 365).default(STALE_FILE_AGE_HOURS),
  }),
  retry: { limit: 3, backoff: { delaySeconds: 60, exponential: true, maxDelaySeconds: 3600 } },
  policy: 'stately',
  timeoutSeconds: 30 * 60,
  schedule: { cron: '47 3 * * *', payload: { olderThanHours: STALE_FILE_AGE_HOURS } },
  async handler(payload, { config }, { logger }) {
    const olderThanMs = payload.olderThanHours * 3_600_000;
    const blobs = await sweepStaleFiles(path.join(config.dataDir, 'blobs'), {
      olderThanMs,
      matches: (name) => name.endsWith('.tmp'),
    });
    const uploads = await sweepStaleFiles(path.join(config.dataDir, 'uploads'), { olderThanMs, matches: () => true });
    logger.info({ blobs, uploads, olderThanHours: payload.olderThanHours }, 'stale files swept');
    return { blobs, uploads, olderThanHours: payload.olderThanHours };
  },
});

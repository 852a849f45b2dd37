import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { evidenceOcrEvents } from '../callbacks/job-outcome-events.js';
import { publishJobOutcome } from '../callbacks/publish-job-outcome.js';
import { isDomainError } from '../errors/domain-error.js';
import { defineJob } from '../jobs/job-definition.js';
import { jobRequesterSchema, principalOfRequester } from '../jobs/job-requester.js';
import { markOcrFailed, runEvidenceOcr } from './evidence-ocr.js';
import { OCR_EVIDENCE_JOB, type OcrEvidencePayload } from './ocr-job-payload.js';

/** Reads an uploaded item with OCR and stores its proposals; the OCR engine's workers stay warm. */
const ocrEvidenceJobDefinition = defineJob({
  name: OCR_EVIDENCE_JOB,
  deps: {
    database: coreServices.database,
    audit: coreServices.audit,
    blobs: coreServices.blobs,
    packs: coreServices.packs,
    sandbox: coreServices.sandbox,
    ocr: coreServices.ocr,
    logger: coreServices.logger,
  },
  payloadSchema: Joi.object<OcrEvidencePayload>({
    tenantId: Joi.string().guid().required(),
    evidenceId: Joi.string().guid().required(),
    requestedBy: jobRequesterSchema.required(),
  }),
  retry: { limit: 2, backoff: { delaySeconds: 5, exponential: true, maxDelaySeconds: 60 } },
  timeoutSeconds: 5 * 60,
  heartbeatSeconds: 10,
  batchSize: 2,
  async handler(payload, { database, audit, blobs, packs, sandbox, ocr, logger }, context) {
    const principal = principalOfRequester(payload.tenantId, payload.requestedBy);
    try {
      const outcome = await runEvidenceOcr(
        { knex: database.knex, audit, blobs, packs, sandbox, ocr, logger },
        principal,
        payload.evidenceId,
      );
      return { ...outcome };
    } catch (error) {
      const final = (isDomainError(error) && error.kind === 'user') || context.attempt >= 2;
      if (final) await markOcrFailed(database.knex, payload.tenantId, payload.evidenceId);
      throw error;
    }
  },
});

export const ocrEvidenceJob = publishJobOutcome(ocrEvidenceJobDefinition, evidenceOcrEvents);

import type { JsonValue } from '@repogen/sdk';
import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { REPORT_STATUSES, type ReportStatus } from '../reports/report-records.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses, uuidSchema } from './schemas.js';

const packKeySchema = Joi.string()
  .pattern(/^[A-Z][A-Z0-9_]{1,63}$/)
  .description('Pack key, e.g. SBI_UNDER_5CR_V1');
const idParams = Joi.object({ id: uuidSchema.required() });
// No control characters: PostgreSQL text refuses NUL, and a key is typed, logged and shown.
const externalKeySchema = Joi.string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- the control characters are what it refuses
  .pattern(/^[^\u0000-\u001F\u007F]+$/, 'printable characters')
  .description('e.g. v1:assignment:123, unique per tenant');

const bankSchema = Joi.string().trim().min(1).max(200);
/** A day, or an instant with its offset: a client bounds a day of its own time zone with instants. */
const createdBoundSchema = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'ISO date')
  .custom((value: string, helpers) => {
    // Date.parse rolls 2026-02-30 over to March: the day must come back as it was written.
    const day = Date.parse(`${value.slice(0, 10)}T00:00:00.000Z`);
    const valid =
      !Number.isNaN(Date.parse(value)) &&
      !Number.isNaN(day) &&
      new Date(day).toISOString().slice(0, 10) === value.slice(0, 10);
    return valid ? value : helpers.error('any.invalid');
  });

const reportSummarySchema = Joi.object({
  id: Joi.string(),
  packKey: Joi.string(),
  packVersion: Joi.string(),
  title: Joi.string(),
  externalKey: Joi.string().allow(null),
  billingAccountId: Joi.string()
    .allow(null)
    .description('the billing account the report names; null bills the tenant’s default account'),
  bank: Joi.string().allow(null).description('the bank the report is written for; null when not given'),
  expectedValue: Joi.number()
    .integer()
    .allow(null)
    .description('the property’s expected value in rupees; null when not given'),
  status: Joi.string().valid(...REPORT_STATUSES),
  latestVersion: Joi.number().integer(),
  createdAt: Joi.string(),
  updatedAt: Joi.string(),
}).label('ReportSummary');

const artifactSchema = Joi.object({
  id: Joi.string(),
  kind: Joi.string().valid('docx', 'pdf', 'trace', 'pdf-released'),
  sha256: Joi.string(),
  size: Joi.number().integer(),
  contentType: Joi.string(),
  filename: Joi.string(),
}).label('Artifact');

const versionSchema = Joi.object({
  id: Joi.string(),
  n: Joi.number().integer(),
  packKey: Joi.string(),
  packVersion: Joi.string(),
  inputSha256: Joi.string(),
  warnings: Joi.array().items(Joi.object().unknown(true)),
  createdBy: Joi.string(),
  createdAt: Joi.string(),
  artifacts: Joi.array().items(artifactSchema),
}).label('ReportVersion');

const reportDetailSchema = reportSummarySchema
  .keys({
    data: Joi.object().unknown(true),
    values: Joi.object().unknown(true).allow(null),
    trace: Joi.object().unknown(true).allow(null),
    warnings: Joi.array().items(Joi.object().unknown(true)),
    readiness: Joi.object({
      ready: Joi.boolean(),
      missingFields: Joi.array().items(Joi.string()),
      errors: Joi.array().items(Joi.object().unknown(true)),
    }).label('ReportReadiness'),
    versions: Joi.array().items(versionSchema),
  })
  .label('ReportDetail');

const writers = ['admin', 'operator', 'service'];
const readers = ['admin', 'author', 'operator', 'bank', 'service'];
/** A JSON pointer into the report data: `/partA_land/adoptedRatePerSqm`. */
const pointerPattern = /^(\/[^/]*)+$/;

export const reportRoutesPlugin = defineRoutePlugin({
  name: 'report-routes',
  deps: { reports: coreServices.reports, generation: coreServices.generation },
  routes: ({ reports, generation }) => [
    idempotent({
      method: 'POST',
      path: '/v1/reports',
      options: {
        tags: ['api', 'reports'],
        description:
          'Create a report bound to a pinned pack version (the newest published one when packVersion is omitted)',
        notes:
          'Repeating an externalKey answers the existing report with 200 (as it was created, billingKey included); a new report is 201. A new report may pin a published or a deprecated version: a draft is 409 PACK_VERSION_NOT_PUBLISHED, a yanked version 409 PACK_VERSION_YANKED. `billingKey` names the tenant’s billing account opened for that external key (POST /v1/billing/accounts with `externalKey`), which its generation and release are billed to; without it the tenant’s default account is. An unknown billingKey is 404 BILLING_ACCOUNT_NOT_FOUND.',
        auth: { access: { scope: writers } },
        payload: { maxBytes: 2 * 1024 * 1024 },
        validate: {
          payload: Joi.object({
            packKey: packKeySchema.required(),
            packVersion: Joi.string()
              .pattern(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
              .max(64),
            title: Joi.string().trim().min(1).max(300).required(),
            externalKey: externalKeySchema,
            billingKey: Joi.string()
              .trim()
              .min(1)
              .max(200)
              .description('external key of the billing account to bill, e.g. v1:partner:42'),
            bank: bankSchema.description('the bank the report is written for, e.g. State Bank of India'),
            expectedValue: Joi.number()
              .integer()
              .min(0)
              .max(1e15)
              .description('the property’s expected value in rupees, as given to GET /v1/packs/select'),
            data: Joi.object().unknown(true),
          }).label('CreateReport'),
          failAction: failValidation,
        },
        response: {
          status: { 200: reportSummarySchema, 201: reportSummarySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async handler(request, h) {
        const body = request.payload as {
          packKey: string;
          packVersion?: string;
          title: string;
          externalKey?: string;
          billingKey?: string;
          bank?: string;
          expectedValue?: number;
          data?: JsonValue;
        };
        const { report, created } = await reports.create(principalOf(request), body, request.info.id);
        return h.response(report).code(created ? 201 : 200);
      },
    }),
    {
      method: 'GET',
      path: '/v1/reports',
      options: {
        tags: ['api', 'reports'],
        description: 'The tenant’s reports, newest first',
        notes:
          '`total` counts every report the filters match, across pages. `createdFrom` and `createdTo` take a day (`2026-12-04`: the whole UTC day, both bounds included) or an instant with its offset (`2026-12-03T18:30:00.000Z`), with which a client bounds the days of its own time zone.',
        auth: { access: { scope: readers } },
        validate: {
          query: Joi.object({
            packKey: packKeySchema,
            status: Joi.string().valid(...REPORT_STATUSES),
            q: Joi.string().trim().min(1).max(200).description('part of the title or external key'),
            bank: bankSchema.description('part of the bank’s name, any case'),
            createdFrom: createdBoundSchema.description('created on or after this day or instant'),
            createdTo: createdBoundSchema.description('created on or before this day (all of it) or instant'),
            limit: Joi.number().integer().min(1).max(100).default(20),
            offset: Joi.number().integer().min(0).max(1_000_000).default(0),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              items: Joi.array().items(reportSummarySchema),
              total: Joi.number().integer(),
              limit: Joi.number().integer(),
              offset: Joi.number().integer(),
            }).label('ReportList'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async handler(request) {
        const query = request.query as {
          packKey?: string;
          status?: ReportStatus;
          q?: string;
          bank?: string;
          createdFrom?: string;
          createdTo?: string;
          limit: number;
          offset: number;
        };
        const page = await reports.list(principalOf(request), query);
        return { ...page, limit: query.limit, offset: query.offset };
      },
    },
    {
      method: 'GET',
      path: '/v1/reports/{id}',
      options: {
        tags: ['api', 'reports'],
        description: 'A report: its data, the values, traces and warnings computed now, readiness, and its versions',
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 200: reportDetailSchema, ...errorResponses(400, 401, 403, 404, 422, 503) } },
      },
      handler: (request) => reports.get(principalOf(request), (request.params as { id: string }).id),
    },
    {
      method: 'GET',
      path: '/v1/reports/by-external-key/{key}',
      options: {
        tags: ['api', 'reports'],
        description:
          'The report an external system knows by its key (v1:assignment:123), as GET /v1/reports/{id} answers it',
        notes:
          'Percent-encode the key when it holds characters other than letters, digits and :-._~ (404 REPORT_NOT_FOUND when no report of the tenant has it).',
        auth: { access: { scope: readers } },
        validate: { params: Joi.object({ key: externalKeySchema.required() }), failAction: failValidation },
        response: { status: { 200: reportDetailSchema, ...errorResponses(400, 401, 403, 404, 422, 503) } },
      },
      handler: (request) => reports.getByExternalKey(principalOf(request), (request.params as { key: string }).key),
    },
    {
      method: 'PATCH',
      path: '/v1/reports/{id}/data',
      options: {
        tags: ['api', 'reports'],
        description:
          'Change fields of the report data by JSON pointer; checked against the pack schema, audited per field',
        notes:
          'An edit that fails validation changes nothing. Replacing a value of a field the pack marks x-reason-required needs `reason` (400 REASON_REQUIRED).',
        auth: { access: { scope: writers } },
        payload: { maxBytes: 2 * 1024 * 1024 },
        validate: {
          params: idParams,
          payload: Joi.object({
            set: Joi.object()
              .pattern(Joi.string().pattern(pointerPattern).max(500), Joi.any())
              .min(1)
              .max(500)
              .required(),
            reason: Joi.string().trim().min(3).max(2000),
          }).label('PatchReportData'),
          failAction: failValidation,
        },
        response: { status: { 200: reportDetailSchema, ...errorResponses(400, 401, 403, 404, 422, 503) } },
      },
      handler(request) {
        const body = request.payload as { set: Record<string, JsonValue>; reason?: string };
        return reports.patchData(principalOf(request), (request.params as { id: string }).id, body, request.info.id);
      },
    },
    {
      method: 'POST',
      path: '/v1/reports/{id}/generate',
      options: {
        tags: ['api', 'reports'],
        description: 'Queue the generation of the next version (DOCX, PDF, trace); idempotent per Idempotency-Key',
        notes:
          'The same key answers the same job; a key used for another report is 409 IDEMPOTENCY_KEY_REUSED. The billing gate runs first: on a CREDIT account the first generation of a report reserves the pack’s credits (402 INSUFFICIENT_CREDITS when the available balance is short; nothing is queued); on a POSTPAID account it drafts the report’s invoice. A cancelled report is 409 REPORT_CANCELLED.',
        auth: { access: { scope: writers } },
        validate: {
          params: idParams,
          headers: Joi.object({ 'idempotency-key': Joi.string().trim().min(1).max(200).required() }).unknown(true),
          failAction: failValidation,
        },
        response: {
          status: {
            202: Joi.object({ jobId: Joi.string(), created: Joi.boolean() }).label('GenerationQueued'),
            ...errorResponses(400, 401, 402, 403, 404, 409, 422, 503),
          },
        },
      },
      async handler(request, h) {
        const key = request.headers['idempotency-key'] as string;
        const queued = await generation.request(
          principalOf(request),
          (request.params as { id: string }).id,
          key.trim(),
          request.info.id,
        );
        return h.response(queued).code(202);
      },
    },
    {
      method: 'GET',
      path: '/v1/reports/{id}/versions',
      options: {
        tags: ['api', 'reports'],
        description: 'The generated versions (v1, v2, …) with their artifacts; never overwritten',
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(versionSchema) }).label('ReportVersions'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler: async (request) => ({
        items: await reports.versions(principalOf(request), (request.params as { id: string }).id),
      }),
    },
  ],
});

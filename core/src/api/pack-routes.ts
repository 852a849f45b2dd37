import type { Request } from '@hapi/hapi';
import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { BANK_TYPES, type BankType } from '../packs/bank-type.js';
import { ARCHIVE_LIMITS, type JsonValue } from '@repogen/sdk';
import { errorResponses, fileResponses } from './schemas.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';

const keySchema = Joi.string().pattern(/^[A-Z][A-Z0-9_]{1,63}$/).description('Pack key, e.g. SBI_UNDER_5CR_V1');
const versionSchema = Joi.string().pattern(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/).max(64);
const versionParams = Joi.object({ key: keySchema.required(), version: versionSchema.required() });

const versionSummarySchema = Joi.object({
  key: Joi.string(),
  version: Joi.string(),
  family: Joi.string(),
  title: Joi.string(),
  status: Joi.string().valid('draft', 'published', 'deprecated', 'yanked'),
  scope: Joi.string().valid('global', 'tenant'),
  digest: Joi.string(),
  archiveSize: Joi.number().integer(),
  createdAt: Joi.string(),
  statusChangedAt: Joi.string(),
  statusReason: Joi.string().allow(null),
}).label('PackVersionSummary');

const packSummarySchema = Joi.object({
  key: Joi.string(),
  family: Joi.string(),
  title: Joi.string(),
  scope: Joi.string(),
  latest: Joi.string().allow(null),
  versions: Joi.array().items(versionSummarySchema),
}).label('PackSummary');

const readers = ['admin', 'author', 'operator', 'bank', 'service'];

export const packRoutesPlugin = defineRoutePlugin({
  name: 'pack-routes',
  deps: { packs: coreServices.packs },
  routes: ({ packs }) => [
    idempotent({
      method: 'POST',
      path: '/v1/packs',
      options: {
        tags: ['api', 'packs'],
        description: 'Upload a pack archive (.rpack); the host re-validates everything and stores it as a draft',
        notes: 'Body: the .rpack bytes (application/octet-stream). The same version with the same digest is idempotent (200); with other content, 409.',
        auth: { access: { scope: ['author', 'admin'] } },
        payload: {
          parse: false,
          output: 'data',
          maxBytes: ARCHIVE_LIMITS.compressedBytes,
          allow: ['application/octet-stream', 'application/gzip', 'application/x-repogen-pack'],
        },
        response: {
          status: {
            200: Joi.object({ version: versionSummarySchema, created: Joi.boolean() }).label('PackUpload'),
            201: Joi.object({ version: versionSummarySchema, created: Joi.boolean() }).label('PackUploadCreated'),
            ...errorResponses(400, 401, 403, 409, 422, 503),
          },
        },
      },
      async handler(request, h) {
        const bytes = request.payload as Buffer;
        const result = await packs.upload(principalOf(request), bytes, request.info.id);
        return h.response(result).code(result.created ? 201 : 200);
      },
    }),
    ...(['publish', 'deprecate', 'yank'] as const).map((action) => ({
      method: 'POST' as const,
      path: `/v1/packs/{key}/versions/{version}/${action}`,
      options: {
        tags: ['api', 'packs'],
        description: {
          publish: 'Approve a draft version for use (review)',
          deprecate: 'Keep a version usable by existing reports but stop suggesting it',
          yank: 'Withdraw a version (needs a reason)',
        }[action],
        notes:
          "The platform's admins only (the firm reviews every pack, a bank's custom pack included): another tenant's admin gets 403 PACK_REVIEW_FORBIDDEN.",
        auth: { access: { scope: ['admin'] } },
        validate: {
          params: versionParams,
          payload: Joi.object({ reason: Joi.string().trim().min(3).max(2000) }).allow(null),
          failAction: failValidation,
        },
        response: { status: { 200: versionSummarySchema, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      handler(request: Request) {
        const { key, version } = request.params as { key: string; version: string };
        const reason = (request.payload as { reason?: string } | null)?.reason;
        const status = ({ publish: 'published', deprecate: 'deprecated', yank: 'yanked' } as const)[action];
        return packs.changeStatus(principalOf(request), key, version, status, reason, request.info.id);
      },
    })),
    {
      method: 'GET',
      path: '/v1/packs',
      options: {
        tags: ['api', 'packs'],
        description: 'The packs this tenant may use: global packs and its own',
        notes:
          "Drafts under review are listed only for the tenant that owns them and for the platform; the firm's global drafts stay hidden from banks.",
        auth: { access: { scope: readers } },
        validate: { query: Joi.object({ family: Joi.string().valid('valuation', 'project-finance', 'custom') }), failAction: failValidation },
        response: { status: { 200: Joi.object({ items: Joi.array().items(packSummarySchema) }).label('PackList'), ...errorResponses(400, 401, 403) } },
      },
      handler: async (request) => ({ items: await packs.list(principalOf(request), request.query) }),
    },
    {
      method: 'GET',
      path: '/v1/packs/select',
      options: {
        tags: ['api', 'packs'],
        description: 'Which pack the selection rules suggest for a bank and an expected value, and why',
        notes: 'Without `family`, the packs of the valuation family compete (project-finance packs are chosen by the assignment type).',
        auth: { access: { scope: readers } },
        validate: {
          query: Joi.object({
            family: Joi.string().valid('valuation', 'project-finance', 'custom'),
            bank: Joi.string().trim().max(200),
            bankType: Joi.string().valid(...BANK_TYPES),
            value: Joi.number().integer().min(0).max(1e15).description('expected value in rupees'),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              family: Joi.string(),
              bankType: Joi.string().allow(null),
              pack: Joi.object({ key: Joi.string(), version: Joi.string(), title: Joi.string() }).allow(null),
              reason: Joi.string().allow(null),
              alternatives: Joi.array().items(Joi.object({ key: Joi.string(), version: Joi.string(), title: Joi.string(), reason: Joi.string() })),
            }).label('PackSelection'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async handler(request) {
        const query = request.query as { family?: string; bank?: string; bankType?: BankType; value?: number };
        const answer = await packs.select(principalOf(request), { ...query, valueRupees: query.value });
        const brief = (verdict: NonNullable<typeof answer.chosen>) => ({
          key: verdict.candidate.key,
          version: verdict.candidate.version,
          title: verdict.candidate.title,
        });
        return {
          family: answer.family,
          bankType: answer.bankType ?? null,
          pack: answer.chosen ? brief(answer.chosen) : null,
          reason: answer.chosen?.reason ?? null,
          alternatives: answer.alternatives.map((verdict) => ({ ...brief(verdict), reason: verdict.reason })),
        };
      },
    },
    {
      method: 'GET',
      path: '/v1/packs/{key}',
      options: {
        tags: ['api', 'packs'],
        description: 'A pack and its versions',
        auth: { access: { scope: readers } },
        validate: { params: Joi.object({ key: keySchema.required() }), failAction: failValidation },
        response: { status: { 200: packSummarySchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) => packs.get(principalOf(request), (request.params as { key: string }).key),
    },
    {
      method: 'GET',
      path: '/v1/packs/{key}/versions/{version}',
      options: {
        tags: ['api', 'packs'],
        description: 'A version: manifest, input schema with UI hints, formulas and rules, fields that need a reason',
        auth: { access: { scope: readers } },
        validate: { params: versionParams, failAction: failValidation },
        response: {
          status: {
            200: versionSummarySchema
              .keys({ manifest: Joi.object().unknown(true), schema: Joi.any(), description: Joi.object().unknown(true), reasonRequired: Joi.array().items(Joi.string()) })
              .label('PackVersionDetail'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler(request) {
        const { key, version } = request.params as { key: string; version: string };
        return packs.getVersion(principalOf(request), key, version);
      },
    },
    {
      method: 'GET',
      path: '/v1/packs/{key}/versions/{version}/download',
      options: {
        tags: ['api', 'packs'],
        description: 'The version’s .rpack archive',
        auth: { access: { scope: readers } },
        plugins: fileResponses('The .rpack archive', 400, 401, 403, 404),
        validate: { params: versionParams, failAction: failValidation },
      },
      async handler(request, h) {
        const { key, version } = request.params as { key: string; version: string };
        const { fileName, bytes } = await packs.download(principalOf(request), key, version);
        return h.response(bytes).type('application/octet-stream').header('content-disposition', `attachment; filename="${fileName}"`);
      },
    },
    {
      method: 'POST',
      path: '/v1/packs/{key}/versions/{version}/compute',
      options: {
        tags: ['api', 'packs'],
        description: 'Dry run: validate the input against the pack schema and compute in the sandbox',
        notes:
          'A draft can be run by the tenant that owns it and by the platform (that is how it is reviewed); to anyone else it is 404.',
        auth: { access: { scope: readers } },
        payload: { maxBytes: 2 * 1024 * 1024 },
        validate: {
          params: versionParams,
          payload: Joi.object({
            input: Joi.any().required(),
            now: Joi.string().isoDate(),
            settings: Joi.object().unknown(true),
          }).label('ComputeRequest'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              values: Joi.object().unknown(true),
              trace: Joi.object().unknown(true),
              warnings: Joi.array().items(Joi.object().unknown(true)),
              cpuTimeMs: Joi.number(),
            }).label('ComputeResult'),
            ...errorResponses(400, 401, 403, 404, 422, 503),
          },
        },
      },
      handler(request) {
        const { key, version } = request.params as { key: string; version: string };
        const body = request.payload as { input: JsonValue; now?: string; settings?: Record<string, JsonValue> };
        return packs.compute(principalOf(request), key, version, body);
      },
    },
  ],
});

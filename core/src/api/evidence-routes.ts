import fs from 'node:fs';
import path from 'node:path';
import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import type { JsonValue } from '@repogen/sdk';
import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { InvalidError } from '../errors/domain-error.js';
import { EVIDENCE_ERROR_CODES } from '../evidence/evidence-errors.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../evidence/evidence-kinds.js';
import type { UploadedFile } from '../evidence/upload-inspection.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses, fileResponses, uuidSchema } from './schemas.js';

const idParams = Joi.object({ id: uuidSchema.required() });
const kindSchema = Joi.string().valid(...EVIDENCE_KINDS);
const writers = ['admin', 'operator', 'service'];
const readers = ['admin', 'author', 'operator', 'bank', 'service'];

/** The whole request may carry several files at the per-file cap; each file is checked on its own. */
const MAX_REQUEST_BYTES = 100 * 1024 * 1024;

const exifSchema = Joi.object({
  lat: Joi.number().allow(null),
  long: Joi.number().allow(null),
  takenAt: Joi.string().allow(null),
}).label('EvidenceExif');
const evidenceSchema = Joi.object({
  id: Joi.string(),
  reportId: Joi.string(),
  kind: Joi.string(),
  kindConfirmed: Joi.boolean(),
  filename: Joi.string(),
  sha256: Joi.string(),
  mime: Joi.string(),
  size: Joi.number().integer(),
  width: Joi.number().integer().allow(null),
  height: Joi.number().integer().allow(null),
  pages: Joi.number().integer().allow(null),
  exif: exifSchema,
  ocr: Joi.object({
    status: Joi.string().valid('none', 'queued', 'done', 'failed'),
    confidence: Joi.number().allow(null),
    detectedKind: Joi.string().allow(null),
  }).label('EvidenceOcr'),
  order: Joi.number().integer(),
  excluded: Joi.boolean(),
  createdAt: Joi.string(),
  duplicate: Joi.boolean(),
}).label('Evidence');

const warningSchema = Joi.object({ code: Joi.string(), level: Joi.string(), message: Joi.string() }).label(
  'ProposalWarning',
);
const proposalSchema = Joi.object({
  id: Joi.string(),
  evidenceId: Joi.string(),
  reportId: Joi.string(),
  field: Joi.string(),
  value: Joi.any(),
  confidence: Joi.number(),
  source: Joi.string().valid('ocr', 'exif', 'pack'),
  sourceText: Joi.string().allow(''),
  region: Joi.object({
    x: Joi.number().min(0).max(1),
    y: Joi.number().min(0).max(1),
    width: Joi.number().min(0).max(1),
    height: Joi.number().min(0).max(1),
  })
    .allow(null)
    .label('ImageRegion')
    .description(
      'where in the evidence image the value was read, as fractions of the upright image’s width and height (EXIF orientation applied); null when not known',
    ),
  status: Joi.string().valid('proposed', 'accepted', 'rejected'),
  warnings: Joi.array().items(warningSchema),
  decidedBy: Joi.string().allow(null),
  decidedAt: Joi.string().allow(null),
}).label('Proposal');

/** A file part of hapi's multipart output with `output: 'file'`: the part as streamed to a file of its own. */
interface FilePart {
  readonly filename: string;
  readonly path: string;
  readonly bytes: number;
  readonly headers: Readonly<Record<string, string>>;
}

function isFilePart(value: unknown): value is FilePart {
  return (
    typeof value === 'object' &&
    value !== null &&
    'filename' in value &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { bytes?: unknown }).bytes === 'number'
  );
}

/** Every file part of a parsed multipart form, whatever its field name. */
function fileParts(payload: unknown): FilePart[] {
  if (typeof payload !== 'object' || payload === null || Buffer.isBuffer(payload)) return [];
  return Object.values(payload as Record<string, unknown>)
    .flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]))
    .filter(isFilePart);
}

/** Removes the files hapi streamed an upload to, however the request ended. */
async function removeUploadedFiles(request: Request, h: ResponseToolkit): Promise<symbol> {
  await Promise.all(fileParts(request.payload).map((part) => fs.promises.rm(part.path, { force: true })));
  return h.continue;
}

/** Every file part of the form, whatever its field name, and the optional `kind` field. */
function readForm(payload: unknown): { files: UploadedFile[]; kind: EvidenceKind | undefined } {
  if (typeof payload !== 'object' || payload === null || Buffer.isBuffer(payload)) {
    throw new InvalidError(EVIDENCE_ERROR_CODES.filesInvalid, 'Send the files as multipart/form-data');
  }
  const files = fileParts(payload).map((part) => ({
    filename: part.filename || 'upload',
    contentType: part.headers['content-type'],
    path: part.path,
    size: part.bytes,
  }));
  const field: unknown = (payload as Record<string, unknown>).kind;
  const kind: unknown = Array.isArray(field) ? (field as unknown[])[0] : field;
  if (kind !== undefined) {
    const { error } = kindSchema.validate(kind);
    if (error)
      throw new InvalidError('VALIDATION_FAILED', `kind must be one of ${EVIDENCE_KINDS.join(', ')}`, {
        fields: [{ path: 'kind', message: error.message }],
      });
  }
  return { files, kind: kind as EvidenceKind | undefined };
}

/** An inline download that a browser may show but never run. */
function fileResponse(h: ResponseToolkit, file: { bytes: Buffer; mime: string; filename: string }): ResponseObject {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return h
    .response(file.bytes)
    .type(file.mime)
    .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600');
}

export const evidenceRoutesPlugin = defineRoutePlugin({
  name: 'evidence-routes',
  deps: { evidence: coreServices.evidence, config: coreServices.config },
  routes: ({ evidence, config }) => {
    const uploadsDir = path.join(config.dataDir, 'uploads');
    fs.mkdirSync(uploadsDir, { recursive: true });
    return [
    idempotent({
      method: 'POST',
      path: '/v1/reports/{id}/evidence',
      options: {
        tags: ['api', 'evidence'],
        description:
          'Upload evidence (several files at once, optional kind); OCR is queued for the kinds the pack reads',
        notes: `The same bytes again are answered with the existing item (duplicate: true). A refused file refuses the request and nothing is stored: ${Object.values(EVIDENCE_ERROR_CODES).join(', ')}.`,
        auth: { access: { scope: writers } },
        // Each file part streams to a file of its own under the data directory, never whole into memory.
        payload: {
          output: 'file',
          parse: true,
          multipart: { output: 'file' },
          uploads: uploadsDir,
          allow: 'multipart/form-data',
          maxBytes: MAX_REQUEST_BYTES,
          timeout: 120_000,
        },
        ext: { onPostResponse: { method: removeUploadedFiles } },
        plugins: { 'hapi-swagger': { payloadType: 'form' } },
        validate: { params: idParams, failAction: failValidation },
        response: {
          status: {
            201: Joi.object({ items: Joi.array().items(evidenceSchema) }).label('EvidenceUploaded'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async handler(request, h) {
        const { files, kind } = readForm(request.payload);
        const items = await evidence.upload(
          principalOf(request),
          (request.params as { id: string }).id,
          files,
          kind,
          request.info.id,
        );
        return h.response({ items }).code(201);
      },
    }),
    {
      method: 'GET',
      path: '/v1/reports/{id}/evidence',
      options: {
        tags: ['api', 'evidence'],
        description: "The report's evidence, by kind and the operator's order",
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(evidenceSchema) }).label('EvidenceList'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler: async (request) => ({
        items: await evidence.list(principalOf(request), (request.params as { id: string }).id),
      }),
    },
    {
      method: 'PATCH',
      path: '/v1/evidence/{id}',
      options: {
        tags: ['api', 'evidence'],
        description: 'Re-file (kind), reorder, or exclude an evidence item; audited',
        auth: { access: { scope: writers } },
        validate: {
          params: idParams,
          payload: Joi.object({
            kind: kindSchema,
            order: Joi.number().integer().min(0).max(10_000),
            excluded: Joi.boolean(),
          })
            .min(1)
            .label('EvidenceChange'),
          failAction: failValidation,
        },
        response: { status: { 200: evidenceSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) =>
        evidence.update(
          principalOf(request),
          (request.params as { id: string }).id,
          request.payload as { kind?: EvidenceKind; order?: number; excluded?: boolean },
          request.info.id,
        ),
    },
    {
      method: 'DELETE',
      path: '/v1/evidence/{id}',
      options: {
        tags: ['api', 'evidence'],
        description: 'Delete an evidence item (soft: kept for the audit log, gone from lists and layouts)',
        auth: { access: { scope: writers } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 204: Joi.any(), ...errorResponses(400, 401, 403, 404) } },
      },
      async handler(request, h) {
        await evidence.remove(principalOf(request), (request.params as { id: string }).id, request.info.id);
        return h.response().code(204);
      },
    },
    {
      method: 'GET',
      path: '/v1/evidence/{id}/content',
      options: {
        tags: ['api', 'evidence'],
        description: 'The uploaded bytes as they were received',
        auth: { access: { scope: readers } },
        plugins: fileResponses('The uploaded bytes', 400, 401, 403, 404),
        validate: { params: idParams, failAction: failValidation },
      },
      async handler(request, h) {
        return fileResponse(h, await evidence.content(principalOf(request), (request.params as { id: string }).id));
      },
    },
    {
      method: 'GET',
      path: '/v1/evidence/{id}/thumbnail',
      options: {
        tags: ['api', 'evidence'],
        description:
          'A small upright JPEG of an image (320 px on the longest edge); 404 EVIDENCE_THUMBNAIL_UNAVAILABLE for a PDF',
        auth: { access: { scope: readers } },
        plugins: fileResponses('A JPEG thumbnail', 400, 401, 403, 404),
        validate: { params: idParams, failAction: failValidation },
      },
      async handler(request, h) {
        return fileResponse(h, await evidence.thumbnail(principalOf(request), (request.params as { id: string }).id));
      },
    },
    {
      method: 'GET',
      path: '/v1/reports/{id}/proposals',
      options: {
        tags: ['api', 'evidence'],
        description: 'Field values proposed from the evidence (OCR, EXIF, the pack), with confidence and warnings',
        auth: { access: { scope: readers } },
        validate: {
          params: idParams,
          query: Joi.object({ status: Joi.string().valid('proposed', 'accepted', 'rejected') }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(proposalSchema) }).label('ProposalList'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler: async (request) => ({
        items: await evidence.proposals(
          principalOf(request),
          (request.params as { id: string }).id,
          (request.query as { status?: 'proposed' | 'accepted' | 'rejected' }).status,
        ),
      }),
    },
    {
      method: 'POST',
      path: '/v1/proposals/{id}/accept',
      options: {
        tags: ['api', 'evidence'],
        description:
          "Write a proposal (or the operator's own value) into the report data through its validated, audited patch",
        notes: 'Low confidence is a warning in the answer, never a refusal.',
        auth: { access: { scope: writers } },
        validate: {
          params: idParams,
          payload: Joi.object({ value: Joi.any(), reason: Joi.string().trim().min(3).max(2000) })
            .allow(null)
            .label('AcceptProposal'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({ proposal: proposalSchema, warnings: Joi.array().items(warningSchema) }).label(
              'ProposalAccepted',
            ),
            ...errorResponses(400, 401, 403, 404, 422),
          },
        },
      },
      handler: (request) => {
        const body = (request.payload ?? {}) as { value?: JsonValue; reason?: string };
        return evidence.accept(principalOf(request), (request.params as { id: string }).id, body, request.info.id);
      },
    },
    {
      method: 'POST',
      path: '/v1/proposals/{id}/reject',
      options: {
        tags: ['api', 'evidence'],
        description: 'Reject a proposal; the report data is not touched',
        auth: { access: { scope: writers } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 200: proposalSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) =>
        evidence.reject(principalOf(request), (request.params as { id: string }).id, request.info.id),
    },
    {
      method: 'GET',
      path: '/v1/reports/{id}/checklist',
      options: {
        tags: ['api', 'evidence'],
        description:
          "The pack's evidence profile against the uploads: present, missing, and detected document types to confirm",
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: {
          status: {
            200: Joi.object({
              complete: Joi.boolean(),
              items: Joi.array().items(
                Joi.object({
                  kind: Joi.string(),
                  label: Joi.string(),
                  min: Joi.number(),
                  present: Joi.number(),
                  satisfied: Joi.boolean(),
                  evidenceIds: Joi.array().items(Joi.string()),
                }).label('ChecklistLine'),
              ),
              missing: Joi.array().items(Joi.string()),
              documents: Joi.array().items(
                Joi.object({
                  evidenceId: Joi.string(),
                  filename: Joi.string(),
                  kind: Joi.string(),
                  detectedKind: Joi.string().allow(null),
                  order: Joi.number(),
                }).label('DetectedDocument'),
              ),
            }).label('EvidenceChecklist'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler: (request) => evidence.checklist(principalOf(request), (request.params as { id: string }).id),
    },
    ];
  },
});

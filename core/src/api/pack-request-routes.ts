import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { PACK_REQUEST_STATUSES, type NewPackRequest, type PackRequestChange } from '../pack-requests/pack-request-service.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses, uuidSchema } from './schemas.js';

const packKeySchema = Joi.string().pattern(/^[A-Z][A-Z0-9_]{1,63}$/);
const requestSchema = Joi.object({
  id: Joi.string(),
  tenantId: Joi.string(),
  title: Joi.string(),
  basePackKey: Joi.string().allow(null),
  differences: Joi.string(),
  sampleFiles: Joi.array().items(Joi.string()),
  status: Joi.string().valid(...PACK_REQUEST_STATUSES),
  statusNote: Joi.string().allow(null),
  deliveredPackKey: Joi.string().allow(null),
  createdBy: Joi.string(),
  createdAt: Joi.string(),
  updatedAt: Joi.string(),
}).label('PackRequest');
const idParams = Joi.object({ id: uuidSchema.required() });
const everyone = ['admin', 'author', 'operator', 'bank'];

export const packRequestRoutesPlugin = defineRoutePlugin({
  name: 'pack-request-routes',
  deps: { packRequests: coreServices.packRequests },
  routes: ({ packRequests }) => [
    idempotent({
      method: 'POST',
      path: '/v1/pack-requests',
      options: {
        tags: ['api', 'packs'],
        description: 'A bank asks for a pack of its own format: the base pack, what differs, its sample reports',
        auth: { access: { scope: ['bank', 'admin'] } },
        validate: {
          payload: Joi.object({
            title: Joi.string().trim().min(1).max(300).required(),
            basePackKey: packKeySchema,
            differences: Joi.string().trim().min(1).max(20_000).required(),
            sampleFiles: Joi.array().items(Joi.string().trim().min(1).max(255)).max(50),
          }).label('NewPackRequest'),
          failAction: failValidation,
        },
        response: { status: { 201: requestSchema, ...errorResponses(400, 401, 403) } },
      },
      async handler(request, h) {
        const created = await packRequests.create(principalOf(request), request.payload as NewPackRequest, request.info.id);
        return h.response(created).code(201);
      },
    }),
    {
      method: 'GET',
      path: '/v1/pack-requests',
      options: {
        tags: ['api', 'packs'],
        description: "A bank's own pack requests, newest first; the firm sees every bank's",
        auth: { access: { scope: everyone } },
        response: { status: { 200: Joi.object({ items: Joi.array().items(requestSchema) }).label('PackRequestList'), ...errorResponses(401, 403) } },
      },
      handler: async (request) => ({ items: await packRequests.list(principalOf(request)) }),
    },
    {
      method: 'GET',
      path: '/v1/pack-requests/{id}',
      options: {
        tags: ['api', 'packs'],
        description: 'One pack request and its status',
        auth: { access: { scope: everyone } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 200: requestSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) => packRequests.get(principalOf(request), (request.params as { id: string }).id),
    },
    {
      method: 'POST',
      path: '/v1/pack-requests/{id}/status',
      options: {
        tags: ['api', 'packs'],
        description: 'The firm moves a request along (in_progress, delivered with the pack key, declined); audited for both sides',
        auth: { access: { scope: ['admin', 'author'] } },
        validate: {
          params: idParams,
          payload: Joi.object({
            status: Joi.string().valid(...PACK_REQUEST_STATUSES).required(),
            note: Joi.string().trim().min(3).max(2000),
            deliveredPackKey: packKeySchema,
          }).label('PackRequestChange'),
          failAction: failValidation,
        },
        response: { status: { 200: requestSchema, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      handler: (request) =>
        packRequests.changeStatus(principalOf(request), (request.params as { id: string }).id, request.payload as PackRequestChange, request.info.id),
    },
  ],
});

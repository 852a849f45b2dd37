import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { errorResponses } from './schemas.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';

const entrySchema = Joi.object({
  id: Joi.number().integer(),
  tenantId: Joi.string().allow(null),
  actorKind: Joi.string().valid('user', 'token', 'service', 'system'),
  actorId: Joi.string().allow(null),
  actorLabel: Joi.string(),
  action: Joi.string(),
  targetType: Joi.string(),
  targetId: Joi.string(),
  before: Joi.any(),
  after: Joi.any(),
  reason: Joi.string().allow(null),
  requestId: Joi.string().allow(null),
  createdAt: Joi.string().isoDate(),
}).label('AuditEntry');

const TARGET = /^([a-z_]{1,40}):(.{1,200})$/;

export const auditRoutesPlugin = defineRoutePlugin({
  name: 'audit-routes',
  deps: { audit: coreServices.audit },
  routes: ({ audit }) => [
    {
      method: 'GET',
      path: '/v1/audit',
      options: {
        tags: ['api', 'audit'],
        description: "The tenant's audit log, newest first; `target` is `type:id` (e.g. `report:…`)",
        auth: { access: { scope: ['admin', 'operator', 'author', 'bank', 'service'] } },
        validate: {
          query: Joi.object({
            target: Joi.string().pattern(TARGET).description('type:id'),
            action: Joi.string().max(100),
            before: Joi.number().integer().min(1).description('Cursor: the last id of the previous page'),
            limit: Joi.number().integer().min(1).max(200).default(50),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(entrySchema), nextBefore: Joi.number().integer().allow(null) }).label('AuditPage'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async handler(request) {
        const query = request.query as { target?: string; action?: string; before?: number; limit: number };
        const target = query.target === undefined ? undefined : TARGET.exec(query.target);
        const items = await audit.list(principalOf(request), {
          targetType: target?.[1],
          targetId: target?.[2],
          action: query.action,
          before: query.before,
          limit: query.limit,
        });
        return { items, nextBefore: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
      },
    },
  ],
});

import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { errorResponses, roleSchema, uuidSchema } from './schemas.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';

const tokenSchema = Joi.object({
  id: uuidSchema,
  kind: Joi.string().valid('api', 'service'),
  name: Joi.string(),
  role: roleSchema,
  prefix: Joi.string(),
  createdAt: Joi.string().isoDate(),
  expiresAt: Joi.string().isoDate().allow(null),
  revokedAt: Joi.string().isoDate().allow(null),
  lastUsedAt: Joi.string().isoDate().allow(null),
}).label('ApiToken');

export const tokenRoutesPlugin = defineRoutePlugin({
  name: 'token-routes',
  deps: { auth: coreServices.auth },
  routes: ({ auth }) => [
    idempotent(
      {
        method: 'POST',
        path: '/v1/tokens',
        options: {
          tags: ['api', 'tokens'],
          description:
            'Create an API token (or V1 service token) for this tenant; the secret is shown once: a repeat with the same Idempotency-Key answers the token without it',
          auth: { access: { scope: ['admin'] } },
          validate: {
            payload: Joi.object({
              name: Joi.string().trim().min(1).max(100).required(),
              kind: Joi.string().valid('api', 'service').default('api'),
              role: roleSchema.default('operator'),
              expiresInDays: Joi.number().integer().min(1).max(3650),
            }).label('NewApiToken'),
            failAction: failValidation,
          },
          response: {
            status: {
              201: Joi.object({ token: tokenSchema, secret: Joi.string() }).label('IssuedApiToken'),
              ...errorResponses(400, 401, 403),
            },
          },
        },
        async handler(request, h) {
          const principal = principalOf(request);
          const body = request.payload as {
            name: string;
            kind: 'api' | 'service';
            role: never;
            expiresInDays?: number;
          };
          const expiresAt =
            body.expiresInDays === undefined ? undefined : new Date(Date.now() + body.expiresInDays * 86_400_000);
          const issued = await auth.createToken(
            principal.tenantId,
            { principal, requestId: request.info.id },
            { name: body.name, kind: body.kind, role: body.role, expiresAt },
          );
          return h.response(issued).code(201);
        },
      },
      { withhold: ['secret'] },
    ),
    {
      method: 'GET',
      path: '/v1/tokens',
      options: {
        tags: ['api', 'tokens'],
        description: "This tenant's tokens (never their secrets)",
        auth: { access: { scope: ['admin'] } },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(tokenSchema) }).label('ApiTokenList'),
            ...errorResponses(401, 403),
          },
        },
      },
      handler: async (request) => ({ items: await auth.listTokens(principalOf(request)) }),
    },
    {
      method: 'DELETE',
      path: '/v1/tokens/{id}',
      options: {
        tags: ['api', 'tokens'],
        description: 'Revoke a token; revoking twice is harmless',
        auth: { access: { scope: ['admin'] } },
        validate: { params: Joi.object({ id: uuidSchema.required() }), failAction: failValidation },
        response: { status: { 200: tokenSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) =>
        auth.revokeToken(principalOf(request), (request.params as { id: string }).id, request.info.id),
    },
  ],
});

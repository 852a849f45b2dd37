import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import type { Role } from '../auth/principal.js';
import { coreServices } from '../core-services.js';
import { MIN_PASSWORD_LENGTH } from '../tenancy/tenant-service.js';
import { errorResponses, roleSchema, uuidSchema } from './schemas.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';

const userSchema = Joi.object({
  id: uuidSchema,
  tenantId: uuidSchema,
  email: Joi.string(),
  displayName: Joi.string(),
  role: roleSchema,
  disabled: Joi.boolean(),
  createdAt: Joi.string().isoDate(),
}).label('User');

export const userRoutesPlugin = defineRoutePlugin({
  name: 'user-routes',
  deps: { tenants: coreServices.tenants },
  routes: ({ tenants }) => [
    idempotent({
      method: 'POST',
      path: '/v1/users',
      options: {
        tags: ['api', 'users'],
        description: "Create a user in the caller's tenant",
        auth: { access: { scope: ['admin'] } },
        validate: {
          payload: Joi.object({
            email: Joi.string().email({ tlds: false }).max(254).required(),
            displayName: Joi.string().trim().min(1).max(200).required(),
            password: Joi.string().min(MIN_PASSWORD_LENGTH).max(1024).required(),
            role: roleSchema.required(),
          }).label('NewUser'),
          failAction: failValidation,
        },
        response: { status: { 201: userSchema, ...errorResponses(400, 401, 403, 409) } },
      },
      async handler(request, h) {
        const principal = principalOf(request);
        const body = request.payload as { email: string; displayName: string; password: string; role: Role };
        const user = await tenants.createUser(principal.tenantId, { principal, requestId: request.info.id }, body);
        return h.response(user).code(201);
      },
    }),
    {
      method: 'GET',
      path: '/v1/users',
      options: {
        tags: ['api', 'users'],
        description: "The users of the caller's tenant",
        auth: { access: { scope: ['admin'] } },
        response: { status: { 200: Joi.object({ items: Joi.array().items(userSchema) }).label('UserList'), ...errorResponses(401, 403) } },
      },
      handler: async (request) => ({ items: await tenants.listUsers(principalOf(request)) }),
    },
  ],
});

import Joi from 'joi';
import { principalOf, SESSION_COOKIE } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { errorResponses, roleSchema, uuidSchema } from './schemas.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';

const meSchema = Joi.object({
  user: Joi.object({ id: uuidSchema.allow(null), label: Joi.string() }).label('Actor'),
  tenant: Joi.object({ id: uuidSchema, slug: Joi.string(), name: Joi.string(), kind: Joi.string() }).label('TenantRef'),
  role: roleSchema,
  via: Joi.string().valid('session', 'token', 'service'),
}).label('Me');

export const authRoutesPlugin = defineRoutePlugin({
  name: 'auth-routes',
  deps: { auth: coreServices.auth, tenants: coreServices.tenants },
  routes: ({ auth, tenants }) => [
    {
      method: 'POST',
      path: '/v1/auth/login',
      options: {
        auth: false,
        tags: ['api', 'auth'],
        description: 'Sign in to the admin UI; sets an HttpOnly session cookie',
        validate: {
          payload: Joi.object({
            email: Joi.string().email({ tlds: false }).max(254).required(),
            password: Joi.string().min(1).max(1024).required(),
          }).label('Login'),
          failAction: failValidation,
        },
        response: { status: { 200: meSchema, ...errorResponses(400, 401) } },
      },
      async handler(request, h) {
        const { email, password } = request.payload as { email: string; password: string };
        const result = await auth.login(email, password, request.info.id);
        const tenant = await tenants.getTenant(result.principal);
        h.state(SESSION_COOKIE, result.sessionToken);
        return {
          user: { id: result.principal.userId ?? null, label: result.principal.label },
          tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind },
          role: result.principal.role,
          via: 'session',
        };
      },
    },
    {
      method: 'POST',
      path: '/v1/auth/logout',
      options: {
        tags: ['api', 'auth'],
        description: 'End the current session',
        response: { status: { 204: Joi.any(), ...errorResponses(401) } },
      },
      async handler(request, h) {
        await auth.logout(principalOf(request), request.info.id);
        return h.response().code(204).unstate(SESSION_COOKIE);
      },
    },
    {
      method: 'GET',
      path: '/v1/auth/me',
      options: {
        tags: ['api', 'auth'],
        description: 'Who the caller is: user, tenant, role',
        response: { status: { 200: meSchema, ...errorResponses(401) } },
      },
      async handler(request) {
        const principal = principalOf(request);
        const tenant = await tenants.getTenant(principal);
        return {
          user: { id: principal.userId ?? null, label: principal.label },
          tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind },
          role: principal.role,
          via: principal.via,
        };
      },
    },
  ],
});

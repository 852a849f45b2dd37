import type { JsonValue } from '@repogen/sdk';
import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses } from './schemas.js';

const params = Joi.object({ key: Joi.string().pattern(/^[A-Z][A-Z0-9_]{1,63}$/).required().description('Pack key, e.g. SBI_UNDER_5CR_V1') });
const settingsObject = Joi.object().pattern(Joi.string().pattern(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), Joi.any()).max(200);

const viewSchema = Joi.object({
  packKey: Joi.string(),
  packVersion: Joi.string(),
  defaults: Joi.object().unknown(true),
  overrides: Joi.object().unknown(true),
  effective: Joi.object().unknown(true),
}).label('PackSettings');

export const packSettingsRoutesPlugin = defineRoutePlugin({
  name: 'pack-settings-routes',
  deps: { settings: coreServices.packSettings },
  routes: ({ settings }) => [
    {
      method: 'GET',
      path: '/v1/packs/{key}/settings',
      options: {
        tags: ['api', 'packs'],
        description: "The pack's setting defaults, this tenant's choices, and what computes and generations use",
        auth: { access: { scope: ['admin', 'author', 'operator', 'bank', 'service'] } },
        validate: { params, failAction: failValidation },
        response: { status: { 200: viewSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) => settings.get(principalOf(request), (request.params as { key: string }).key),
    },
    {
      method: 'PUT',
      path: '/v1/packs/{key}/settings',
      options: {
        tags: ['api', 'packs'],
        description: "Replace this tenant's choices for the pack's settings (e.g. a bank's realisable factor); audited",
        notes: 'Each setting must be one the pack declares, of its default\'s JSON type (400 PACK_SETTINGS_INVALID otherwise); `{}` returns to the defaults. Reports computed or generated afterwards use them.',
        auth: { access: { scope: ['admin'] } },
        validate: {
          params,
          payload: Joi.object({ settings: settingsObject.required(), reason: Joi.string().trim().min(3).max(2000).required() }).label('PackSettingsChange'),
          failAction: failValidation,
        },
        response: { status: { 200: viewSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler(request) {
        const body = request.payload as { settings: Record<string, JsonValue>; reason: string };
        return settings.change(principalOf(request), (request.params as { key: string }).key, body.settings, body.reason, request.info.id);
      },
    },
  ],
});

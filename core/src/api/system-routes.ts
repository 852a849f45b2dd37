import Joi from 'joi';
import { coreServices } from '../core-services.js';
import { pingDatabase } from '../store/database.js';
import { HOST_VERSION } from '../version.js';
import { defineRoutePlugin } from './route-plugin.js';

export const systemRoutesPlugin = defineRoutePlugin({
  name: 'system-routes',
  deps: { database: coreServices.database },
  routes: ({ database }) => [
    {
      method: 'GET',
      path: '/v1/health',
      options: {
        auth: false,
        tags: ['api', 'system'],
        description: 'Liveness and database status; 503 when the database does not answer',
        response: {
          status: {
            200: Joi.object({ status: Joi.string().valid('ok'), database: Joi.string().valid('up') }).label('Health'),
            503: Joi.object({ status: Joi.string().valid('degraded'), database: Joi.string().valid('down') }).label('HealthDown'),
          },
        },
      },
      async handler(_request, h) {
        const up = await pingDatabase(database);
        return up ? { status: 'ok', database: 'up' } : h.response({ status: 'degraded', database: 'down' }).code(503);
      },
    },
    {
      method: 'GET',
      path: '/v1/meta',
      options: {
        auth: false,
        tags: ['api', 'system'],
        description: 'What this host is',
        response: {
          schema: Joi.object({
            name: Joi.string(),
            version: Joi.string(),
            store: Joi.string().valid('postgres', 'pglite'),
          }).label('Meta'),
        },
      },
      handler: () => ({ name: 'repogen', version: HOST_VERSION, store: database.kind }),
    },
  ],
});

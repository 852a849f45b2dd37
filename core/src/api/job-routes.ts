import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses, uuidSchema } from './schemas.js';

export const jobRoutesPlugin = defineRoutePlugin({
  name: 'job-routes',
  deps: { generation: coreServices.generation },
  routes: ({ generation }) => [
    {
      method: 'GET',
      path: '/v1/jobs/{id}',
      options: {
        tags: ['api', 'jobs'],
        description:
          'A generation job: state (created, retry, active, completed, failed), progress steps of every attempt (a failed step carries its code), attempts, error',
        auth: { access: { scope: ['admin', 'author', 'operator', 'bank', 'service'] } },
        validate: { params: Joi.object({ id: uuidSchema.required() }), failAction: failValidation },
        response: {
          status: {
            200: Joi.object({
              id: Joi.string(),
              reportId: Joi.string(),
              state: Joi.string(),
              progress: Joi.array().items(
                Joi.object({
                  step: Joi.string(),
                  state: Joi.string().valid('started', 'done', 'failed'),
                  at: Joi.string(),
                  ms: Joi.number(),
                  code: Joi.string().description('why a failed step failed; the job retries operational failures'),
                }).label('GenerationProgressEvent'),
              ),
              attempts: Joi.number().integer(),
              versionId: Joi.string().allow(null),
              error: Joi.object({ code: Joi.string(), message: Joi.string(), kind: Joi.string() }).allow(null),
              createdAt: Joi.string(),
              completedAt: Joi.string().allow(null),
            }).label('GenerationJob'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      handler: (request) => generation.job(principalOf(request), (request.params as { id: string }).id),
    },
  ],
});

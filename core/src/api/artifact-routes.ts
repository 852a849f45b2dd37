import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import { coreServices } from '../core-services.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { fileResponses, uuidSchema } from './schemas.js';

export const artifactRoutesPlugin = defineRoutePlugin({
  name: 'artifact-routes',
  deps: { reports: coreServices.reports },
  routes: ({ reports }) => [
    {
      method: 'GET',
      path: '/v1/artifacts/{id}',
      options: {
        tags: ['api', 'reports'],
        description: 'Download a generated artifact (DOCX, PDF or trace JSON) with its file name and content type',
        auth: { access: { scope: ['admin', 'author', 'operator', 'bank', 'service'] } },
        validate: { params: Joi.object({ id: uuidSchema.required() }), failAction: failValidation },
        plugins: fileResponses('The artifact, with its file name and content type', 400, 401, 403, 404),
      },
      async handler(request, h) {
        const { bytes, filename, contentType } = await reports.artifact(principalOf(request), (request.params as { id: string }).id);
        return h.response(bytes).type(contentType).header('content-disposition', `attachment; filename="${filename}"`);
      },
    },
  ],
});

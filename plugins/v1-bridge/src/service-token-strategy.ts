import { coreServices, defineAuthStrategy } from '@repogen/core';

/** The header V1 presents its service token in. */
export const SERVICE_TOKEN_HEADER = 'x-service-token';

/**
 * V1's way in: a service token (one of the host's API tokens of kind `service`, bound to one
 * tenant) in `x-service-token`. A request without the header falls through to the host's own
 * ways in; a token that is presented but unknown, revoked or expired is 401 INVALID_CREDENTIALS.
 * The token is only ever read from this header, never from `Authorization`.
 */
export const serviceTokenStrategy = defineAuthStrategy({
  name: 'v1-service-token',
  deps: { auth: coreServices.auth },
  securityName: 'serviceToken',
  security: { type: 'apiKey', name: SERVICE_TOKEN_HEADER, in: 'header', description: "V1's service token" },
  authenticator:
    ({ auth }) =>
    async (request) => {
      const presented: unknown = request.headers[SERVICE_TOKEN_HEADER];
      return typeof presented === 'string' ? auth.authenticate({ serviceToken: presented }) : undefined;
    },
});

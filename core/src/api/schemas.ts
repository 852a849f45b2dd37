import Joi from 'joi';
import { ROLES } from '../auth/principal.js';
import { API_ERROR_CODES } from '../errors/error-catalogue.js';

/**
 * The one error shape of every route, named so that the OpenAPI document refers to it from
 * every answer of 4xx and 5xx. Shapes shared by several routes are named for the same reason.
 */
export const errorSchema = Joi.object({
  statusCode: Joi.number().integer().required().description('The HTTP status, repeated'),
  error: Joi.string().required().description('The HTTP reason phrase'),
  code: Joi.string()
    .required()
    .description(
      `Stable machine-readable code; act on this, not on the message. One of: ${API_ERROR_CODES.join(', ')}`,
    ),
  message: Joi.string().required().description('For people; may change'),
  details: Joi.object()
    .unknown(true)
    .description('Code-specific facts, e.g. fields: [{path, message}] for VALIDATION_FAILED'),
}).label('Error');

export const uuidSchema = Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7'] });
export const roleSchema = Joi.string().valid(...ROLES);

/** What each error status means, for the OpenAPI document. */
export const ERROR_STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad input (VALIDATION_FAILED and others)',
  401: 'Not authenticated (UNAUTHENTICATED, INVALID_CREDENTIALS)',
  402: 'Payment required (INSUFFICIENT_CREDITS, INVOICE_UNPAID)',
  403: 'Role not allowed (FORBIDDEN)',
  404: 'Not found (NOT_FOUND)',
  409: 'Conflict (IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_REQUEST_IN_PROGRESS and others)',
  413: 'The body is over the size limit (PAYLOAD_TOO_LARGE)',
  415: 'A content type the route does not take (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Understood but refused (a pack that fails its fixtures or misbehaves in the sandbox: PACK_TIMEOUT, PACK_MEMORY, PACK_FAULT, PACK_OUTPUT_INVALID)',
  500: 'Unexpected failure (INTERNAL); the message says nothing of the cause',
  503: 'Unavailable',
};

/** The error answers of a route: each one the Error shape. */
export function errorResponses(...statuses: number[]): Record<number, Joi.ObjectSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorSchema]));
}

/** The OpenAPI answers of a route that sends a file (no joi response schema to describe it). */
export function fileResponses(description: string, ...statuses: number[]) {
  const schema: Joi.ObjectSchema = errorSchema;
  const errors = statuses.map(
    (status) => [status, { description: ERROR_STATUS_DESCRIPTIONS[status] ?? 'Error', schema }] as const,
  );
  return { 'hapi-swagger': { responses: { 200: { description }, ...Object.fromEntries(errors) } } };
}

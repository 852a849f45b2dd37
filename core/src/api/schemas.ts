import Joi from 'joi';
import { ROLES } from '../auth/principal.js';

/** Shapes shared by several routes, named so the OpenAPI document names them too. */
export const errorSchema = Joi.object({
  statusCode: Joi.number().integer().required(),
  error: Joi.string().required(),
  code: Joi.string().required().description('Stable machine-readable code, e.g. VALIDATION_FAILED'),
  message: Joi.string().required(),
  details: Joi.object().unknown(true),
}).label('Error');

export const uuidSchema = Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7'] });
export const roleSchema = Joi.string().valid(...ROLES);

/** Standard error answers for a protected route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Bad input (VALIDATION_FAILED and others)',
    401: 'Not authenticated (UNAUTHENTICATED, INVALID_CREDENTIALS)',
    402: 'Payment required',
    403: 'Role not allowed (FORBIDDEN)',
    404: 'Not found (NOT_FOUND)',
    409: 'Conflict',
    422: 'Understood but refused (a pack that fails its fixtures or misbehaves in the sandbox: PACK_TIMEOUT, PACK_MEMORY, PACK_FAULT, PACK_OUTPUT_INVALID)',
    503: 'Unavailable',
  };
  return Object.fromEntries(statuses.map((status) => [status, { description: descriptions[status] ?? 'Error', schema: errorSchema }]));
}

/** The OpenAPI answers of a route that sends a file (no joi response schema to describe it). */
export function fileResponses(description: string, ...statuses: number[]) {
  return { 'hapi-swagger': { responses: { 200: { description }, ...errorResponses(...statuses) } } };
}

import Joi from 'joi';
import {
  CALLBACK_EVENTS,
  defineRoutePlugin,
  errorResponses,
  failValidation,
  idempotent,
  principalOf,
  uuidSchema,
  type CallbackEvent,
} from '@repogen/core';
import { CALLBACK_ERROR_CODES } from './callback-errors.js';
import type { DeliveryQuery } from './callback-service.js';
import { v1BridgeServices } from './v1-bridge-services.js';

/** V1 registers its own callbacks with its service token; an admin may too. */
const managers = ['admin', 'service'];
const eventSchema = Joi.string().valid(...CALLBACK_EVENTS);

const endpointSchema = Joi.object({
  id: Joi.string(),
  url: Joi.string(),
  events: Joi.array().items(eventSchema),
  description: Joi.string().allow(null),
  createdAt: Joi.string(),
}).label('CallbackEndpoint');

const deliverySchema = Joi.object({
  id: Joi.string(),
  endpointId: Joi.string(),
  eventId: Joi.string().description('The same for every delivery of one event: receivers deduplicate on it'),
  event: eventSchema,
  state: Joi.string().valid('pending', 'delivered', 'failed'),
  attempts: Joi.number().integer(),
  lastStatus: Joi.number().integer().allow(null),
  lastError: Joi.string().allow(null),
  redeliveryOf: Joi.string().allow(null),
  createdAt: Joi.string(),
  lastAttemptAt: Joi.string().allow(null),
  deliveredAt: Joi.string().allow(null),
  body: Joi.object({
    id: Joi.string(),
    type: eventSchema,
    createdAt: Joi.string(),
    data: Joi.object().unknown(true),
  }).label('CallbackBody'),
}).label('CallbackDelivery');

export const callbackRoutesPlugin = defineRoutePlugin({
  name: 'callback-routes',
  deps: { callbacks: v1BridgeServices.callbacks },
  routes: ({ callbacks }) => [
    idempotent(
      {
        method: 'POST',
        path: '/v1/callbacks',
        options: {
          tags: ['api', 'callbacks'],
          description:
            'Register a callback URL for some events; the signing secret is answered once (a repeat with the same Idempotency-Key answers without it)',
          notes: `Each event is POSTed as JSON {id, type, createdAt, data} with the header repogen-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>. A receiver answers 2xx; anything else is retried with exponential backoff. Events: ${CALLBACK_EVENTS.join(', ')}. A bad URL is 400 ${CALLBACK_ERROR_CODES.urlInvalid}.`,
          auth: { access: { scope: managers } },
          validate: {
            payload: Joi.object({
              url: Joi.string()
                .trim()
                .uri({ scheme: ['http', 'https'] })
                .max(2000)
                .required(),
              events: Joi.array().items(eventSchema).min(1).unique().required(),
              secret: Joi.string()
                .min(16)
                .max(200)
                .description('Your own signing secret; one is generated when omitted'),
              description: Joi.string().trim().max(200),
            }).label('NewCallback'),
            failAction: failValidation,
          },
          response: {
            status: {
              201: Joi.object({ endpoint: endpointSchema, secret: Joi.string() }).label('RegisteredCallback'),
              ...errorResponses(400, 401, 403, 409),
            },
          },
        },
        async handler(request, h) {
          const body = request.payload as {
            url: string;
            events: CallbackEvent[];
            secret?: string;
            description?: string;
          };
          const registered = await callbacks.register(principalOf(request), body, request.info.id);
          return h.response(registered).code(201);
        },
      },
      { withhold: ['secret'] },
    ),
    {
      method: 'GET',
      path: '/v1/callbacks',
      options: {
        tags: ['api', 'callbacks'],
        description: "The tenant's callback URLs (never their secrets)",
        auth: { access: { scope: managers } },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(endpointSchema) }).label('CallbackList'),
            ...errorResponses(401, 403),
          },
        },
      },
      handler: async (request) => ({ items: await callbacks.list(principalOf(request)) }),
    },
    {
      method: 'DELETE',
      path: '/v1/callbacks/{id}',
      options: {
        tags: ['api', 'callbacks'],
        description: 'Remove a callback URL; its pending deliveries stop, its log stays',
        auth: { access: { scope: managers } },
        validate: { params: Joi.object({ id: uuidSchema.required() }), failAction: failValidation },
        response: { status: { 200: endpointSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) =>
        callbacks.remove(principalOf(request), (request.params as { id: string }).id, request.info.id),
    },
    {
      method: 'GET',
      path: '/v1/callbacks/deliveries',
      options: {
        tags: ['api', 'callbacks'],
        description: 'The delivery log, newest first: each attempt count, the last status and error',
        auth: { access: { scope: managers } },
        validate: {
          query: Joi.object({
            endpointId: uuidSchema,
            event: eventSchema,
            state: Joi.string().valid('pending', 'delivered', 'failed'),
            limit: Joi.number().integer().min(1).max(100).default(20),
            offset: Joi.number().integer().min(0).max(1_000_000).default(0),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              items: Joi.array().items(deliverySchema),
              total: Joi.number().integer(),
              limit: Joi.number().integer(),
              offset: Joi.number().integer(),
            }).label('CallbackDeliveryList'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async handler(request) {
        const query = request.query as unknown as DeliveryQuery;
        return {
          ...(await callbacks.deliveries(principalOf(request), query)),
          limit: query.limit,
          offset: query.offset,
        };
      },
    },
    idempotent({
      method: 'POST',
      path: '/v1/callbacks/deliveries/{id}/redeliver',
      options: {
        tags: ['api', 'callbacks'],
        description: 'Send a delivered or failed event again, as a new delivery with the same event id and body',
        auth: { access: { scope: managers } },
        validate: { params: Joi.object({ id: uuidSchema.required() }), failAction: failValidation },
        response: { status: { 202: deliverySchema, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async handler(request, h) {
        const delivery = await callbacks.redeliver(
          principalOf(request),
          (request.params as { id: string }).id,
          request.info.id,
        );
        return h.response(delivery).code(202);
      },
    }),
  ],
});

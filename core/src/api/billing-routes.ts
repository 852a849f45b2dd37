import type { Request, ResponseToolkit } from '@hapi/hapi';
import Joi from 'joi';
import { principalOf } from '../auth/auth-plugin.js';
import type { Principal } from '../auth/principal.js';
import {
  BILLING_MODES,
  INVOICE_STATES,
  LEDGER_KINDS,
  type BillingMode,
  type InvoiceState,
} from '../billing/billing-records.js';
import { coreServices } from '../core-services.js';
import { idempotent } from './idempotent-route.js';
import { defineRoutePlugin, failValidation } from './route-plugin.js';
import { errorResponses, uuidSchema } from './schemas.js';

const idParams = Joi.object({ id: uuidSchema.required() });
const reasonSchema = Joi.string().trim().min(3).max(2000);
const idempotencyHeaders = Joi.object({ 'idempotency-key': Joi.string().trim().min(1).max(200).required() }).unknown(
  true,
);

export const billingAccountSchema = Joi.object({
  id: Joi.string(),
  externalKey: Joi.string().allow(null),
  mode: Joi.string().valid(...BILLING_MODES),
  planCredits: Joi.number().integer(),
  creditPricePaise: Joi.number().integer(),
  balance: Joi.number().integer().description('credits granted, topped up, refunded and adjusted, less those consumed'),
  reserved: Joi.number().integer().description('credits held by reports not yet released'),
  available: Joi.number().integer().description('balance − reserved: what a new report may reserve'),
  createdAt: Joi.string(),
}).label('BillingAccount');

const ledgerEntrySchema = Joi.object({
  id: Joi.number().integer(),
  kind: Joi.string().valid(...LEDGER_KINDS),
  balanceDelta: Joi.number().integer(),
  reservedDelta: Joi.number().integer(),
  reportId: Joi.string().allow(null),
  paymentId: Joi.string().allow(null),
  idempotencyKey: Joi.string(),
  reason: Joi.string().allow(null),
  createdBy: Joi.string(),
  createdAt: Joi.string(),
}).label('LedgerEntry');

/** What a grant, an adjustment or a refund answers: the ledger entry and the account after it. */
const ledgerResultSchema = Joi.object({ entry: ledgerEntrySchema, account: billingAccountSchema }).label(
  'LedgerResult',
);

export const invoiceSchema = Joi.object({
  id: Joi.string(),
  accountId: Joi.string(),
  reportId: Joi.string().allow(null),
  state: Joi.string().valid(...INVOICE_STATES),
  amountPaise: Joi.number().integer(),
  currency: Joi.string(),
  description: Joi.string(),
  paidVia: Joi.string().allow(null),
  issuedAt: Joi.string().allow(null),
  paidAt: Joi.string().allow(null),
  voidedAt: Joi.string().allow(null),
  createdAt: Joi.string(),
}).label('Invoice');

const artifactSchema = Joi.object({
  id: Joi.string(),
  kind: Joi.string(),
  sha256: Joi.string(),
  size: Joi.number().integer(),
  contentType: Joi.string(),
  filename: Joi.string(),
}).label('ReleasedArtifact');

const releaseSchema = Joi.object({
  reportId: Joi.string(),
  status: Joi.string().valid('released'),
  versionId: Joi.string(),
  version: Joi.number().integer(),
  artifact: artifactSchema,
  released: Joi.boolean().description('false when the report was released before and nothing changed'),
  gate: Joi.object({
    mode: Joi.string().valid('UNBILLED', 'CREDIT', 'POSTPAID'),
    consumed: Joi.number().integer(),
    invoiceId: Joi.string().allow(null),
    via: Joi.string().valid('paid', 'override'),
    reason: Joi.string(),
  })
    .allow(null)
    .label('ReleaseGate'),
}).label('ReportRelease');

/**
 * The handler of a route that writes one ledger entry per Idempotency-Key on the `{id}` it
 * names: 201 with the entry and the account when new, 200 with the first ones on a repeat.
 */
function ledgerWrite<B>(
  write: (
    principal: Principal,
    id: string,
    body: B & { idempotencyKey: string },
    requestId: string,
  ) => Promise<{ entry: unknown; account: unknown; created: boolean }>,
) {
  return async (request: Request, h: ResponseToolkit) => {
    const idempotencyKey = (request.headers['idempotency-key'] as string).trim();
    const { entry, account, created } = await write(
      principalOf(request),
      (request.params as { id: string }).id,
      { ...(request.payload as B), idempotencyKey },
      request.info.id,
    );
    return h.response({ entry, account }).code(created ? 201 : 200);
  };
}

const admin = ['admin'];
const readers = ['admin', 'operator', 'service'];
const writers = ['admin', 'operator', 'service'];

export const billingRoutesPlugin = defineRoutePlugin({
  name: 'billing-routes',
  deps: { billing: coreServices.billing, releases: coreServices.releases },
  routes: ({ billing, releases }) => [
    idempotent({
      method: 'POST',
      path: '/v1/billing/accounts',
      options: {
        tags: ['api', 'billing'],
        description: 'Open a billing account: the tenant’s default one, or one per external key (v1:partner:42)',
        notes:
          'A report created with `billingKey` (POST /v1/reports) is billed to the account opened for that external key; any other report to the tenant’s default account (a tenant without one is not billed for those). Repeating an existing account answers it with 200.',
        auth: { access: { scope: admin } },
        validate: {
          payload: Joi.object({
            mode: Joi.string()
              .valid(...BILLING_MODES)
              .required(),
            externalKey: Joi.string().trim().min(1).max(200),
            planCredits: Joi.number()
              .integer()
              .min(0)
              .max(1_000_000)
              .default(0)
              .description('credits granted each month by the refill sweep'),
            creditPricePaise: Joi.number()
              .integer()
              .min(1)
              .max(100_000_000_000)
              .default(50_000)
              .description('price of one credit, for top-ups and postpaid invoices'),
          }).label('NewBillingAccount'),
          failAction: failValidation,
        },
        response: {
          status: { 200: billingAccountSchema, 201: billingAccountSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async handler(request, h) {
        const body = request.payload as {
          mode: BillingMode;
          externalKey?: string;
          planCredits: number;
          creditPricePaise: number;
        };
        const { account, created } = await billing.createAccount(principalOf(request), body, request.info.id);
        return h.response(account).code(created ? 201 : 200);
      },
    }),
    {
      method: 'GET',
      path: '/v1/billing/accounts',
      options: {
        tags: ['api', 'billing'],
        description: 'The tenant’s billing accounts with their balances',
        auth: { access: { scope: readers } },
        response: {
          status: {
            200: Joi.object({ items: Joi.array().items(billingAccountSchema) }).label('BillingAccounts'),
            ...errorResponses(401, 403),
          },
        },
      },
      handler: async (request) => ({ items: await billing.listAccounts(principalOf(request)) }),
    },
    {
      method: 'GET',
      path: '/v1/billing/accounts/{id}',
      options: {
        tags: ['api', 'billing'],
        description: 'A billing account: mode, balance, reserved and available credits (sums over the ledger)',
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 200: billingAccountSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) => billing.account(principalOf(request), (request.params as { id: string }).id),
    },
    {
      method: 'GET',
      path: '/v1/billing/accounts/{id}/ledger',
      options: {
        tags: ['api', 'billing'],
        description: 'The account’s ledger, newest first; entries are never changed or removed',
        auth: { access: { scope: readers } },
        validate: {
          params: idParams,
          query: Joi.object({
            limit: Joi.number().integer().min(1).max(200).default(50),
            offset: Joi.number().integer().min(0).max(10_000_000).default(0),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              items: Joi.array().items(ledgerEntrySchema),
              total: Joi.number().integer(),
              limit: Joi.number().integer(),
              offset: Joi.number().integer(),
            }).label('LedgerPage'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async handler(request) {
        const query = request.query as { limit: number; offset: number };
        return {
          ...(await billing.ledger(principalOf(request), (request.params as { id: string }).id, query)),
          ...query,
        };
      },
    },
    // Grants keep their own key handling, like generate: the key is the ledger entry's.
    {
      method: 'POST',
      path: '/v1/billing/accounts/{id}/grants',
      options: {
        tags: ['api', 'billing'],
        description: 'Grant credits to an account, with a reason; idempotent per Idempotency-Key',
        notes:
          'The same key answers the same ledger entry with 200; the same key for a different grant is 409 IDEMPOTENCY_KEY_REUSED.',
        auth: { access: { scope: admin } },
        validate: {
          params: idParams,
          headers: idempotencyHeaders,
          payload: Joi.object({
            credits: Joi.number().integer().min(1).max(1_000_000).required(),
            reason: reasonSchema.required(),
          }).label('CreditGrant'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({ entry: ledgerEntrySchema, account: billingAccountSchema }).label('GrantResult'),
            201: Joi.object({ entry: ledgerEntrySchema, account: billingAccountSchema }).label('GrantResult'),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      handler: ledgerWrite<{ credits: number; reason: string }>((principal, id, body, requestId) =>
        billing.grant(principal, id, body, requestId),
      ),
    },
    {
      method: 'POST',
      path: '/v1/billing/accounts/{id}/adjustments',
      options: {
        tags: ['api', 'billing'],
        description:
          'Correct an account’s balance by some credits, either way, with a reason; idempotent per Idempotency-Key',
        notes:
          'A positive `credits` adds, a negative one takes away; taking away more than the account has available (balance − reserved) is 409 ADJUSTMENT_EXCEEDS_AVAILABLE. Audited. The same key answers the same ledger entry with 200; the same key for a different adjustment is 409 IDEMPOTENCY_KEY_REUSED.',
        auth: { access: { scope: admin } },
        validate: {
          params: idParams,
          headers: idempotencyHeaders,
          payload: Joi.object({
            credits: Joi.number().integer().min(-1_000_000).max(1_000_000).invalid(0).required(),
            reason: reasonSchema.required(),
          }).label('CreditAdjustment'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: ledgerResultSchema,
            201: ledgerResultSchema,
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      handler: ledgerWrite<{ credits: number; reason: string }>((principal, id, body, requestId) =>
        billing.adjust(principal, id, body, requestId),
      ),
    },
    {
      method: 'POST',
      path: '/v1/reports/{id}/refunds',
      options: {
        tags: ['api', 'reports', 'billing'],
        description:
          'Give back credits a released report consumed, to the account it consumed them from, with a reason; idempotent per Idempotency-Key',
        notes:
          'Without `credits`, all the report has left to refund. More than it consumed less what was refunded already (or a report that consumed nothing) is 409 REFUND_EXCEEDS_CONSUMED. The report stays released. Audited. The same key answers the same ledger entry with 200; the same key for a different refund is 409 IDEMPOTENCY_KEY_REUSED.',
        auth: { access: { scope: admin } },
        validate: {
          params: idParams,
          headers: idempotencyHeaders,
          payload: Joi.object({
            credits: Joi.number().integer().min(1).max(1_000_000),
            reason: reasonSchema.required(),
          }).label('CreditRefund'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: ledgerResultSchema,
            201: ledgerResultSchema,
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      handler: ledgerWrite<{ credits?: number; reason: string }>((principal, id, body, requestId) =>
        billing.refund(principal, id, body, requestId),
      ),
    },
    {
      method: 'GET',
      path: '/v1/billing/invoices',
      options: {
        tags: ['api', 'billing'],
        description: 'Postpaid service invoices, newest first',
        auth: { access: { scope: readers } },
        validate: {
          query: Joi.object({
            accountId: uuidSchema,
            state: Joi.string().valid(...INVOICE_STATES),
            limit: Joi.number().integer().min(1).max(200).default(50),
            offset: Joi.number().integer().min(0).max(10_000_000).default(0),
          }),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              items: Joi.array().items(invoiceSchema),
              total: Joi.number().integer(),
              limit: Joi.number().integer(),
              offset: Joi.number().integer(),
            }).label('InvoicePage'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async handler(request) {
        const query = request.query as { accountId?: string; state?: InvoiceState; limit: number; offset: number };
        return { ...(await billing.invoices(principalOf(request), query)), limit: query.limit, offset: query.offset };
      },
    },
    {
      method: 'GET',
      path: '/v1/billing/invoices/{id}',
      options: {
        tags: ['api', 'billing'],
        description: 'A service invoice',
        auth: { access: { scope: readers } },
        validate: { params: idParams, failAction: failValidation },
        response: { status: { 200: invoiceSchema, ...errorResponses(400, 401, 403, 404) } },
      },
      handler: (request) => billing.invoice(principalOf(request), (request.params as { id: string }).id),
    },
    {
      method: 'POST',
      path: '/v1/billing/invoices/{id}/state',
      options: {
        tags: ['api', 'billing'],
        description: 'Move an invoice along draft → issued → paid, or void it (from draft or issued); audited',
        notes:
          'Marking paid here records a payment received outside the providers (`paidVia: manual`) and needs a reason. Asking for the state it is in changes nothing.',
        auth: { access: { scope: admin } },
        validate: {
          params: idParams,
          payload: Joi.object({
            state: Joi.string().valid('issued', 'paid', 'void').required(),
            reason: reasonSchema.when('state', { is: Joi.valid('paid', 'void'), then: Joi.required() }),
          }).label('InvoiceStateChange'),
          failAction: failValidation,
        },
        response: { status: { 200: invoiceSchema, ...errorResponses(400, 401, 403, 404, 409) } },
      },
      handler(request) {
        const body = request.payload as { state: 'issued' | 'paid' | 'void'; reason?: string };
        return billing.changeInvoice(
          principalOf(request),
          (request.params as { id: string }).id,
          body,
          request.info.id,
        );
      },
    },
    idempotent({
      method: 'POST',
      path: '/v1/reports/{id}/release',
      options: {
        tags: ['api', 'reports', 'billing'],
        description:
          'Release the deliverables: pass the billing gate, then store the latest version’s PDF without its DRAFT watermark',
        notes:
          'CREDIT consumes the report’s reservation (402 INSUFFICIENT_CREDITS when it was given back and the balance is short); POSTPAID needs the invoice paid (402 INVOICE_UNPAID) or an admin `override` with a reason. Releasing again answers the same release.',
        auth: { access: { scope: writers } },
        validate: {
          params: idParams,
          payload: Joi.object({ override: Joi.object({ reason: reasonSchema.required() }).label('ReleaseOverride') })
            .allow(null)
            .label('ReleaseReport'),
          failAction: failValidation,
        },
        response: { status: { 200: releaseSchema, ...errorResponses(400, 401, 402, 403, 404, 409) } },
      },
      handler(request) {
        const body = (request.payload ?? {}) as { override?: { reason: string } };
        return releases.release(principalOf(request), (request.params as { id: string }).id, body, request.info.id);
      },
    }),
    idempotent({
      method: 'POST',
      path: '/v1/reports/{id}/cancel',
      options: {
        tags: ['api', 'reports', 'billing'],
        description:
          'Cancel a report that is not released: its reserved credits are given back and its unpaid invoice voided',
        auth: { access: { scope: writers } },
        validate: {
          params: idParams,
          payload: Joi.object({ reason: reasonSchema }).allow(null).label('CancelReport'),
          failAction: failValidation,
        },
        response: {
          status: {
            200: Joi.object({
              reportId: Joi.string(),
              status: Joi.string(),
              creditsReleased: Joi.number().integer(),
            }).label('ReportCancelled'),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      handler(request) {
        const body = (request.payload ?? {}) as { reason?: string };
        return releases.cancel(principalOf(request), (request.params as { id: string }).id, body, request.info.id);
      },
    }),
  ],
});

import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A local stand-in for the payment providers' APIs that records what the SDKs send and
 * answers what Stripe (`POST /v1/checkout/sessions`) and Razorpay (`POST /v1/payment_links`)
 * answer, so that nothing leaves the machine.
 */
export class RecordingProviderServer {
  readonly requests: RecordedRequest[] = [];
  readonly #server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(recorded);
      const reply = this.#answer(recorded);
      response.writeHead(reply.status, {
        'content-type': 'application/json',
        'request-id': `req_${crypto.randomBytes(6).toString('hex')}`,
      });
      response.end(JSON.stringify(reply.body));
    });
  });

  /** The next answers to give, by path, before the default one (to simulate a provider failure). */
  readonly failures = new Map<string, number>();

  #answer(request: RecordedRequest): { status: number; body: unknown } {
    const failing = this.failures.get(request.path) ?? 0;
    if (failing > 0) {
      this.failures.set(request.path, failing - 1);
      return { status: 500, body: { error: { type: 'api_error', message: 'boom' } } };
    }
    if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
      const form = new URLSearchParams(request.body);
      const id = `cs_test_${crypto.randomBytes(8).toString('hex')}`;
      return {
        status: 200,
        body: {
          id,
          object: 'checkout.session',
          mode: 'payment',
          url: `https://checkout.stripe.com/c/pay/${id}`,
          amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
          currency: 'inr',
          payment_status: 'unpaid',
          status: 'open',
          client_reference_id: form.get('client_reference_id'),
          metadata: { paymentId: form.get('metadata[paymentId]'), tenantId: form.get('metadata[tenantId]') },
        },
      };
    }
    if (request.method === 'POST' && request.path === '/v1/payment_links') {
      const body = JSON.parse(request.body) as { amount: number; reference_id: string; notes: Record<string, string> };
      const id = `plink_${crypto.randomBytes(7).toString('hex')}`;
      return {
        status: 200,
        body: {
          id,
          entity: 'payment_link',
          amount: body.amount,
          amount_paid: 0,
          currency: 'INR',
          reference_id: body.reference_id,
          notes: body.notes,
          status: 'created',
          short_url: `https://rzp.io/i/${id.slice(6, 14)}`,
        },
      };
    }
    return { status: 404, body: { error: { message: `no route ${request.method} ${request.path}` } } };
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

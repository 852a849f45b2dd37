import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Principal } from '../auth/principal.js';
import { coreServices } from '../core-services.js';
import type { ServiceRegistry } from '../registry/service-registry.js';

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
  readonly tenant: string;
}

const DEMO_TENANT = 'demo';
const DEMO_EMAIL = 'admin@demo.repogen.local';
/** Enough prepaid credits to try the whole flow, generate to release, a few times over. */
const DEMO_CREDITS = 25;
const DEMO_CREDIT_PRICE_PAISE = 50_000;

/**
 * On first run, a demo firm tenant with an admin whose random password is kept (mode 0600)
 * beside the embedded database, so every later start can print the same login, and a CREDIT
 * billing account with demo credits, so that generating and releasing work as they would for
 * a paying tenant.
 */
export async function ensureDemoLogin(registry: ServiceRegistry, dataDir: string): Promise<DemoLogin> {
  const file = path.join(dataDir, 'demo-login.json');
  const tenants = await registry.get(coreServices.tenants);
  const existing = await tenants.findTenantBySlug(DEMO_TENANT);
  if (existing) {
    const saved = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (saved) return JSON.parse(saved) as DemoLogin;
    return { email: DEMO_EMAIL, password: '(set on first run; see repogen user create to add another admin)', tenant: DEMO_TENANT };
  }
  const login: DemoLogin = { email: DEMO_EMAIL, password: crypto.randomBytes(12).toString('base64url'), tenant: DEMO_TENANT };
  const tenant = await tenants.createTenant({ system: 'first-run' }, { slug: DEMO_TENANT, name: 'Demo Valuers LLP', kind: 'firm' });
  const admin = await tenants.createUser(tenant.id, { system: 'first-run' }, {
    email: login.email,
    displayName: 'Demo Admin',
    password: login.password,
    role: 'admin',
  });
  const principal: Principal = { tenantId: tenant.id, role: 'admin', via: 'session', userId: admin.id, credentialId: 'first-run', label: admin.email };
  const billing = await registry.get(coreServices.billing);
  const { account } = await billing.createAccount(principal, { mode: 'CREDIT', creditPricePaise: DEMO_CREDIT_PRICE_PAISE });
  await billing.grant(principal, account.id, { credits: DEMO_CREDITS, reason: 'demo credits on first run', idempotencyKey: 'demo:first-run' });
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(login, null, 2), { mode: 0o600 });
  return login;
}

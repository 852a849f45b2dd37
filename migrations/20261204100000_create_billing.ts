import type { Knex } from 'knex';

/**
 * Billing: accounts in CREDIT or POSTPAID mode, the append-only credit ledger (the balance and
 * the reserved credits are sums over it), postpaid service invoices, checkout payments and the
 * provider events that settle them (one row per provider event id, so a replay changes nothing).
 * Artifacts gain two kinds: the unwatermarked PDF kept for release (never served) and the
 * released PDF written when the gate opens.
 */
const STATEMENTS = [
  `CREATE TABLE billing_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    external_key text CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 200),
    mode text NOT NULL CHECK (mode IN ('CREDIT', 'POSTPAID')),
    plan_credits integer NOT NULL DEFAULT 0 CHECK (plan_credits BETWEEN 0 AND 1000000),
    credit_price_paise bigint NOT NULL CHECK (credit_price_paise BETWEEN 1 AND 100000000000),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX billing_accounts_default ON billing_accounts (tenant_id) WHERE external_key IS NULL`,
  `CREATE UNIQUE INDEX billing_accounts_external_key ON billing_accounts (tenant_id, external_key) WHERE external_key IS NOT NULL`,
  `CREATE TABLE billing_ledger (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    account_id uuid NOT NULL REFERENCES billing_accounts(id),
    kind text NOT NULL CHECK (kind IN ('grant', 'top_up', 'reserve', 'consume', 'release', 'refund', 'adjustment')),
    balance_delta integer NOT NULL,
    reserved_delta integer NOT NULL,
    report_id uuid REFERENCES reports(id),
    payment_id uuid,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
    reason text,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT billing_ledger_deltas CHECK (
      (kind IN ('grant', 'top_up', 'refund') AND balance_delta > 0 AND reserved_delta = 0)
      OR (kind = 'adjustment' AND balance_delta <> 0 AND reserved_delta = 0)
      OR (kind = 'reserve' AND balance_delta = 0 AND reserved_delta > 0)
      OR (kind = 'release' AND balance_delta = 0 AND reserved_delta < 0)
      OR (kind = 'consume' AND balance_delta < 0 AND reserved_delta = balance_delta)
    )
  )`,
  `CREATE INDEX billing_ledger_account ON billing_ledger (account_id, id)`,
  `CREATE INDEX billing_ledger_report ON billing_ledger (report_id) WHERE report_id IS NOT NULL`,
  `CREATE FUNCTION billing_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    RAISE EXCEPTION 'billing_ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END $fn$`,
  `CREATE TRIGGER billing_ledger_append_only BEFORE UPDATE OR DELETE ON billing_ledger
    FOR EACH ROW EXECUTE FUNCTION billing_ledger_refuse_change()`,
  `CREATE TRIGGER billing_ledger_no_truncate BEFORE TRUNCATE ON billing_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION billing_ledger_refuse_change()`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON billing_ledger FROM repogen_app`,
  `CREATE TABLE billing_invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    account_id uuid NOT NULL REFERENCES billing_accounts(id),
    report_id uuid REFERENCES reports(id),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'issued', 'paid', 'void')),
    amount_paise bigint NOT NULL CHECK (amount_paise >= 0),
    currency text NOT NULL DEFAULT 'INR' CHECK (currency = 'INR'),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    paid_via text,
    issued_at timestamptz,
    paid_at timestamptz,
    voided_at timestamptz,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX billing_invoices_report ON billing_invoices (report_id) WHERE report_id IS NOT NULL AND state <> 'void'`,
  `CREATE INDEX billing_invoices_account ON billing_invoices (tenant_id, account_id, created_at DESC)`,
  // The database keeps the lifecycle draft → issued → paid, with void from draft or issued.
  `CREATE FUNCTION billing_invoices_check_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'billing_invoices rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.account_id <> OLD.account_id OR NEW.tenant_id <> OLD.tenant_id OR NEW.report_id IS DISTINCT FROM OLD.report_id
       OR (NEW.amount_paise <> OLD.amount_paise AND OLD.state <> 'draft') THEN
      RAISE EXCEPTION 'billing_invoices: only a draft invoice may change its amount' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state <> OLD.state AND NOT (
      (OLD.state = 'draft' AND NEW.state IN ('issued', 'void'))
      OR (OLD.state = 'issued' AND NEW.state IN ('paid', 'void'))
    ) THEN
      RAISE EXCEPTION 'billing_invoices: % → % is not a legal change', OLD.state, NEW.state USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $fn$`,
  `CREATE TRIGGER billing_invoices_lifecycle BEFORE UPDATE OR DELETE ON billing_invoices
    FOR EACH ROW EXECUTE FUNCTION billing_invoices_check_change()`,
  `CREATE TABLE billing_payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    account_id uuid NOT NULL REFERENCES billing_accounts(id),
    provider text NOT NULL CHECK (provider IN ('stripe', 'razorpay')),
    purpose text NOT NULL CHECK (purpose IN ('top_up', 'invoice')),
    credits integer CHECK (credits IS NULL OR credits BETWEEN 1 AND 1000000),
    invoice_id uuid REFERENCES billing_invoices(id),
    amount_paise bigint NOT NULL CHECK (amount_paise > 0),
    currency text NOT NULL DEFAULT 'INR' CHECK (currency = 'INR'),
    provider_ref text,
    url text,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'paid', 'failed', 'expired')),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((purpose = 'top_up' AND credits IS NOT NULL AND invoice_id IS NULL) OR (purpose = 'invoice' AND invoice_id IS NOT NULL AND credits IS NULL))
  )`,
  `CREATE UNIQUE INDEX billing_payments_ref ON billing_payments (provider, provider_ref) WHERE provider_ref IS NOT NULL`,
  `CREATE TABLE billing_payment_events (
    id bigserial PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants(id),
    provider text NOT NULL CHECK (provider IN ('stripe', 'razorpay')),
    event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    event_type text NOT NULL,
    payment_id uuid NOT NULL REFERENCES billing_payments(id),
    outcome text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, event_id)
  )`,
  `CREATE TRIGGER billing_payment_events_append_only BEFORE UPDATE OR DELETE ON billing_payment_events
    FOR EACH ROW EXECUTE FUNCTION billing_ledger_refuse_change()`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON billing_payment_events FROM repogen_app`,
  `ALTER TABLE artifacts DROP CONSTRAINT artifacts_kind_check`,
  `ALTER TABLE artifacts ADD CONSTRAINT artifacts_kind_check CHECK (kind IN ('docx', 'pdf', 'trace', 'pdf-source', 'pdf-released'))`,
];

const TENANT_TABLES = [
  'billing_accounts',
  'billing_ledger',
  'billing_invoices',
  'billing_payments',
  'billing_payment_events',
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of STATEMENTS) await knex.raw(statement);
  for (const table of TENANT_TABLES) {
    await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await knex.raw(
      `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    'DROP TABLE IF EXISTS billing_payment_events, billing_payments, billing_invoices, billing_ledger, billing_accounts',
  );
  await knex.raw('DROP FUNCTION IF EXISTS billing_invoices_check_change()');
  await knex.raw('DROP FUNCTION IF EXISTS billing_ledger_refuse_change()');
  await knex.raw(`ALTER TABLE artifacts DROP CONSTRAINT artifacts_kind_check`);
  await knex.raw(`ALTER TABLE artifacts ADD CONSTRAINT artifacts_kind_check CHECK (kind IN ('docx', 'pdf', 'trace'))`);
}

import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../auth/principal.js';
import { coreServices } from '../core-services.js';
import { isDomainError } from '../errors/domain-error.js';
import { CliError, EXIT } from './cli-error.js';
import type { HostRuntime } from './host-runtime.js';
import { runJob } from './run-job.js';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(runtime: () => Promise<HostRuntime>, args: string[]): Promise<number>;
}

const SYSTEM_ACTOR = 'cli';

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`--${name} is required`, EXIT.usage);
  return value;
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, EXIT.usage);
  return value as Role;
}

async function tenantIdFor(runtime: HostRuntime, slug: string): Promise<string> {
  const tenants = await runtime.registry.get(coreServices.tenants);
  const tenant = await tenants.findTenantBySlug(slug);
  if (!tenant) throw new CliError(`No tenant with slug "${slug}" (create it with: repogen tenant create)`, EXIT.failure);
  return tenant.id;
}

/**
 * Runs a command body and closes the services it opened, turning domain errors into CLI errors.
 * Commands check their options before calling it, so a usage error never opens the store.
 */
async function withRuntime(runtime: () => Promise<HostRuntime>, body: (runtime: HostRuntime) => Promise<void>): Promise<number> {
  const host = await runtime();
  try {
    await body(host);
    return EXIT.ok;
  } catch (error) {
    if (isDomainError(error)) throw new CliError(`${error.code}: ${error.message}`, EXIT.failure);
    throw error;
  } finally {
    await host.registry.dispose();
  }
}

export const commands: readonly Command[] = [
  {
    name: 'serve',
    summary: 'Serve the HTTP API (and the admin UI); --demo seeds a demo tenant and admin on first run',
    usage: 'repogen serve [--demo] [--with-worker]',
    async run(runtime, args) {
      const values = parse(args, { demo: { type: 'boolean' }, 'with-worker': { type: 'boolean' } });
      // Loaded on use, like the worker below, so that the other commands start without hapi.
      const { serve } = await import('./serve.js');
      return serve(await runtime(), { demo: values.demo === true, withWorker: values['with-worker'] === true });
    },
  },
  {
    name: 'worker',
    summary: 'Work background jobs (and run their schedules) until SIGTERM or SIGINT',
    usage: 'repogen worker',
    async run(runtime, args) {
      parse(args, {});
      const { worker } = await import('./worker.js');
      return worker(await runtime());
    },
  },
  {
    name: 'generate',
    summary: 'Generate a report locally (DOCX, trace, and PDF with --pdf) from a data file and an evidence folder',
    usage:
      'repogen generate --pack <KEY[@version]> --data <input.json> [--settings <settings.json>] [--evidence <dir>] --out <dir> [--pdf] [--packs <dir>]',
    async run(runtime, args) {
      const values = parse(args, {
        pack: { type: 'string' },
        data: { type: 'string' },
        settings: { type: 'string' },
        evidence: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        packs: { type: 'string' },
      });
      const options = {
        pack: required(values, 'pack'),
        dataFile: required(values, 'data'),
        settingsFile: values.settings as string | undefined,
        evidenceDir: values.evidence as string | undefined,
        outDir: required(values, 'out'),
        pdf: values.pdf === true,
        packsDir: values.packs as string | undefined,
      };
      // Loaded on use, like serve: only this command needs the render pipeline.
      const { generate } = await import('./generate.js');
      return generate(await runtime(), options);
    },
  },
  {
    name: 'extract',
    summary: 'Read files with the upload checks, OCR and extraction, offline; one line per file',
    usage: 'repogen extract <file>… [--kind <kind>] [--json]',
    async run(_runtime, args) {
      let parsed;
      try {
        parsed = parseArgs({ args, options: { kind: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
      } catch (error) {
        throw new CliError((error as Error).message, EXIT.usage);
      }
      // Loaded on use: only this command needs tesseract; it needs no database.
      const { extract } = await import('./extract.js');
      return extract({ files: parsed.positionals, kind: parsed.values.kind, json: parsed.values.json === true });
    },
  },
  {
    name: 'job run',
    summary: 'Run a job now in this process and print its outcome, e.g. maintenance.expire-sessions',
    usage: 'repogen job run --name <job> [--payload <json>] [--timeout <seconds>]',
    run(runtime, args) {
      const values = parse(args, { name: { type: 'string' }, payload: { type: 'string' }, timeout: { type: 'string' } });
      const name = required(values, 'name');
      const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
      if (!Number.isInteger(timeout) || timeout < 1) throw new CliError('--timeout must be a whole number of seconds ≥ 1', EXIT.usage);
      let payload: unknown = {};
      if (typeof values.payload === 'string') {
        try {
          payload = JSON.parse(values.payload);
        } catch {
          throw new CliError('--payload must be JSON', EXIT.usage);
        }
      }
      return withRuntime(runtime, async (host) => {
        const record = await runJob(host, name, payload, timeout * 1000);
        process.stdout.write(`${JSON.stringify(record)}\n`);
        if (record.state !== 'completed') {
          throw new CliError(`${record.error?.code ?? 'JOB_FAILED'}: ${record.error?.message ?? `the job is ${record.state}`}`, EXIT.failure);
        }
      });
    },
  },
  {
    name: 'migrate',
    summary: 'Apply pending database migrations and exit',
    usage: 'repogen migrate',
    run(runtime, args) {
      parse(args, {});
      return withRuntime(runtime, async (host) => {
        const database = await host.registry.get(coreServices.database);
        process.stdout.write(`Migrations are up to date on ${database.kind}.\n`);
      });
    },
  },
  {
    name: 'tenant create',
    summary: 'Create a tenant (the firm, or a bank that orders custom packs)',
    usage: 'repogen tenant create --slug <slug> --name <name> [--kind firm|bank]',
    run(runtime, args) {
      const values = parse(args, { slug: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } });
      const kind = (values.kind as string | undefined) ?? 'firm';
      if (kind !== 'firm' && kind !== 'bank') throw new CliError('--kind must be firm or bank', EXIT.usage);
      const request = { slug: required(values, 'slug'), name: required(values, 'name'), kind } as const;
      return withRuntime(runtime, async (host) => {
        const tenants = await host.registry.get(coreServices.tenants);
        const tenant = await tenants.createTenant({ system: SYSTEM_ACTOR }, request);
        process.stdout.write(`${JSON.stringify(tenant)}\n`);
      });
    },
  },
  {
    name: 'user create',
    summary: 'Create a user in a tenant; the password is read from --password or NEW_USER_PASSWORD',
    usage: 'repogen user create --tenant <slug> --email <email> --role <role> [--name <display name>] [--password <password>]',
    run(runtime, args) {
      const values = parse(args, {
        tenant: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      });
      const slug = required(values, 'tenant');
      const email = required(values, 'email');
      const userRole = role(required(values, 'role'));
      const password = (values.password as string | undefined) ?? process.env.NEW_USER_PASSWORD;
      if (!password) throw new CliError('--password (or NEW_USER_PASSWORD in the environment) is required', EXIT.usage);
      return withRuntime(runtime, async (host) => {
        const tenantId = await tenantIdFor(host, slug);
        const tenants = await host.registry.get(coreServices.tenants);
        const user = await tenants.createUser(tenantId, { system: SYSTEM_ACTOR }, {
          email,
          displayName: (values.name as string | undefined) ?? email,
          password,
          role: userRole,
        });
        process.stdout.write(`${JSON.stringify(user)}\n`);
      });
    },
  },
  {
    name: 'token create',
    summary: "Create an API token, or with --service V1's service token; prints the secret once",
    usage: 'repogen token create --tenant <slug> --name <name> [--role <role>] [--service] [--days <n>]',
    run(runtime, args) {
      const values = parse(args, {
        tenant: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        service: { type: 'boolean' },
        days: { type: 'string' },
      });
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new CliError('--days must be a whole number ≥ 1', EXIT.usage);
      const slug = required(values, 'tenant');
      const request = {
        kind: values.service === true ? ('service' as const) : ('api' as const),
        name: required(values, 'name'),
        role: role((values.role as string | undefined) ?? (values.service === true ? 'service' : 'operator')),
        expiresAt: days === undefined ? undefined : new Date(Date.now() + days * 86_400_000),
      };
      return withRuntime(runtime, async (host) => {
        const tenantId = await tenantIdFor(host, slug);
        const auth = await host.registry.get(coreServices.auth);
        const issued = await auth.createToken(tenantId, { system: SYSTEM_ACTOR }, request);
        process.stdout.write(`${JSON.stringify({ ...issued.token, secret: issued.secret })}\n`);
      });
    },
  },
];

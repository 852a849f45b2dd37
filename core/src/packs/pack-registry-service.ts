import {
  discoverFixtures,
  readPackArchive,
  reasonRequiredFields,
  runFixtures,
  compileInputSchema,
  PackArchiveError,
  sha256,
  type BuiltManifest,
  type ComputeResult,
  type JsonValue,
  type PackArchive,
  type PackDescription,
  type ValidationProblem,
} from '@repogen/sdk';
import type { Knex } from 'knex';
import semver from 'semver';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, UnprocessableError } from '../errors/domain-error.js';
import type { PackSandbox, SandboxPackRef } from '../sandbox/index.js';
import { withSystem, withTenant } from '../store/tenant-scope.js';
import type { TenantService } from '../tenancy/tenant-service.js';
import { checkArchiveStatically, parseJsonFile } from './pack-upload-checks.js';
import { selectPack, type SelectionAnswer, type SelectionQuery } from './pack-selection.js';
import { readPackSettings, type PackSettings } from './pack-settings-store.js';

export type PackStatus = 'draft' | 'published' | 'deprecated' | 'yanked';

export interface PackVersionSummary {
  readonly key: string;
  readonly version: string;
  readonly family: string;
  readonly title: string;
  readonly status: PackStatus;
  readonly scope: 'global' | 'tenant';
  readonly digest: string;
  readonly archiveSize: number;
  readonly createdAt: string;
  readonly statusChangedAt: string;
  readonly statusReason: string | null;
}

export interface PackVersionDetail extends PackVersionSummary {
  readonly manifest: BuiltManifest;
  readonly schema: JsonValue;
  readonly description: PackDescription;
  /** JSON pointers of the input fields whose change needs a reason. */
  readonly reasonRequired: readonly string[];
}

export interface PackSummary {
  readonly key: string;
  readonly family: string;
  readonly title: string;
  readonly scope: 'global' | 'tenant';
  /** The newest published version, if any. */
  readonly latest: string | null;
  readonly versions: readonly PackVersionSummary[];
}

/** A version resolved for running: what the sandbox needs and what the caller validates with. */
export interface RunnablePack {
  readonly detail: PackVersionDetail;
  readonly sandboxRef: SandboxPackRef;
  readonly validateInput: (input: unknown) => ValidationProblem[];
  readonly archive: PackArchive;
  /** The resolving tenant's choices for the pack's settings (`{}` for none); the pack lays them over its defaults. */
  readonly settings: PackSettings;
}

export interface ComputeCall {
  readonly input: JsonValue;
  readonly now?: string | undefined;
  /** Replaces the tenant's stored choices for this call (a dry run of other settings). */
  readonly settings?: { readonly [key: string]: JsonValue } | undefined;
}

/** Template packs: upload, review, listing, dry runs and selection. */
export interface PackRegistryService {
  upload(principal: Principal, bytes: Buffer, requestId?: string): Promise<{ version: PackVersionSummary; created: boolean }>;
  /** Installs a pack shipped with the host as a published global version; a no-op when present. */
  installBundled(bytes: Buffer): Promise<{ version: PackVersionSummary; created: boolean }>;
  changeStatus(
    principal: Principal,
    key: string,
    version: string,
    status: Exclude<PackStatus, 'draft'>,
    reason: string | undefined,
    requestId?: string,
  ): Promise<PackVersionSummary>;
  /** Drafts appear only to the tenant that owns them and to the platform. */
  list(principal: Principal, filter: { family?: string | undefined }): Promise<PackSummary[]>;
  get(principal: Principal, key: string): Promise<PackSummary>;
  getVersion(principal: Principal, key: string, version: string): Promise<PackVersionDetail>;
  download(principal: Principal, key: string, version: string): Promise<{ fileName: string; bytes: Buffer }>;
  /**
   * A version a report already pins, whatever its status has become since (a deprecated or
   * yanked version keeps serving its reports); `version` omitted → the newest published version.
   */
  resolve(principal: Principal, key: string, version?: string): Promise<RunnablePack>;
  /**
   * A version a new report may pin: a published or a deprecated one; `version` omitted → the
   * newest published version. A draft is refused with PACK_VERSION_NOT_PUBLISHED (it is under
   * review), a yanked version with PACK_VERSION_YANKED.
   */
  resolveForNewReport(principal: Principal, key: string, version?: string): Promise<RunnablePack>;
  /** A dry run of a version the principal can see: a draft only for its owner and the platform, who review it. */
  compute(
    principal: Principal,
    key: string,
    version: string,
    call: ComputeCall,
  ): Promise<ComputeResult & { cpuTimeMs: number }>;
  /** Computes with a version already resolved (a report's pinned one) in the sandbox. */
  computeWith(
    principal: Principal,
    pack: RunnablePack,
    call: ComputeCall,
  ): Promise<ComputeResult & { cpuTimeMs: number }>;
  select(principal: Principal, query: SelectionQuery): Promise<SelectionAnswer>;
}

interface PackRow {
  id: string;
  tenant_id: string | null;
  key: string;
  version: string;
  family: string;
  title: string;
  status: PackStatus;
  digest: string;
  archive_sha256: string;
  archive_size: number;
  manifest: BuiltManifest;
  schema: JsonValue;
  description: PackDescription;
  created_at: Date;
  status_changed_at: Date;
  status_reason: string | null;
}

const TRANSITIONS: Record<Exclude<PackStatus, 'draft'>, readonly PackStatus[]> = {
  published: ['draft', 'deprecated'],
  deprecated: ['published'],
  yanked: ['draft', 'published', 'deprecated'],
};

/** Parsed archives by blob digest: archives are immutable, so the cache never goes stale. */
const ARCHIVE_CACHE_SIZE = 32;

/** How bundled packs appear in the audit log and the sandbox's pool keys. */
const BUNDLED_ACTOR = 'bundled-packs';
const PLATFORM_CALLER = 'platform';

export function createPackRegistryService(deps: {
  knex: Knex;
  audit: AuditService;
  blobs: BlobStore;
  sandbox: PackSandbox;
  tenants: TenantService;
}): PackRegistryService {
  const { knex, audit, blobs, sandbox, tenants } = deps;
  const archives = new Map<string, Promise<PackArchive>>();

  /** The firm runs the platform: its principals see and review every tenant's packs. */
  async function isPlatform(principal: Principal): Promise<boolean> {
    return (await tenants.getTenant(principal)).kind === 'firm';
  }

  /** Reads as the principal may: every pack for the platform, global and own packs otherwise. */
  async function read<T>(
    principal: Principal,
    work: (trx: Knex.Transaction) => Promise<T>,
    platform?: boolean,
  ): Promise<T> {
    return (platform ?? (await isPlatform(principal)))
      ? withSystem(knex, work)
      : withTenant(knex, principal.tenantId, work);
  }

  /**
   * A draft is under review: only the tenant that owns it (its authors) and the platform see
   * it. Row-level security already hides other tenants' packs; this hides the firm's global drafts.
   */
  function visibleTo(principal: Principal, platform: boolean): (row: PackRow) => boolean {
    return (row) => platform || row.status !== 'draft' || row.tenant_id === principal.tenantId;
  }

  /** The row as row-level security lets the principal read it; with `drafts: 'owned'`, as `visibleTo` lets it see it. */
  async function findRow(
    principal: Principal,
    key: string,
    version: string,
    drafts: 'owned' | 'any' = 'owned',
  ): Promise<PackRow> {
    const platform = await isPlatform(principal);
    const row = (await read(principal, (trx) => trx('pack_versions').where({ key, version }).first(), platform)) as
      PackRow | undefined;
    if (!row || (drafts === 'owned' && !visibleTo(principal, platform)(row)))
      throw new NotFoundError(`Pack ${key}@${version}`, 'PACK_NOT_FOUND');
    return row;
  }

  /** The newest published version of a key, as the principal may read it. */
  async function newestPublished(principal: Principal, key: string): Promise<PackRow> {
    const rows = (await read(principal, (trx) =>
      trx('pack_versions').where({ key, status: 'published' }),
    )) as PackRow[];
    const newest = rows.sort((a, b) => semver.rcompare(a.version, b.version))[0];
    if (!newest) throw new NotFoundError(`A published version of ${key}`, 'PACK_NOT_FOUND');
    return newest;
  }

  async function runnable(principal: Principal, row: PackRow): Promise<RunnablePack> {
    const archive = await loadArchive(row);
    const compiled = compileInputSchema(row.schema);
    if (!compiled.ok) throw new Error(`Stored schema of ${row.key}@${row.version} no longer compiles`);
    const settings = await withTenant(knex, principal.tenantId, (trx) => readPackSettings(trx, row.key));
    return {
      detail: toDetail(row),
      sandboxRef: sandboxRef(archive, row.tenant_id),
      validateInput: compiled.validate,
      archive,
      settings,
    };
  }

  /**
   * Writes a pack row: as the tenant when it owns the row, past row-level security when the
   * firm writes a global pack or a bank's custom pack. The audit entry lands in the actor's tenant.
   */
  function write<T>(principal: Principal, ownerTenantId: string | null, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return ownerTenantId === principal.tenantId ? withTenant(knex, principal.tenantId, work) : withSystem(knex, work);
  }

  async function loadArchive(row: PackRow): Promise<PackArchive> {
    let pending = archives.get(row.archive_sha256);
    if (!pending) {
      pending = (async () => {
        const bytes = await blobs.get(row.archive_sha256);
        if (!bytes) throw new Error(`Archive blob ${row.archive_sha256} of ${row.key}@${row.version} is missing`);
        return readPackArchive(bytes);
      })();
      archives.set(row.archive_sha256, pending);
      pending.catch(() => archives.delete(row.archive_sha256));
      if (archives.size > ARCHIVE_CACHE_SIZE) archives.delete(archives.keys().next().value as string);
    }
    return pending;
  }

  function sandboxRef(archive: PackArchive, ownerTenantId: string | null): SandboxPackRef {
    const logic = archive.files.get('logic.js')?.toString('utf8') ?? '';
    return { key: archive.manifest.key, version: archive.manifest.version, tenantId: ownerTenantId, logic, digest: sha256(logic) };
  }

  async function ownerOf(principal: Principal, manifest: BuiltManifest): Promise<string | null> {
    const platform = await isPlatform(principal);
    if (manifest.scope.kind === 'global') {
      if (!platform) throw new ForbiddenError('Only the firm may upload a global pack', 'PACK_SCOPE_FORBIDDEN');
      return null;
    }
    const own = await tenants.getTenant(principal);
    if (manifest.scope.tenant === own.slug) return own.id;
    if (!platform) throw new ForbiddenError("A tenant may upload packs for its own scope only", 'PACK_SCOPE_FORBIDDEN');
    const target = await tenants.findTenantBySlug(manifest.scope.tenant);
    if (!target) throw new InvalidError('PACK_SCOPE_UNKNOWN', `No tenant "${manifest.scope.tenant}" for the pack's scope`);
    return target.id;
  }

  async function parseArchive(bytes: Buffer): Promise<PackArchive> {
    let archive: PackArchive;
    try {
      archive = await readPackArchive(bytes);
    } catch (error) {
      if (error instanceof PackArchiveError) throw new InvalidError(error.code, error.message, { problems: error.problems });
      throw error;
    }
    checkArchiveStatically(archive);
    return archive;
  }

  /**
   * The stored row for the same key@version in the owner's scope when its digest matches
   * (an idempotent upload); refuses other content under a published identity, and a tenant
   * key that shadows a global one.
   */
  async function existingVersion(archive: PackArchive, ownerTenantId: string | null): Promise<PackRow | undefined> {
    const { manifest } = archive;
    const rows = (await withSystem(knex, (trx) =>
      trx('pack_versions')
        .where({ key: manifest.key })
        .where((q) => (ownerTenantId === null ? q.whereNull('tenant_id') : q.where('tenant_id', ownerTenantId).orWhereNull('tenant_id'))),
    )) as PackRow[];
    if (ownerTenantId !== null && rows.some((row) => row.tenant_id === null)) {
      throw new ConflictError('PACK_KEY_RESERVED', `${manifest.key} is the key of a global pack; a custom pack needs its own key`);
    }
    const same = rows.find((row) => row.version === manifest.version && row.tenant_id === ownerTenantId);
    if (same && same.digest !== archive.digest) {
      throw new ConflictError('PACK_VERSION_EXISTS', `${manifest.key}@${manifest.version} exists with different content; publish a new version`);
    }
    return same;
  }

  /** Runs the pack for the first time, only after every static check passed: describe, then every fixture. */
  async function verifyInSandbox(archive: PackArchive, ownerTenantId: string | null, callerTenantId: string): Promise<PackDescription> {
    const ref = sandboxRef(archive, ownerTenantId);
    const limits = archive.manifest.limits;
    const { result: description } = await sandbox.call(ref, callerTenantId, 'describe', {}, limits);
    const cases = discoverFixtures(archive.files);
    if (cases.length === 0) {
      throw new InvalidError('PACK_FIXTURES_MISSING', 'A pack needs at least one fixture case (fixtures/<name>.input.json and .expected.json)');
    }
    const outcomes = await runFixtures(
      cases,
      async (request) => (await sandbox.call(ref, callerTenantId, 'compute', request, limits)).result,
      { schema: parseJsonFile(archive, 'schema.json') },
    );
    const failed = outcomes.filter((outcome) => !outcome.passed);
    if (failed.length > 0) {
      throw new UnprocessableError('PACK_FIXTURES_FAILED', `${failed.length} of ${outcomes.length} fixture cases failed in the sandbox`, { outcomes: failed });
    }
    return description;
  }

  async function insertVersion(
    trx: Knex.Transaction,
    row: { archive: PackArchive; archiveSha: string; size: number; ownerTenantId: string | null; description: PackDescription; status: PackStatus; by: string },
  ): Promise<PackRow> {
    const { manifest } = row.archive;
    try {
      const [inserted] = (await trx('pack_versions')
        .insert({
          tenant_id: row.ownerTenantId,
          key: manifest.key,
          version: manifest.version,
          family: manifest.family,
          title: manifest.title,
          status: row.status,
          digest: row.archive.digest,
          archive_sha256: row.archiveSha,
          archive_size: row.size,
          manifest: JSON.stringify(manifest),
          schema: JSON.stringify(parseJsonFile(row.archive, 'schema.json')),
          description: JSON.stringify(row.description),
          uploaded_by: row.by,
        })
        .returning('*')) as [PackRow];
      return inserted;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ConflictError('PACK_VERSION_EXISTS', `${manifest.key}@${manifest.version} was uploaded concurrently`);
      }
      throw error;
    }
  }

  return {
    async upload(principal, bytes, requestId) {
      const archive = await parseArchive(bytes);
      const ownerTenantId = await ownerOf(principal, archive.manifest);
      const existing = await existingVersion(archive, ownerTenantId);
      if (existing) return { version: toSummary(existing), created: false };
      const description = await verifyInSandbox(archive, ownerTenantId, principal.tenantId);
      const archiveSha = await blobs.put(bytes);
      const row = await write(principal, ownerTenantId, async (trx) => {
        const inserted = await insertVersion(trx, { archive, archiveSha, size: bytes.length, ownerTenantId, description, status: 'draft', by: principal.label });
        await audit.record(trx, { kind: 'principal', principal, requestId }, {
          action: 'pack.uploaded',
          targetType: 'pack',
          targetId: `${archive.manifest.key}@${archive.manifest.version}`,
          after: { digest: archive.digest, status: 'draft', scope: archive.manifest.scope },
        });
        return inserted;
      });
      return { version: toSummary(row), created: true };
    },

    async installBundled(bytes) {
      const archive = await parseArchive(bytes);
      if (archive.manifest.scope.kind !== 'global') {
        throw new InvalidError('PACK_SCOPE_FORBIDDEN', `Bundled pack ${archive.manifest.key} must have global scope`);
      }
      const existing = await existingVersion(archive, null);
      if (existing) return { version: toSummary(existing), created: false };
      const description = await verifyInSandbox(archive, null, PLATFORM_CALLER);
      const archiveSha = await blobs.put(bytes);
      const row = await withSystem(knex, async (trx) => {
        const inserted = await insertVersion(trx, { archive, archiveSha, size: bytes.length, ownerTenantId: null, description, status: 'published', by: BUNDLED_ACTOR });
        await audit.record(trx, { kind: 'system', tenantId: null, label: BUNDLED_ACTOR }, {
          action: 'pack.installed',
          targetType: 'pack',
          targetId: `${archive.manifest.key}@${archive.manifest.version}`,
          after: { digest: archive.digest, status: 'published' },
        });
        return inserted;
      });
      return { version: toSummary(row), created: true };
    },

    async changeStatus(principal, key, version, status, reason, requestId) {
      const row = await findRow(principal, key, version);
      // Review and approval belong to the platform's admins (REQUIREMENTS.md), a bank's own custom pack included.
      if (!(await isPlatform(principal))) {
        throw new ForbiddenError(
          "Only the platform's admins publish, deprecate or yank a pack version",
          'PACK_REVIEW_FORBIDDEN',
        );
      }
      if (row.status === status) return toSummary(row);
      if (!TRANSITIONS[status].includes(row.status)) {
        throw new ConflictError('PACK_STATUS_CONFLICT', `A ${row.status} pack version cannot become ${status}`);
      }
      if (status === 'yanked' && !reason) throw new InvalidError('REASON_REQUIRED', 'Yanking a version needs a reason');
      const updated = await write(principal, row.tenant_id, async (trx) => {
        const [next] = (await trx('pack_versions')
          .where({ id: row.id })
          .update({ status, status_reason: reason ?? null, status_changed_at: trx.fn.now() })
          .returning('*')) as [PackRow];
        await audit.record(trx, { kind: 'principal', principal, requestId }, {
          action: `pack.${status}`,
          targetType: 'pack',
          targetId: `${key}@${version}`,
          before: { status: row.status },
          after: { status },
          reason,
        });
        return next;
      });
      return toSummary(updated);
    },

    async list(principal, filter) {
      const platform = await isPlatform(principal);
      const rows = await read(
        principal,
        (trx) => {
          const query = trx<PackRow>('pack_versions');
          return filter.family === undefined ? query : query.where({ family: filter.family });
        },
        platform,
      );
      return summarise(rows.filter(visibleTo(principal, platform)));
    },

    async get(principal, key) {
      const platform = await isPlatform(principal);
      const rows = (await read(principal, (trx) => trx('pack_versions').where({ key }), platform)) as PackRow[];
      const [summary] = summarise(rows.filter(visibleTo(principal, platform)));
      if (!summary) throw new NotFoundError(`Pack ${key}`, 'PACK_NOT_FOUND');
      return summary;
    },

    async getVersion(principal, key, version) {
      return toDetail(await findRow(principal, key, version));
    },

    async download(principal, key, version) {
      const row = await findRow(principal, key, version);
      const bytes = await blobs.get(row.archive_sha256);
      if (!bytes) throw new NotFoundError(`The archive of ${key}@${version}`, 'PACK_ARCHIVE_MISSING');
      return { fileName: `${key}-${version}.rpack`, bytes };
    },

    async resolve(principal, key, version) {
      // A report pinned a version it could see when it was created; it keeps running it.
      const row =
        version === undefined ? await newestPublished(principal, key) : await findRow(principal, key, version, 'any');
      return runnable(principal, row);
    },

    async resolveForNewReport(principal, key, version) {
      const row =
        version === undefined ? await newestPublished(principal, key) : await findRow(principal, key, version);
      if (row.status === 'draft') {
        throw new ConflictError(
          'PACK_VERSION_NOT_PUBLISHED',
          `${key}@${row.version} is a draft under review; a report may pin it once it is published`,
        );
      }
      if (row.status === 'yanked') {
        throw new ConflictError(
          'PACK_VERSION_YANKED',
          `${key}@${row.version} was withdrawn${row.status_reason ? ` (${row.status_reason})` : ''}; choose another version`,
        );
      }
      return runnable(principal, row);
    },

    async compute(principal, key, version, call) {
      return this.computeWith(principal, await runnable(principal, await findRow(principal, key, version)), call);
    },

    async computeWith(principal, pack, call) {
      const problems = pack.validateInput(call.input);
      if (problems.length > 0) throw new InvalidError('PACK_INPUT_INVALID', 'The input does not match the pack schema', { problems });
      const settings = call.settings ?? pack.settings;
      const request = { input: call.input, now: call.now ?? new Date().toISOString(), ...(Object.keys(settings).length > 0 ? { settings } : {}) };
      const { result, cpuTimeMs } = await sandbox.call(pack.sandboxRef, principal.tenantId, 'compute', request, pack.detail.manifest.limits);
      return { ...result, cpuTimeMs };
    },

    async select(principal, query) {
      const rows = (await read(principal, (trx) => trx('pack_versions').where({ status: 'published' }))) as PackRow[];
      const newest = new Map<string, PackRow>();
      for (const row of rows) {
        const current = newest.get(row.key);
        if (!current || semver.gt(row.version, current.version)) newest.set(row.key, row);
      }
      return selectPack(
        [...newest.values()].map((row) => ({
          key: row.key,
          version: row.version,
          title: row.title,
          family: row.family,
          selection: row.manifest.selection,
        })),
        query,
      );
    },
  };
}

function summarise(rows: readonly PackRow[]): PackSummary[] {
  const byKey = new Map<string, PackRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, versions]) => {
      const sorted = [...versions].sort((a, b) => semver.rcompare(a.version, b.version));
      const head = sorted[0]!;
      return {
        key,
        family: head.family,
        title: head.title,
        scope: head.tenant_id === null ? 'global' : 'tenant',
        latest: sorted.find((row) => row.status === 'published')?.version ?? null,
        versions: sorted.map(toSummary),
      };
    });
}

function toSummary(row: PackRow): PackVersionSummary {
  return {
    key: row.key,
    version: row.version,
    family: row.family,
    title: row.title,
    status: row.status,
    scope: row.tenant_id === null ? 'global' : 'tenant',
    digest: row.digest,
    archiveSize: row.archive_size,
    createdAt: row.created_at.toISOString(),
    statusChangedAt: row.status_changed_at.toISOString(),
    statusReason: row.status_reason,
  };
}

function toDetail(row: PackRow): PackVersionDetail {
  return {
    ...toSummary(row),
    manifest: row.manifest,
    schema: row.schema,
    description: row.description,
    reasonRequired: reasonRequiredFields(row.schema),
  };
}

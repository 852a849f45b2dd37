import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPack } from '@repogen/sdk';
import type { Logger } from '../logging/logger.js';
import type { PackRegistryService } from './pack-registry-service.js';

/** The repository's own packs, beside the host. */
export const DEFAULT_BUNDLED_PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../template-packs');

export interface BundledInstall {
  readonly key: string;
  readonly version: string;
  readonly outcome: 'installed' | 'present' | 'failed';
  readonly error?: string;
}

/**
 * Builds every pack under `template-packs/` and installs it as a published global version.
 * Idempotent: a version already present with the same digest is left alone. A pack that
 * fails is reported and skipped, so one broken pack does not keep the host from serving.
 */
export async function installBundledPacks(registry: PackRegistryService, logger: Logger, dir = DEFAULT_BUNDLED_PACKS_DIR): Promise<BundledInstall[]> {
  const folders = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const results: BundledInstall[] = [];
  for (const folder of folders.filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name)).sort()) {
    const pkg = await fs.readFile(path.join(folder, 'package.json'), 'utf8').then(JSON.parse, () => undefined) as
      | { repogen?: { role?: string; key?: string }; version?: string }
      | undefined;
    if (pkg?.repogen?.role !== 'pack') continue;
    const key = pkg.repogen.key ?? path.basename(folder);
    const version = pkg.version ?? '?';
    try {
      const built = await buildPack(folder, { write: false });
      const { created } = await registry.installBundled(built.bytes);
      results.push({ key, version, outcome: created ? 'installed' : 'present' });
    } catch (error) {
      const message = (error as Error).message;
      logger.error({ key, version, err: error }, 'bundled pack not installed');
      results.push({ key, version, outcome: 'failed', error: message });
    }
  }
  return results;
}

import type { PackManifest } from '../manifest/pack-manifest.generated.js';

/** The manifest as built into an archive: the author's manifest plus identity and file digests. */
export interface BuiltManifest extends PackManifest {
  /** npm package name of the pack. */
  readonly name: string;
  readonly version: string;
  /** sha256 (hex) of every other file in the archive, by archive path. */
  readonly files: Readonly<Record<string, string>>;
}

/** A pack archive (`KEY-VERSION.rpack`) in memory. */
export interface PackArchive {
  readonly manifest: BuiltManifest;
  /** Every file by its archive path, `manifest.json` excluded. */
  readonly files: ReadonlyMap<string, Buffer>;
  /**
   * sha256 of `manifest.json`'s bytes. The manifest lists every other file's sha256, so this
   * one digest covers the whole content whatever the tar metadata.
   */
  readonly digest: string;
}

/** Paths an archive may hold; anything else is refused. */
export const ARCHIVE_PATH = /^(manifest\.json|logic\.js|schema\.json|(templates|assets|fixtures)\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)$/;

/** Caps that keep a hostile archive from exhausting the host. */
export const ARCHIVE_LIMITS = {
  compressedBytes: 25 * 1024 * 1024,
  uncompressedBytes: 60 * 1024 * 1024,
  fileBytes: 20 * 1024 * 1024,
  logicBytes: 4 * 1024 * 1024,
  files: 400,
} as const;

export function archiveFileName(manifest: Pick<BuiltManifest, 'key' | 'version'>): string {
  return `${manifest.key}-${manifest.version}.rpack`;
}

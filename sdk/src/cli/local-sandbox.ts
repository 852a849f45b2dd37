import type { ComputeRequest, ComputeResult, PackOperation, PackRequestMap, PackResultMap } from '../contract/pack-contract.js';
import { sha256 } from '../archive/write-pack-archive.js';
import { CliFailure, EXIT } from './cli-output.js';

/** The part of the host's sandbox the CLI uses; the host package provides it at run time. */
interface HostSandbox {
  call<Op extends PackOperation>(
    pack: { key: string; version: string; tenantId: string | null; logic: string; digest: string },
    callerTenantId: string,
    operation: Op,
    request: PackRequestMap[Op],
  ): Promise<{ result: PackResultMap[Op]; cpuTimeMs: number }>;
  close(): Promise<void>;
}

export interface LocalSandbox {
  compute(request: ComputeRequest): Promise<ComputeResult>;
  close(): Promise<void>;
}

/**
 * Runs a built logic bundle in the host's real sandbox (isolated-vm in a child process), so
 * `repogen-pack test` proves exactly what the host will run. The host package is an optional
 * peer of the sdk: pack authors install it as a dev dependency.
 */
export async function openLocalSandbox(manifest: { key: string; version: string }, logic: Buffer): Promise<LocalSandbox> {
  let host: { createPackSandbox(): HostSandbox };
  try {
    // Named through a variable so that the sdk does not compile against the host it serves.
    const hostPackage = '@repogen/core';
    host = (await import(hostPackage)) as typeof host;
  } catch {
    throw new CliFailure('The real sandbox needs @repogen/core: npm install --save-dev @repogen/core', EXIT.unavailable);
  }
  const sandbox = host.createPackSandbox();
  const source = logic.toString('utf8');
  const ref = { key: manifest.key, version: manifest.version, tenantId: null, logic: source, digest: sha256(source) };
  return {
    compute: async (request) => (await sandbox.call(ref, 'local', 'compute', request)).result,
    close: () => sandbox.close(),
  };
}

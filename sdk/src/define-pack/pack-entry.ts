import { PACK_GLOBAL, type JsonValue, type PackGlobal } from '../contract/pack-contract.js';
import { createInvoker } from './create-invoker.js';
import type { DefinedPack } from './pack-definition.js';

/**
 * Installs the pack as the one global a built `logic.js` defines. Only `invoke` is exposed,
 * and only strings pass through it, so no host object can reach the pack or leave it.
 */
export function packEntry<Input, Settings extends { readonly [K in keyof Settings]: JsonValue }, Names extends string>(
  pack: DefinedPack<Input, Settings, Names>,
): void {
  const invoker = createInvoker(pack);
  const entry: PackGlobal = Object.freeze({
    invoke: (operation: string, requestJson: string): string => invoker.invoke(String(operation), String(requestJson)),
  });
  (globalThis as unknown as Record<string, PackGlobal>)[PACK_GLOBAL] = entry;
}

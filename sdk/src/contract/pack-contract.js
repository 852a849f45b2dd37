/**
 * The whole contract between the host and a pack's logic. Only JSON crosses it: the host
 * sends one request string per call and gets one response string back.
 */
/** What a pack's logic answers. `extract` is optional for a pack. */
export const PACK_OPERATIONS = ['compute', 'rules', 'layout', 'extract', 'describe'];
/**
 * A built pack's `logic.js` is one classic script (esbuild IIFE) with no imports. Evaluated in
 * an empty context, it defines exactly this global; the host calls `invoke` with a string
 * and receives a string.
 */
export const PACK_GLOBAL = '__repogenPack';
//# sourceMappingURL=pack-contract.js.map
export {
  createPackSandbox,
  SANDBOX_DEFAULTS,
  type PackSandbox,
  type PackSandboxOptions,
  type ProcessPackSandbox,
  type SandboxCallResult,
  type SandboxLimits,
  type SandboxPackRef,
} from './pack-sandbox.js';
export { PackRunError, SANDBOX_UNAVAILABLE, type PackErrorCode } from './sandbox-errors.js';
export { RESULT_SCHEMAS } from './result-schemas.js';

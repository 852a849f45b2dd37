import type { JsonValue } from '@repogen/sdk';

/**
 * The messages between the host and its sandbox process. Each travels as one JSON string, so
 * nothing but data can reach the child, and the child's answers are parsed before they are
 * believed.
 */

/** Host → child: run one operation of one pack version for one caller tenant. */
export interface CallMessage {
  readonly type: 'call';
  readonly id: number;
  readonly digest: string;
  /** Sent only until the child has it; the child keeps sources by digest. */
  readonly logic?: string;
  /** `KEY@version`, for script names and logs. */
  readonly label: string;
  readonly tenantId: string;
  readonly operation: string;
  readonly requestJson: string;
  /** Epoch milliseconds the pack's `Date.now()` answers: the request's `now`, or 0. */
  readonly clockMs: number;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  /** Disposal of the isolate after this much wall time, so a stuck isolate cannot hold a slot. */
  readonly wallTimeoutMs: number;
  readonly maxResponseChars: number;
}

export type HostMessage = CallMessage;

export type WireErrorCode =
  'PACK_TIMEOUT' | 'PACK_MEMORY' | 'PACK_FAULT' | 'PACK_OUTPUT_INVALID' | 'SANDBOX_UNAVAILABLE';

export interface WireError {
  readonly code: WireErrorCode;
  readonly message: string;
  /** The pack's own error code when it answered `{ ok: false }`. */
  readonly packCode?: string;
}

/** Child → host. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly pid: number }
  /** The call waits for a busy isolate of its pool; the host pauses its watchdog meanwhile. */
  | { readonly type: 'queued'; readonly id: number }
  | { readonly type: 'started'; readonly id: number }
  /** The child evicted the source of this digest: the host sends the call again with `logic`. */
  | { readonly type: 'need-logic'; readonly id: number }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly result: JsonValue;
      readonly cpuTimeMs: number;
      readonly wallTimeMs: number;
    }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly error: WireError;
      readonly cpuTimeMs: number;
      readonly wallTimeMs: number;
    };

export function encodeMessage(message: HostMessage | ChildMessage): string {
  return JSON.stringify(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a host message in the child; anything else is a programming error and is dropped. */
export function decodeHostMessage(raw: unknown): HostMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  const value: unknown = JSON.parse(raw);
  if (!isRecord(value) || value.type !== 'call' || typeof value.id !== 'number') return undefined;
  return value as unknown as CallMessage;
}

/** Parses a child message in the host. The child runs only our code, but the check costs nothing. */
export function decodeChildMessage(raw: unknown): ChildMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ready':
    case 'queued':
    case 'started':
    case 'need-logic':
    case 'result':
    case 'error':
      return value as unknown as ChildMessage;
    default:
      return undefined;
  }
}

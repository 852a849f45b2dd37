/** What the host API answers, as the client types it (see the host's openapi.json). */

export type ReportStatus = 'draft' | 'generated' | 'released' | 'cancelled';

export interface ReportSummary {
  readonly id: string;
  readonly packKey: string;
  readonly packVersion: string;
  readonly title: string;
  readonly externalKey: string | null;
  /** The billing account the report names; null when it is billed to the tenant's default account. */
  readonly billingAccountId: string | null;
  readonly status: ReportStatus;
  readonly latestVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Artifact {
  readonly id: string;
  readonly kind: 'docx' | 'pdf' | 'trace';
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly filename: string;
}

export interface ReportVersion {
  readonly id: string;
  readonly n: number;
  readonly packKey: string;
  readonly packVersion: string;
  readonly inputSha256: string;
  readonly warnings: readonly Record<string, unknown>[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly artifacts: readonly Artifact[];
}

export interface ReportDetail extends ReportSummary {
  readonly data: Record<string, unknown>;
  readonly values: Record<string, unknown> | null;
  readonly warnings: readonly { code: string; level: string; message: string; fields?: string[] }[];
  readonly readiness: { ready: boolean; missingFields: string[]; errors: Record<string, unknown>[] };
  readonly versions: readonly ReportVersion[];
}

export interface CreateReportInput {
  readonly packKey: string;
  readonly packVersion?: string;
  readonly title: string;
  /** e.g. `v1:assignment:123`; a repeat answers the existing report. */
  readonly externalKey?: string;
  /** The external key of the billing account to bill (`v1:partner:42`); the tenant's default account when absent. */
  readonly billingKey?: string;
  readonly data?: Record<string, unknown>;
}

export interface Evidence {
  readonly id: string;
  readonly reportId: string;
  readonly kind: string;
  readonly filename: string;
  readonly sha256: string;
  readonly mime: string;
  readonly size: number;
  readonly duplicate: boolean;
  readonly ocr: {
    status: 'none' | 'queued' | 'done' | 'failed';
    confidence: number | null;
    detectedKind: string | null;
  };
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface GenerationJob {
  readonly id: string;
  readonly reportId: string;
  readonly state: JobState;
  readonly progress: readonly { step: string; state: string; at: string; ms?: number }[];
  readonly attempts: number;
  readonly versionId: string | null;
  readonly error: { code: string; message: string; kind: string } | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export type CallbackEvent = 'report.generated' | 'report.failed' | 'report.released' | 'ocr.completed';

export interface CallbackEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly CallbackEvent[];
  readonly description: string | null;
  readonly createdAt: string;
}

/** The JSON body of every callback. */
export interface CallbackBody<D = Record<string, unknown>> {
  /** The same for every delivery of one event: deduplicate on it. */
  readonly id: string;
  readonly type: CallbackEvent;
  readonly createdAt: string;
  readonly data: D;
}

export interface CallbackDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly event: CallbackEvent;
  readonly state: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly redeliveryOf: string | null;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly body: CallbackBody;
}

export interface DownloadedFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly filename: string | undefined;
}

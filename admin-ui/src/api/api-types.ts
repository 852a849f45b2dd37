/** The shapes of the host's answers that the UI reads (see GET /openapi.json). */

export type Role = 'admin' | 'author' | 'operator' | 'bank' | 'service';

export interface Me {
  readonly user: { readonly id: string | null; readonly label: string };
  readonly tenant: { readonly id: string; readonly slug: string; readonly name: string; readonly kind: string };
  readonly role: Role;
  readonly via: string;
}

export type ReportStatus = string;

export interface ReportSummary {
  readonly id: string;
  readonly packKey: string;
  readonly packVersion: string;
  readonly title: string;
  readonly externalKey: string | null;
  readonly bank: string | null;
  /** Rupees. */
  readonly expectedValue: number | null;
  readonly status: ReportStatus;
  readonly latestVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ReportList {
  readonly items: readonly ReportSummary[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface PackWarning {
  readonly code: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields?: readonly string[];
}

export interface TraceEntry {
  readonly name: string;
  readonly description: string;
  readonly unit?: string;
  readonly reads: readonly { readonly kind: 'input' | 'value'; readonly name: string; readonly value: unknown }[];
  readonly value: unknown;
}

export interface Artifact {
  readonly id: string;
  readonly kind: 'docx' | 'pdf' | 'trace' | 'pdf-released';
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
  readonly warnings: readonly PackWarning[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly artifacts: readonly Artifact[];
}

export interface ReportDetail extends ReportSummary {
  readonly data: Record<string, unknown>;
  readonly values: Record<string, unknown> | null;
  readonly trace: Record<string, TraceEntry> | null;
  readonly warnings: readonly PackWarning[];
  readonly readiness: { readonly ready: boolean; readonly missingFields: readonly string[]; readonly errors: readonly { code?: string; message?: string }[] };
  readonly versions: readonly ReportVersion[];
}

export interface Evidence {
  readonly id: string;
  readonly reportId: string;
  readonly kind: string;
  readonly kindConfirmed: boolean;
  readonly filename: string;
  readonly sha256: string;
  readonly mime: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly pages: number | null;
  readonly exif: { readonly lat: number | null; readonly long: number | null; readonly takenAt: string | null };
  readonly ocr: { readonly status: 'none' | 'queued' | 'done' | 'failed'; readonly confidence: number | null; readonly detectedKind: string | null };
  readonly order: number;
  readonly excluded: boolean;
  readonly createdAt: string;
  readonly duplicate?: boolean;
}

export interface ImageRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Proposal {
  readonly id: string;
  readonly evidenceId: string;
  readonly reportId: string;
  readonly field: string;
  readonly value: unknown;
  readonly confidence: number;
  readonly source: 'ocr' | 'exif' | 'pack';
  readonly sourceText: string;
  /** Fractions of the upright image's width and height. */
  readonly region: ImageRegion | null;
  readonly status: 'proposed' | 'accepted' | 'rejected';
  readonly warnings: readonly { readonly code: string; readonly level: string; readonly message: string }[];
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export interface Checklist {
  readonly complete: boolean;
  readonly items: readonly { readonly kind: string; readonly label: string; readonly min: number; readonly present: number; readonly satisfied: boolean; readonly evidenceIds: readonly string[] }[];
  readonly missing: readonly string[];
  readonly documents: readonly { readonly evidenceId: string; readonly filename: string; readonly kind: string; readonly detectedKind: string | null; readonly order: number }[];
}

export interface GenerationJob {
  readonly id: string;
  readonly reportId: string;
  readonly state: string;
  readonly progress: readonly { readonly step: string; readonly state: 'started' | 'done' | 'failed'; readonly at: string; readonly ms?: number; readonly code?: string }[];
  readonly attempts: number;
  readonly versionId: string | null;
  readonly error: { readonly code: string; readonly message: string; readonly kind: string } | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export interface AuditEntry {
  readonly id: number;
  readonly actorKind: string;
  readonly actorLabel: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly createdAt: string;
}

export interface PackVersionSummary {
  readonly key: string;
  readonly version: string;
  readonly family: string;
  readonly title: string;
  readonly status: 'draft' | 'published' | 'deprecated' | 'yanked';
  readonly scope: 'global' | 'tenant';
  readonly digest: string;
  readonly archiveSize: number;
  readonly createdAt: string;
  readonly statusChangedAt: string;
  readonly statusReason: string | null;
}

export interface PackSummary {
  readonly key: string;
  readonly family: string;
  readonly title: string;
  readonly scope: string;
  readonly latest: string | null;
  readonly versions: readonly PackVersionSummary[];
}

export type JsonSchema = Record<string, unknown>;

export interface PackVersionDetail extends PackVersionSummary {
  readonly manifest: Record<string, unknown> & { readonly files?: Record<string, string> };
  readonly schema: JsonSchema;
  readonly description: {
    readonly formulas: readonly { readonly name: string; readonly description: string; readonly unit?: string }[];
    readonly rules: readonly { readonly code: string; readonly description: string }[];
    readonly operations: readonly string[];
  };
  readonly reasonRequired: readonly string[];
}

export interface PackSelection {
  readonly bankType: string | null;
  readonly pack: { readonly key: string; readonly version: string; readonly title: string } | null;
  readonly reason: string | null;
  readonly alternatives: readonly { readonly key: string; readonly version: string; readonly title: string; readonly reason: string }[];
}

export interface BillingAccount {
  readonly id: string;
  readonly externalKey: string | null;
  readonly mode: 'UNBILLED' | 'CREDIT' | 'POSTPAID';
  readonly planCredits: number;
  readonly creditPricePaise: number;
  readonly balance: number;
  readonly reserved: number;
  readonly available: number;
  readonly createdAt: string;
}

export interface LedgerEntry {
  readonly id: number;
  readonly kind: string;
  readonly balanceDelta: number;
  readonly reservedDelta: number;
  readonly reportId: string | null;
  readonly paymentId: string | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export type InvoiceState = 'draft' | 'issued' | 'paid' | 'void';

export interface Invoice {
  readonly id: string;
  readonly accountId: string;
  readonly reportId: string | null;
  readonly state: InvoiceState;
  readonly amountPaise: number;
  readonly currency: string;
  readonly description: string;
  readonly paidVia: string | null;
  readonly issuedAt: string | null;
  readonly paidAt: string | null;
  readonly voidedAt: string | null;
  readonly createdAt: string;
}

export type ReleaseGate =
  | { readonly mode: 'UNBILLED' }
  | { readonly mode: 'CREDIT'; readonly consumed: number }
  | { readonly mode: 'POSTPAID'; readonly invoiceId: string | null; readonly via: 'paid' | 'override'; readonly reason?: string };

export interface ReportRelease {
  readonly reportId: string;
  readonly status: 'released';
  readonly versionId: string;
  readonly version: number;
  readonly artifact: Artifact;
  readonly released: boolean;
  readonly gate: ReleaseGate | null;
}

export interface ReportCancelled {
  readonly reportId: string;
  readonly status: string;
  readonly creditsReleased: number;
}

export interface PaymentLink {
  readonly paymentId: string;
  readonly provider: 'stripe' | 'razorpay';
  readonly url: string;
  readonly amountPaise: number;
  readonly currency: string;
}

export type PackRequestStatus = 'submitted' | 'in_progress' | 'delivered' | 'declined';

export interface PackRequest {
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly basePackKey: string | null;
  readonly differences: string;
  readonly sampleFiles: readonly string[];
  readonly status: PackRequestStatus;
  readonly statusNote: string | null;
  readonly deliveredPackKey: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

import type { PackManifest } from '@repogen/sdk';
import { classifyBank, type BankType } from './bank-type.js';

export interface SelectionQuery {
  readonly family?: string | undefined;
  readonly bank?: string | undefined;
  readonly bankType?: BankType | undefined;
  /** Expected property or project value in rupees. */
  readonly valueRupees?: number | undefined;
}

export interface SelectionCandidate {
  readonly key: string;
  readonly version: string;
  readonly title: string;
  readonly family: string;
  readonly selection: PackManifest['selection'];
}

export interface SelectionVerdict {
  readonly candidate: SelectionCandidate;
  readonly reason: string;
}

export interface SelectionAnswer {
  /** The family the packs were chosen from: the query's, or valuation when it named none. */
  readonly family: string;
  readonly bankType: BankType | undefined;
  readonly chosen: SelectionVerdict | undefined;
  /** Other packs whose rules also match, best first. */
  readonly alternatives: readonly SelectionVerdict[];
}

const CRORE = 1_00_00_000;

/**
 * A query without a family is a property valuation, the firm's common case (REQUIREMENTS:
 * "value below ₹5 crore → SBI Format A whatever the bank"). Project-finance packs are chosen by
 * the assignment's type rather than by bank or value, so they compete only when asked for.
 */
const DEFAULT_FAMILY = 'valuation';

/**
 * Applies each pack's selection rule to the query and picks the matching rule with the
 * highest priority (a bank's own pack outranks a generic one by its priority). A rule that
 * constrains something the query does not say does not match.
 */
export function selectPack(candidates: readonly SelectionCandidate[], query: SelectionQuery): SelectionAnswer {
  const bankType = query.bankType ?? (query.bank ? classifyBank(query.bank) : undefined);
  const family = query.family ?? DEFAULT_FAMILY;
  const verdicts: SelectionVerdict[] = [];
  for (const candidate of candidates) {
    if (candidate.family !== family) continue;
    const reasons = matchReasons(candidate.selection, query, bankType);
    if (reasons) verdicts.push({ candidate, reason: candidate.selection.reason ?? reasons.join('; ') });
  }
  verdicts.sort((a, b) => b.candidate.selection.priority - a.candidate.selection.priority || a.candidate.key.localeCompare(b.candidate.key));
  const [chosen, ...alternatives] = verdicts;
  return { family, bankType, chosen, alternatives };
}

function matchReasons(rule: PackManifest['selection'], query: SelectionQuery, bankType: BankType | undefined): string[] | undefined {
  const reasons: string[] = [];
  if (rule.banks && rule.banks.length > 0) {
    const bank = query.bank?.toLowerCase();
    const matched = bank === undefined ? undefined : rule.banks.find((name) => bank.includes(name.toLowerCase()));
    if (!matched) return undefined;
    reasons.push(`made for ${matched}`);
  }
  if (rule.bankTypes && rule.bankTypes.length > 0) {
    if (bankType === undefined || !rule.bankTypes.includes(bankType)) return undefined;
    reasons.push(`bank type is ${bankType}`);
  }
  if (rule.minValueRupees !== undefined) {
    if (query.valueRupees === undefined || query.valueRupees < rule.minValueRupees) return undefined;
    reasons.push(`value ₹${formatCrore(query.valueRupees)} is at least ₹${formatCrore(rule.minValueRupees)}`);
  }
  if (rule.maxValueRupees !== undefined) {
    if (query.valueRupees === undefined || query.valueRupees >= rule.maxValueRupees) return undefined;
    reasons.push(`value ₹${formatCrore(query.valueRupees)} is below ₹${formatCrore(rule.maxValueRupees)}`);
  }
  return reasons.length > 0 ? reasons : ['applies to every report of its family'];
}

function formatCrore(rupees: number): string {
  return `${(rupees / CRORE).toLocaleString('en-IN', { maximumFractionDigits: 2 })} crore`;
}

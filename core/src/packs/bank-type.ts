/** How the selection rules group banks. */
export type BankType = 'sbi' | 'psu' | 'private' | 'coop' | 'other';

export const BANK_TYPES: readonly BankType[] = ['sbi', 'psu', 'private', 'coop', 'other'];

const PSU_BANKS = [
  'bank of india',
  'bank of baroda',
  'punjab national bank',
  'canara bank',
  'union bank of india',
  'indian bank',
  'central bank of india',
  'indian overseas bank',
  'uco bank',
  'bank of maharashtra',
  'punjab & sind bank',
  'punjab and sind bank',
];
const PSU_ABBREVIATIONS = ['boi', 'bob', 'pnb', 'ubi', 'cbi', 'iob', 'uco', 'bom', 'psb'];
const PRIVATE_BANKS = ['hdfc', 'icici', 'axis', 'kotak', 'indusind', 'yes bank', 'idfc', 'federal bank', 'rbl', 'bandhan', 'south indian bank', 'karnataka bank', 'city union', 'karur vysya', 'dcb', 'idbi'];

/**
 * Classifies a bank by its name as an operator or V1 types it ("SBI", "State Bank of India,
 * Camp branch", "The Cosmos Co-operative Bank"). Co-operative wins over everything else,
 * because every co-op bank uses the one co-op format.
 */
export function classifyBank(name: string): BankType {
  const normalised = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/co-?\s?operative|cooperative|sahakari|\bco-?op\b|urban bank|nagari/.test(normalised)) return 'coop';
  if (/\bsbi\b|state bank of india/.test(normalised)) return 'sbi';
  const words = normalised.split(/[^a-z&]+/);
  if (PSU_BANKS.some((bank) => normalised.includes(bank)) || PSU_ABBREVIATIONS.some((abbreviation) => words.includes(abbreviation))) {
    return 'psu';
  }
  if (PRIVATE_BANKS.some((bank) => normalised.includes(bank))) return 'private';
  return 'other';
}

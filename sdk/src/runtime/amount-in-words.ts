import { ToWords } from 'to-words/en-IN';
import { assertPaise } from './money.js';

/** Style choices real reports vary on (DOMAIN §1.2); the defaults are the firm's. */
export interface AmountInWordsOptions {
  /** "Thirty-Nine" (default) or "Thirty Nine". */
  readonly hyphenateTens?: boolean;
  /** The word for 1,00,000: "Lakh" (default), "Lakhs" or "Lac". */
  readonly lakhWord?: 'Lakh' | 'Lakhs' | 'Lac';
  /** Ends with "Only" (default true). */
  readonly only?: boolean;
}

const CRORE = 10_000_000;
const TENS = 'Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety';
const UNITS = 'One|Two|Three|Four|Five|Six|Seven|Eight|Nine';
const TENS_AND_UNITS = new RegExp(`\\b(${TENS}) (${UNITS})\\b`, 'g');

let converter: ToWords | undefined;

/**
 * Writes whole numbers in the Indian scale: the library spells anything below a crore; the
 * crore count is itself spelled in the same scale, so 120 crore is "One Hundred Twenty
 * Crore" rather than the library's "One Arab Twenty Crore".
 */
export function integerInIndianWords(value: number, options: AmountInWordsOptions = {}): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`a non-negative safe integer is expected, got ${value}`);
  converter ??= new ToWords();
  const spell = (n: number): string => {
    if (n < CRORE) return converter!.convert(n);
    const crore = Math.floor(n / CRORE);
    const rest = n % CRORE;
    return `${spell(crore)} Crore${rest > 0 ? ` ${converter!.convert(rest)}` : ''}`;
  };
  let words = spell(value);
  if (options.hyphenateTens ?? true) words = words.replace(TENS_AND_UNITS, '$1-$2');
  if (options.lakhWord && options.lakhWord !== 'Lakh') words = words.replace(/\bLakh\b/g, options.lakhWord);
  return words;
}

/**
 * An amount of integer paise in Indian English words:
 * 13,98,00,000 paise → "Rupees One Crore Thirty-Nine Lakh Eighty Thousand Only";
 * paise are added as "and Fifty Paise".
 */
export function amountInWords(paise: number, options: AmountInWordsOptions = {}): string {
  assertPaise(paise);
  const absolute = Math.abs(paise);
  const rupees = Math.floor(absolute / 100);
  const fraction = absolute % 100;
  const parts = [paise < 0 ? 'Minus Rupees' : 'Rupees', integerInIndianWords(rupees, options)];
  if (fraction > 0) parts.push('and', integerInIndianWords(fraction, options), fraction === 1 ? 'Paisa' : 'Paise');
  if (options.only ?? true) parts.push('Only');
  return parts.join(' ');
}

/** Whole rupees in words, as valuation reports print final values. */
export function rupeesInWords(rupees: number, options: AmountInWordsOptions = {}): string {
  if (!Number.isSafeInteger(rupees)) throw new RangeError(`whole rupees expected, got ${rupees}`);
  return amountInWords(rupees * 100, options);
}

const UNITS_AND_TEENS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS_WORDS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const SMALL_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries([
  ...UNITS_AND_TEENS.map((word, index) => [word, index] as const),
  ...TENS_WORDS.map((word, index) => [word, (index + 2) * 10] as const),
]);
const BELOW_CRORE_SCALES: Readonly<Record<string, number>> = {
  thousand: 1_000,
  lakh: 100_000,
  lakhs: 100_000,
  lac: 100_000,
  lacs: 100_000,
};

/**
 * Reads an amount in words back to integer paise, so a checker can confirm that the words
 * printed beside a figure say the same amount (DOMAIN §1.2). Throws on a word it does not know.
 */
export function parseAmountInWords(words: string): number {
  const tokens = words
    .toLowerCase()
    .replace(/[-,]/g, ' ')
    .split(/\s+/)
    .filter(
      (token) =>
        token !== '' &&
        token !== 'rupees' &&
        token !== 'rupee' &&
        token !== 'only' &&
        token !== 'rs.' &&
        token !== 'rs',
    );
  const negative = tokens[0] === 'minus';
  const body = negative ? tokens.slice(1) : tokens;
  const and = body.lastIndexOf('and');
  const hasPaise = and >= 0 && (body.at(-1) === 'paise' || body.at(-1) === 'paisa');
  const rupees = parseIndianInteger(hasPaise ? body.slice(0, and) : body);
  const paise = hasPaise ? parseIndianInteger(body.slice(and + 1, -1)) : 0;
  const total = rupees * 100 + paise;
  return negative ? -total : total;
}

function parseIndianInteger(tokens: readonly string[]): number {
  const crore = tokens.lastIndexOf('crore');
  if (crore >= 0)
    return parseIndianInteger(tokens.slice(0, crore)) * CRORE + parseIndianInteger(tokens.slice(crore + 1));
  let total = 0;
  let current = 0;
  for (const token of tokens) {
    if (token in SMALL_NUMBERS) current += SMALL_NUMBERS[token]!;
    else if (token === 'hundred') current = (current || 1) * 100;
    else if (token in BELOW_CRORE_SCALES) {
      total += (current || 1) * BELOW_CRORE_SCALES[token]!;
      current = 0;
    } else throw new RangeError(`unknown word in an amount: ${JSON.stringify(token)}`);
  }
  return total + current;
}

/**
 * Numbers as people type them in Indonesian and English spreadsheets.
 *
 * The rule, in order:
 *  1. Surrounding spaces and a trailing `%` are ignored (`35,3 %` is 35.3: the unit is the indicator's).
 *  2. Both `.` and `,` present: the one that comes last is the decimal mark, the other groups
 *     thousands and must group by three (`1.234,5` and `1,234.5` are both 1234.5).
 *  3. One mark appearing several times: it groups thousands (`1.234.567`, `1,234,567`).
 *  4. One mark appearing once: it is the decimal mark (`35,3`, `35.3`), except when the text looks
 *     exactly like a grouped thousand (`1.234`, `12,500`: one to three digits, not starting with 0,
 *     then exactly three). Those are read with the file's convention: a `;`-separated file (an
 *     Indonesian Excel export) writes decimals with a comma, so there `1.234` is 1234 and `1,234` is
 *     1.234; a `,`-separated file writes decimals with a dot, so there `1,234` is 1234.
 *  5. Spaces may group thousands (`1 234,5`); `1.5E+03` is read as Excel writes large numbers.
 * Anything else (`-`, `n/a`, `35,3,1`) is not a number; the caller says so in the user's words.
 */

/** The character a file uses between the whole and the fractional part. */
export type DecimalMark = ',' | '.';

const PLAIN = /^[+-]?\d+$/;
const SIMPLE_DECIMAL = /^[+-]?\d+[.,]\d+$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const SPACE_GROUPED = /^([+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?$/;
const SPACES = /[ \u00a0\u202f]/g;
const GROUPED_BY_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_BY_COMMA = /^\d{1,3}(?:,\d{3})+$/;
const LOOKS_LIKE_ONE_GROUP = /^[1-9]\d{0,2}[.,]\d{3}$/;
const DIGITS = /^\d+$/;
const MARKS = /[.,]/g;

/** The number written in `raw`, or null when it is not one. Blank text is the caller's concern. */
export function parseNumber(raw: string, decimalMark: DecimalMark): number | null {
  const quick = parseSimple(raw, decimalMark);
  if (quick !== undefined) return quick;
  let text = raw.trim();
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  if (PLAIN.test(text)) return Number(text);

  const spaced = SPACE_GROUPED.exec(text);
  if (spaced) return Number(spaced[1]!.replace(SPACES, '') + (spaced[2] ? '.' + spaced[2].slice(1) : ''));
  if (SCIENTIFIC.test(text)) return Number(text);

  let sign = '';
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text[0] === '-' ? '-' : '';
    text = text.slice(1);
  }
  if (SIMPLE_DECIMAL.test(text)) return readSingleMark(sign, text, decimalMark);

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const whole = text.slice(0, decimalAt);
    const fraction = text.slice(decimalAt + 1);
    const grouping = decimalAt === lastDot ? GROUPED_BY_COMMA : GROUPED_BY_DOT;
    if (!grouping.test(whole) || !DIGITS.test(fraction)) return null;
    return Number(sign + whole.replace(MARKS, '') + '.' + fraction);
  }
  if (GROUPED_BY_DOT.test(text) || GROUPED_BY_COMMA.test(text)) return Number(sign + text.replace(MARKS, ''));
  return null;
}

const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const DOT = 46;
const MINUS = 45;
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common shapes (`35`, `35,3`, `-1.234`) without regular expressions or intermediate strings: a
 * national file has millions of cells. Undefined means "not this simple", and the full rules decide.
 * Dividing the digits as an integer by a power of ten rounds exactly as Number() parses the decimal.
 */
function parseSimple(text: string, decimalMark: DecimalMark): number | undefined {
  let at = text.charCodeAt(0) === MINUS ? 1 : 0;
  const negative = at === 1;
  let digits = 0;
  let wholeDigits = 0;
  let mark = 0;
  let firstDigit = -1;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= ZERO && code <= NINE) {
      digits = digits * 10 + (code - ZERO);
      if (firstDigit < 0) firstDigit = code - ZERO;
      if (mark === 0) wholeDigits++;
    } else if ((code === COMMA || code === DOT) && mark === 0 && wholeDigits > 0) mark = code;
    else return undefined;
  }
  const totalDigits = text.length - (negative ? 1 : 0) - (mark === 0 ? 0 : 1);
  const fractionDigits = totalDigits - wholeDigits;
  if (wholeDigits === 0 || totalDigits > 15 || (mark !== 0 && fractionDigits === 0)) return undefined;
  let value: number;
  if (mark === 0) value = digits;
  // `1.234` in a decimal-comma file (or `1,234` in a decimal-dot file) groups thousands; see rule 4 above.
  else if (fractionDigits === 3 && wholeDigits <= 3 && firstDigit !== 0 && mark !== decimalMark.charCodeAt(0)) value = digits;
  else value = digits / POWERS_OF_TEN[fractionDigits]!;
  // 0 - value, not -value: "-0" is zero, not the IEEE negative zero.
  return negative ? 0 - value : value;
}

/** `12,5`, `12.5`, `1.234`: one mark between digits. */
function readSingleMark(sign: string, text: string, decimalMark: DecimalMark): number {
  const mark = text.includes(',') ? ',' : '.';
  if (LOOKS_LIKE_ONE_GROUP.test(text) && mark !== decimalMark) return Number(sign + text.replace(mark, ''));
  return Number(sign + text.replace(',', '.'));
}

const ID_NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** A number as Indonesian readers write it, for messages: 104,5 and 1.234. */
export function formatNumber(value: number): string {
  return ID_NUMBER.format(value);
}

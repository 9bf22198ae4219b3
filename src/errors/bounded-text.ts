/**
 * Caller-controlled text (operation names, representations, provider messages) can be as long as
 * the request body. Everything that logs, redacts or echoes such text bounds it first, here, so the
 * work done on it never depends on what a caller chose to send.
 */

/** Said where text was cut, so a reader knows the line is not whole. */
export const TRUNCATION_MARK = '…';
/** Stands for the word a cut went through: a fragment could be part of a secret no rule recognises any more. */
export const CUT_WORD = '[redacted]';

/**
 * `text` cut to at most `max` UTF-16 units, `mark` included. A word (a run without white space)
 * that the cut goes through is replaced whole by CUT_WORD, so no fragment of a secret or an
 * e-mail address is left that the redaction would no longer recognise; a surrogate pair is never
 * split. Linear in `max`, whatever the length of `text`.
 */
export function truncateText(text: string, max: number, mark = TRUNCATION_MARK): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - mark.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  if (/\s/.test(text[end]!)) return `${text.slice(0, end)}${mark}`;
  // The cut goes through a word: back to its start (or an earlier one), with room for the placeholder.
  end = Math.max(0, Math.min(end, max - mark.length - CUT_WORD.length));
  while (end > 0 && !/\s/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}${CUT_WORD}${mark}`;
}

/**
 * A short, single-line quotation of caller text for an error message or a log field: bounded by
 * `max`, control characters and lone surrogates shown as escapes (JSON's), never raw.
 */
export function quoteCallerText(text: string, max = 40): string {
  if (text.length <= max) return escapeControlCharacters(text);
  return `${escapeControlCharacters(text.slice(0, max).replace(/[\ud800-\udbff]$/, ''))}${TRUNCATION_MARK}`;
}

/**
 * C0 and C1 control characters, DEL, the Unicode line and paragraph separators and lone
 * surrogates as `\uXXXX` (`\n`, `\r`, `\t` as themselves escaped): text that can neither start a
 * new line in a terminal or a log file nor carry an ANSI escape sequence.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_FOR_A_LINE, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What JSON.stringify leaves raw but a terminal may act on: DEL, C1 controls (U+009B is an 8-bit
 * CSI) and the Unicode line separators, as `\uXXXX`. For JSON log lines, where JSON escapes C0.
 */
export function escapeWhatJsonKeepsRaw(text: string): string {
  return JSON_KEEPS_RAW.test(text)
    ? text.replace(JSON_KEEPS_RAW_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}

const JSON_KEEPS_RAW = /[\u007f-\u009f\u2028\u2029]/;
const JSON_KEEPS_RAW_ALL = new RegExp(JSON_KEEPS_RAW.source, 'g');

// One character per match (a lone surrogate is one UTF-16 unit): linear whatever the input.
const UNSAFE_FOR_A_LINE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

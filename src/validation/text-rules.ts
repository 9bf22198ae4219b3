/**
 * The one rule every string input follows (docs/decisions/string-inputs.md): its length counted in
 * Unicode code points (what the providers count), valid UTF-16 (no lone surrogate), and no control
 * character except, in multi-line text, line feed, carriage return and tab. Every check here is a
 * single linear pass over the string.
 */

export interface TextRule {
  /** The most code points the text may hold. */
  max: number;
  /** True for free text that may hold line breaks and tabs (a description); false for one line. */
  multiline?: boolean;
}

/** Code points: an emoji outside the BMP counts 1, a variation selector or a joiner counts 1 more. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 and C1 controls and DEL; one line also refuses the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const codePointName = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with `value` under `rule` (a message for a field path), or undefined when it is fine or not a string. */
export function textProblem(value: unknown, rule: TextRule): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Length first: the cheapest answer for the largest inputs, and the one a form shows.
  if (value.length > rule.max && countCharacters(value) > rule.max) return `must be at most ${rule.max} characters`;
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds a lone surrogate)';
  const control = (rule.multiline ? CONTROL_IN_MULTILINE : CONTROL_IN_ONE_LINE).exec(value);
  if (control)
    return rule.multiline
      ? `must not hold control characters other than line breaks and tabs (found ${codePointName(control[0])})`
      : `must be one line without control characters (found ${codePointName(control[0])})`;
  return undefined;
}

/** The one rule for string inputs, on its own: code points, valid Unicode, no control characters. */
import { countCharacters, textProblem } from '../../src/validation/text-rules';

test.each([
  ['ascii', 'abc', 3],
  ['accents (precomposed)', 'João', 4],
  ['an emoji outside the BMP', '😀', 1],
  ['a heart with its variation selector', '\u2764\ufe0f', 2],
  ['a family joined by ZWJ', '👩‍👩‍👧', 5],
  ['a lone surrogate', 'a\ud800', 2],
])('countCharacters counts code points: %s', (_name, text, count) => {
  expect(countCharacters(text)).toBe(count);
  expect(countCharacters(text)).toBe(Array.from(text).length);
});

test('the limit is inclusive and counted in code points', () => {
  expect(textProblem('😀'.repeat(3), { max: 3 })).toBeUndefined();
  expect(textProblem('😀'.repeat(4), { max: 3 })).toBe('must be at most 3 characters');
});

test('one-line text refuses every control character and line separator; multi-line text allows \\n, \\r and \\t', () => {
  for (const char of ['\u0000', '\n', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u2028'])
    expect(textProblem(`a${char}b`, { max: 10 })).toMatch(/one line/);
  for (const char of ['\n', '\r', '\t', '\u2028']) expect(textProblem(`a${char}b`, { max: 10, multiline: true })).toBeUndefined();
  expect(textProblem('a\u0000b', { max: 10, multiline: true })).toMatch(/U\+0000/);
});

test('lone surrogates are refused, pairs are not', () => {
  expect(textProblem('\ud800', { max: 10 })).toMatch(/lone surrogate/);
  expect(textProblem('\udc00x', { max: 10 })).toMatch(/lone surrogate/);
  expect(textProblem('😀', { max: 10 })).toBeUndefined();
});

test('values that are not strings are left to other rules', () => {
  expect(textProblem(undefined, { max: 1 })).toBeUndefined();
  expect(textProblem(42, { max: 1 })).toBeUndefined();
});

/** Bounding and escaping caller text before it is redacted, quoted or logged. */
import { CUT_WORD, escapeControlCharacters, quoteCallerText, TRUNCATION_MARK, truncateText } from '../../src/errors/bounded-text';

describe('truncateText', () => {
  test('text within the bound is returned as it is', () => {
    expect(truncateText('short text', 10)).toBe('short text');
  });

  test('a cut between words keeps the words before it and marks the cut', () => {
    expect(truncateText('alpha beta gamma delta', 11)).toBe(`alpha beta${TRUNCATION_MARK}`);
  });

  test('a word the cut goes through is replaced whole, so no fragment of it survives', () => {
    const cut = truncateText(`see ana.souza@example.com and more`, 20);
    expect(cut).toBe(`see ${CUT_WORD}${TRUNCATION_MARK}`);
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  test('one huge word becomes the placeholder: the result never exceeds the bound', () => {
    for (const max of [11, 64, 4096]) expect(truncateText('a'.repeat(90_000), max)).toBe(`${CUT_WORD}${TRUNCATION_MARK}`);
  });

  test('a surrogate pair is never split', () => {
    const text = `${'a '.repeat(4)}${'😀'.repeat(20)}`;
    const cut = truncateText(text, 22, '');
    expect(cut.length).toBeLessThanOrEqual(22);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('escapeControlCharacters', () => {
  test('newlines, ANSI escapes, DEL, C1 controls, line separators and lone surrogates become escapes', () => {
    expect(escapeControlCharacters('a\nb\r\tc\u001b[31md\u007f\u009b\u2028\ud800e')).toBe(
      'a\\nb\\r\\tc\\u001b[31md\\u007f\\u009b\\u2028\\ud800e',
    );
  });

  test('ordinary text, accents and emoji (surrogate pairs, joiners) are kept', () => {
    const text = 'João 👩‍👩‍👧 ❤️ "quoted" \\ back';
    expect(escapeControlCharacters(text)).toBe(text);
  });
});

test('quoteCallerText is short, single-line and never ends in half a surrogate pair', () => {
  expect(quoteCallerText(`x\n${'y'.repeat(100)}`, 10)).toBe(`x\\nyyyyyyyy${TRUNCATION_MARK}`);
  expect(quoteCallerText(`${'a'.repeat(9)}😀`, 10)).toBe(`${'a'.repeat(9)}${TRUNCATION_MARK}`);
});

import { describe, expect, it } from 'vitest';
import { joinParagraphs, joinWrappedLines, normalizeInline, vocabularyOf } from '../../src/normalize/text.js';

describe('normalizeInline', () => {
  it('applies NFC, turns NBSP into a space and drops zero-width characters and soft hyphens', () => {
    expect(normalizeInline('Cafe\u0301\u00a0con\u200b lec\u00adhe \ufeff')).toBe('Café con leche');
  });
  it('collapses every kind of whitespace to one space and keeps quotes and dashes', () => {
    expect(normalizeInline('  “Quoted”\t—\n dash\u2003end ')).toBe('“Quoted” — dash end');
  });
  it('composes after removing: a zero-width space between a letter and its accent, normalized twice, is the same', () => {
    const once = normalizeInline('Cafe\u200b\u0301 e\ufeff\u0308');
    expect(once).toBe('Café ë');
    expect(normalizeInline(once)).toBe(once);
  });
  // Plain ASCII lines skip the character clean-up: a control character among ASCII must still be
  // removed (not turned into a space), and every Unicode space still collapses with the rest.
  it('removes C0 controls and DEL among plain ASCII, and collapses Unicode spaces next to ASCII ones', () => {
    expect(normalizeInline('a\u000bb\u000cc\u0000d\u007fe\u0008f')).toBe('abcdef');
    expect(normalizeInline(' a \u1680\u2000\u200a\u202f\u205f\u3000\u00a0 b\r\n\tc ')).toBe('a b c');
    expect(normalizeInline('plain ASCII,\t  as  is. ')).toBe('plain ASCII, as is.');
  });
  // Text without loose whitespace is returned as it is; one stray character of it is enough to
  // need the full collapse.
  it('collapses a single tab, NBSP, newline, doubled space or edge space, and leaves normalized text alone', () => {
    for (const [s, want] of [['a\tb', 'a b'], ['a\u00a0b', 'a b'], ['a\nb', 'a b'], ['a  b', 'a b'], [' a', 'a'], ['a ', 'a'], [' ', ''], ['\u3000', '']]) {
      expect(normalizeInline(s)).toBe(want);
    }
    for (const s of ['a b c', 'Grüße aus Köln', '', 'x']) expect(normalizeInline(s)).toBe(s);
  });
  it('keeps ZWNJ, which Persian spelling needs', () => {
    expect(normalizeInline('می\u200cخواهم')).toBe('می\u200cخواهم');
  });
});

describe('joinParagraphs', () => {
  it('separates paragraphs by exactly one blank line and drops empty and repeated blocks', () => {
    expect(joinParagraphs([' One  two ', '', 'One two', '\u00a0', 'Three'])).toBe('One two\n\nThree');
  });
});

describe('joinWrappedLines', () => {
  it('joins hard-wrapped lines with a space', () => {
    expect(joinWrappedLines(['The mayor said', 'on Friday night'])).toBe('The mayor said on Friday night');
  });
  it('removes a line-end hyphen only when the document spells the joined word', () => {
    const vocab = vocabularyOf('international law');
    expect(joinWrappedLines(['an inter-', 'national treaty'], vocab)).toBe('an international treaty');
    expect(joinWrappedLines(['a well-', 'known fact'], vocab)).toBe('a well-known fact');
  });
  it('never joins onto a capitalised word', () => {
    expect(joinWrappedLines(['Austria-', 'Hungary'], vocabularyOf('austriahungary'))).toBe('Austria-Hungary');
  });
});

import { describe, expect, it } from 'vitest';
import { collapseKeepingNoBreak, foldNoBreakSpaces, joinParagraphs, joinWrappedLines, normalizeInline, normalizeParagraph, vocabularyOf } from '../../src/normalize/text.js';
import { contentHash } from '../../src/normalize/hash.js';

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
  it('drops a repeat that differs from the block before only in its no-break spaces', () => {
    expect(joinParagraphs(['Big\u00a0news today', 'Big news today', 'Then more.'])).toBe('Big\u00a0news today\n\nThen more.');
  });
  it('keeps a no-break space the page put between two words', () => {
    expect(joinParagraphs(['The letter\u00a0threatened to cut\u00a0', '10\u202fkm, 5\u2007000'])).toBe('The letter\u00a0threatened to cut\n\n10\u202fkm, 5\u2007000');
  });
});

describe('normalizeParagraph', () => {
  it('keeps a lone no-break space between words, folds one beside other whitespace, trims them at the ends', () => {
    expect(normalizeParagraph('\u00a0M.\u00a0Dupont \u00a0a dit\u00a0\u00a0oui\u00a0?\u00a0')).toBe('M.\u00a0Dupont a dit oui\u00a0?');
  });
  it('is normalizeInline for text without a no-break space', () => {
    for (const s of ['  “Quoted”\t—\n dash\u2003end ', 'Cafe\u0301 x', 'a\u000bb']) expect(normalizeParagraph(s)).toBe(normalizeInline(s));
  });
  it('folds back to what normalizeInline gives, so the two never disagree on anything but the no-break spaces', () => {
    const s = ' a\u00a0b \u3000 c\u202fd\t\u00a0e ';
    expect(foldNoBreakSpaces(normalizeParagraph(s))).toBe(normalizeInline(s));
  });
});

describe('collapseKeepingNoBreak', () => {
  it('is null without a no-break space, else the plain collapse with lone no-break spaces in place', () => {
    expect(collapseKeepingNoBreak(' a  b ')).toBeNull();
    const s = ' a\u00a0b  c \u00a0d ';
    const kept = collapseKeepingNoBreak(s)!;
    expect(kept).toBe('a\u00a0b c d');
    expect(foldNoBreakSpaces(kept)).toBe(s.replace(/\s+/g, ' ').trim());
  });
});

describe('contentHash', () => {
  // Two copies of an article that differ only in how the page encoded a space are one article,
  // and a body stored with its no-break spaces hashes as the plain-space body always did.
  it('hashes no-break spaces as plain ones', () => {
    expect(contentHash('Big\u00a0news', 'The letter\u00a0threatened')).toBe(contentHash('Big news', 'The letter threatened'));
    expect(contentHash('Big news', 'a b')).not.toBe(contentHash('Big news', 'ab'));
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

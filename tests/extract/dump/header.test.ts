import { describe, expect, it } from 'vitest';
import { fieldsFromObject, parseHeaderLines } from '../../../src/extract/dump/header.js';

describe('stated metadata', () => {
  it('maps the usual keys onto fields, the more specific key winning', () => {
    expect(fieldsFromObject({
      title: 'T', description: 'meta description', subtitle: 'Visible dek', tags: ['a', 'b'], section: 'World',
      authors: ['Ann', 'Bob'], date: '2020-01-01', published: '2020-01-02T10:00:00Z', canonical_url: 'https://x.org/a', language: 'de',
    })).toEqual({
      headline: 'T', deck: 'Visible dek', tag: 'World', byline: 'Ann, Bob', published: '2020-01-02T10:00:00Z', url: 'https://x.org/a', lang: 'de',
    });
  });
  it('reads author objects and dates', () => {
    expect(fieldsFromObject({ author: { name: 'Ann' }, date: new Date('2020-01-02T00:00:00Z') })).toEqual({ byline: 'Ann', published: '2020-01-02T00:00:00.000Z' });
  });
  it('parses reader-style header lines up to the content marker', () => {
    const r = parseHeaderLines(['Title: A Story', '', 'URL Source: https://x.org/a', 'Published Time: 2020-01-02', 'Markdown Content:', 'Body text.']);
    expect(r).toEqual({ meta: { fields: { headline: 'A Story', url: 'https://x.org/a', published: '2020-01-02' }, source: 'text:header' }, consumed: 5 });
  });
  it('ignores text that merely starts with a colon line', () => {
    expect(parseHeaderLines(['Note: this is prose, not a header.', 'More prose.'])).toBeNull();
    expect(parseHeaderLines(['Title: only one key', '', 'Body text.'])).toBeNull();
  });
});

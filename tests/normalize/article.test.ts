import { describe, expect, it } from 'vitest';
import { normalizeLang, normalizeUrl, toArticle } from '../../src/normalize/article.js';
import { emptyExtraction } from '../../src/extract/empty.js';

describe('toArticle', () => {
  it('normalizes every field and derives word_count and content_hash', () => {
    const a = toArticle({
      ...emptyExtraction(),
      headline: '  Big\u00a0news &amp; more\n',
      deck: '',
      tag: ' Politics ',
      published: 'Dec 15, 2016',
      lang: 'en_us',
      url: 'https://example.com/a b',
      body: ['First  para.', '', 'Second\u200b para.'],
      provenance: { headline: 'text:line-1' },
    }, { source: 'x.txt', format: 'text', decodeEntities: true });
    expect(a).toMatchObject({
      headline: 'Big news & more', deck: null, tag: 'Politics', published: '2016-12-15', lang: 'en-US',
      url: 'https://example.com/a%20b', body: 'First para.\n\nSecond para.', word_count: 4, source: 'x.txt', format: 'text',
    });
    expect(a.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves entity-like text alone for HTML, which the parser already decoded', () => {
    const a = toArticle({ ...emptyExtraction(), headline: 'AT&amp;T' }, { source: 'x.html', format: 'html', decodeEntities: false });
    expect(a.headline).toBe('AT&amp;T');
  });
});

describe('normalizeLang / normalizeUrl', () => {
  it('canonicalises language tags and refuses junk', () => {
    expect(normalizeLang('zh-hans-cn')).toBe('zh-Hans-CN');
    expect(normalizeLang('English')).toBeNull();
  });
  it('keeps only absolute http(s) URLs', () => {
    expect(normalizeUrl('/relative/path')).toBeNull();
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl(' https://example.com/x ')).toBe('https://example.com/x');
  });
});

import { describe, expect, it } from 'vitest';
import { DENSE_WEIGHT, endsLikeSentence, isAddress, measure } from '../../../../src/extract/html/body/text-metrics.js';

describe('measure', () => {
  it('counts non-space characters and clause punctuation', () => {
    expect(measure(' a, b;\u00a0c ')).toEqual({ chars: 5, punct: 2 });
  });
  it('weights dense scripts so one threshold fits Chinese, Japanese and Korean', () => {
    expect(measure('中文，日本語、한국').chars).toBe(9 * DENSE_WEIGHT);
    expect(measure('中文，日本語、한국').punct).toBe(2);
    expect(measure('这是一个句子。').punct).toBe(1);
  });
  it('counts Arabic commas', () => {
    expect(measure('قال، ثم').punct).toBe(1);
  });
});

describe('endsLikeSentence', () => {
  it('recognizes sentence ends across scripts', () => {
    for (const s of ['Done.', 'Really?', '“Quoted.”', '完了。', 'هل؟']) expect(endsLikeSentence(s)).toBe(true);
    expect(endsLikeSentence('Read more')).toBe(false);
  });
});

describe('isAddress', () => {
  it('recognizes one written-out web address, not a title that mentions one', () => {
    expect(isAddress(' https://example.org/a/b?c=1 ')).toBe(true);
    expect(isAddress('www.example.net/flame')).toBe(true);
    expect(isAddress('Read the docs at https://example.org')).toBe(false);
    expect(isAddress('Example.org launches a new site')).toBe(false);
  });
});

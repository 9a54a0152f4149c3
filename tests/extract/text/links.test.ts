import { describe, expect, it } from 'vitest';
import { pathologicalCases } from '../../../bench/pathological.js';
import { stripReferences } from '../../../src/extract/text/links.js';
import { extractText } from '../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

describe('stripReferences', () => {
  it('cuts a lynx reference list of any length (30,000 links: a cap on the walk left it in the body)', () => {
    const refs = Array.from({ length: 30_000 }, (_, i) => `${String(i + 1).padStart(6)}. https://example.com/p/${i}`);
    const lines = ['Headline', '', 'Body paragraph.', '', 'References', '', ...refs];
    expect(stripReferences(lines)).toEqual(['Headline', '', 'Body paragraph.', '']);
  });

  it('a text dump of a 30k-link page keeps no URL of its reference list in the body', () => {
    const c = pathologicalCases(0.3)[0]!;
    const x = extractText(c.text, DEFAULT_EXTRACT_OPTIONS);
    expect(x.headline).toBe('Harbour works finish early');
    expect(x.body.join('\n')).not.toContain('https://example.com/');
  });
});

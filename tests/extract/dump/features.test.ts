import { describe, expect, it } from 'vitest';
import { ruleLayout } from '../../../src/extract/dump/article.js';
import { blockFeatures, FEATURE_COUNT, FEATURE_NAMES } from '../../../src/extract/dump/features.js';
import { parseTextDump } from '../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

const DUMP = ['Home', 'World', '', 'Politics', '', 'Storm Closes Harbor for Three Days', '', 'By Jane Doe', 'March 3, 2017', '',
  'The harbor closed on Tuesday as the storm arrived, and officials said it would stay shut until the weekend at least.', '',
  'Fishing crews moved their boats inland, and the ferry service stopped running for the first time in ten years.', '', 'Contact Us'].join('\n');

function features(text: string) {
  const dump = parseTextDump(text);
  return { dump, f: blockFeatures(dump, ruleLayout(dump.blocks, DEFAULT_EXTRACT_OPTIONS, dump).layout) };
}
const col = (name: string) => FEATURE_NAMES.indexOf(name);

describe('blockFeatures', () => {
  it('gives one named row per block', () => {
    const { dump, f } = features(DUMP);
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_COUNT);
    expect(f.length).toBe(dump.blocks.length * FEATURE_COUNT);
  });

  it('measures what a block looks like', () => {
    const { dump, f } = features(DUMP);
    const at = (text: string, name: string) => f[dump.blocks.findIndex((b) => b.text === text) * FEATURE_COUNT + col(name)];
    expect(at('By Jane Doe', 'byline')).toBe(1);
    expect(at('March 3, 2017', 'dateLine')).toBe(1);
    expect(at('Storm Closes Harbor for Three Days', 'ends')).toBe(0);
    expect(at('Storm Closes Harbor for Three Days', 'ruleHeadline')).toBe(1);
    expect(at('Contact Us', 'boiler')).toBeGreaterThanOrEqual(0);
    expect(at('Politics', 'boiler')).toBe(-1);
  });

  it('copies the neighbours\' facts, missing beyond the edges', () => {
    const { dump, f } = features(DUMP);
    const n = dump.blocks.length;
    expect(f[1 * FEATURE_COUNT + col('words@-1')]).toBe(f[0 * FEATURE_COUNT + col('words')]);
    expect(f[0 * FEATURE_COUNT + col('words@-1')]).toBeNaN();
    expect(f[(n - 1) * FEATURE_COUNT + col('words@+1')]).toBeNaN();
  });

  it('is the same for the same dump', () => {
    expect(features(DUMP).f).toEqual(features(DUMP).f);
  });
});

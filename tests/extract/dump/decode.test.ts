import { describe, expect, it } from 'vitest';
import { decodeLayout } from '../../../src/extract/dump/decode.js';
import { LABEL_COUNT, LABELS, type Label } from '../../../src/extract/dump/labels.js';

/** Log-probabilities from per-block favourite labels (0.9 to it, the rest shared). */
function scores(favourites: Label[], strength = 0.9): Float64Array {
  const out = new Float64Array(favourites.length * LABEL_COUNT);
  favourites.forEach((f, i) => {
    for (let l = 0; l < LABEL_COUNT; l++) out[i * LABEL_COUNT + l] = Math.log(LABELS[l] === f ? strength : (1 - strength) / (LABEL_COUNT - 1));
  });
  return out;
}
const names = (labels: Int8Array | null) => labels && [...labels].map((l) => LABELS[l]);

describe('decodeLayout', () => {
  it('keeps a labelling that fits the grammar', () => {
    const want: Label[] = ['chrome', 'tag', 'headline', 'deck', 'meta', 'body', 'body', 'chrome', 'body', 'chrome'];
    expect(names(decodeLayout(scores(want), want.length))).toEqual(want);
  });

  it('never puts a tag below the headline or a deck above it', () => {
    const got = names(decodeLayout(scores(['chrome', 'deck', 'headline', 'tag', 'body', 'body']), 6))!;
    expect(got.indexOf('headline')).toBeGreaterThan(-1);
    const h = got.indexOf('headline');
    expect(got.slice(h + 1)).not.toContain('tag');
    expect(got.slice(0, h)).not.toContain('deck');
  });

  it('gives one headline, at most one tag and deck, and a body after them', () => {
    const got = names(decodeLayout(scores(['headline', 'headline', 'deck', 'deck', 'body', 'headline', 'body']), 7))!;
    expect(got.filter((l) => l === 'headline')).toHaveLength(1);
    expect(got.filter((l) => l === 'deck').length).toBeLessThanOrEqual(1);
    expect(got.lastIndexOf('body')).toBeGreaterThan(got.indexOf('headline'));
  });

  it('chooses the most probable headline when several blocks want it', () => {
    const s = scores(['headline', 'headline', 'body', 'body']);
    s[1 * LABEL_COUNT + LABELS.indexOf('headline')] = Math.log(0.99);
    expect(names(decodeLayout(s, 4))).toEqual(['chrome', 'headline', 'body', 'body']);
  });

  it('has no labelling for fewer than two blocks', () => {
    expect(decodeLayout(scores(['body']), 1)).toBeNull();
  });
});

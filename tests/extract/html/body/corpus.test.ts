// Floors measured on ../shared/corpus/html (body extractor alone, naive headline hint, balanced
// mode). They only go up: raise them when the extractor improves.
import { describe, expect, it } from 'vitest';
import { corpusAvailable, runCorpus, type CorpusRun } from '../../../../scripts/lib/html-body-corpus.js';

const HAVE = corpusAvailable();
if (!HAVE) console.warn('skipping: ../shared/corpus not found');

const FLOORS = {
  readabilityBodyF1: 0.975,
  readabilityPrecision: 0.992,
  trafilaturaMustInclude: 0.975,
  /** A ceiling: must_exclude + comments snippets found in the body. */
  trafilaturaMustExcludeLeak: 0.005,
  postlightBodyStartStrict: 0.75,
  postlightBodyStartTolerant: 0.82,
  /** Against Defuddle's Markdown bodies (9 blog posts: footnotes, formulas, code). */
  defuddleBodyF1: 0.975,
  filesPerSecond: 15,
};

describe.skipIf(!HAVE)('HTML body on the development corpus', () => {
  let run: CorpusRun;
  it('runs over every page without throwing', async () => {
    run = await runCorpus('balanced');
    expect(run.preds.length).toBe(262);
  }, 300_000);
  it('matches the Readability-derived bodies', () => {
    expect(run.bySource.readability!.body_f1!.value!).toBeGreaterThanOrEqual(FLOORS.readabilityBodyF1);
    expect(run.bySource.readability!.body_precision!.value!).toBeGreaterThanOrEqual(FLOORS.readabilityPrecision);
  });
  it('keeps the trafilatura must_include snippets and leaks no must_exclude ones', () => {
    expect(run.bySource.trafilatura!.must_include_hit_rate!.value!).toBeGreaterThanOrEqual(FLOORS.trafilaturaMustInclude);
    expect(run.bySource.trafilatura!.must_exclude_leak_rate!.value!).toBeLessThanOrEqual(FLOORS.trafilaturaMustExcludeLeak);
  });
  it('begins where the Postlight bodies begin', () => {
    expect(run.bodyStart.strict).toBeGreaterThanOrEqual(FLOORS.postlightBodyStartStrict);
    expect(run.bodyStart.tolerant).toBeGreaterThanOrEqual(FLOORS.postlightBodyStartTolerant);
  });
  it('matches the Defuddle bodies of the blog posts', () => {
    expect(run.defuddle.f1).toBeGreaterThanOrEqual(FLOORS.defuddleBodyF1);
  });
  it('calls none of these articles a listing, and returns a body for every one', () => {
    expect(run.preds.filter((p) => p.notArticle).map((p) => p.id)).toEqual([]);
    expect(run.preds.filter((p) => p.body === '').map((p) => p.id)).toEqual([]);
  });
  it('stays fast (parse + body, in-process; generous for a loaded machine)', () => {
    expect(run.preds.length / (run.ms / 1000)).toBeGreaterThanOrEqual(FLOORS.filesPerSecond);
  });
});

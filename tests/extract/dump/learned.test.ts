// The shipped labeller: its weights file is usable by this build, it labels full-page dumps, and
// clean dumps stay with the rule cascade (leave-site-out, the rules score higher there).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDumpModel, dumpModel, MODEL_URL, useDumpModel } from '../../../src/extract/dump/model.js';
import { processDocument } from '../../../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

const sample = (name: string) => ({ source: name, bytes: readFileSync(new URL(`../../../samples/${name}`, import.meta.url)) });
const run = (name: string) => processDocument(sample(name), DEFAULT_EXTRACT_OPTIONS);

afterEach(() => useDumpModel(undefined));

describe('the shipped dump labeller', () => {
  it('is a weights file of at most 2 MB that this build accepts', () => {
    expect(statSync(fileURLToPath(MODEL_URL)).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(checkDumpModel(JSON.parse(readFileSync(MODEL_URL, 'utf8')))).toBeNull();
    expect(dumpModel()).not.toBeNull();
  });

  it('refuses a file whose features are not this build\'s', () => {
    const m = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as { features: string[] };
    m.features = [...m.features.slice(1), 'renamed'];
    expect(checkDumpModel(m)).toMatch(/features differ/);
  });

  it('labels a full-page dump: headline, deck and body from the model, the chrome left out', () => {
    const r = run('city-council-bike-lanes.txt');
    expect(r.provenance.body).toMatch(/:model$/);
    expect(r.headline).toBe('City Council Approves Protected Bike Lanes on Harbor Avenue After Two-Year Fight');
    expect(r.deck).toMatch(/^The 7-2 vote clears the way/);
    expect(r.tag).toBe('Local News');
    expect(r.body).toMatch(/^After more than two years of hearings/);
    expect(r.body).not.toMatch(/Skip to main content|Share this article|Subscribe/);
    useDumpModel(null);
    expect(run('city-council-bike-lanes.txt').provenance.body).not.toMatch(/:model$/);
  });

  it('reads the kicker above a headline printed twice, and a trail that lost its separators', () => {
    const page = readFileSync(new URL('../../../samples/city-council-bike-lanes.txt', import.meta.url), 'utf8');
    const H = 'City Council Approves Protected Bike Lanes on Harbor Avenue After Two-Year Fight';
    const variant = (kicker: string, copies: number) => processDocument({
      source: 'variant.txt',
      bytes: Buffer.from(page.replace(`Local News\n\n${H}\n`, `${kicker}\n${`${H}\n`.repeat(copies)}`)),
    }, DEFAULT_EXTRACT_OPTIONS);
    for (const [kicker, copies] of [['Local News', 2], ['Home Local News', 1], ['Home Local News', 2]] as const) {
      const r = variant(kicker, copies);
      expect(r.headline, `${kicker} ×${copies}`).toBe(H);
      expect(r.tag, `${kicker} ×${copies}`).toBe('Local News');
    }
  });

  it('leaves a clean dump to the rules, byte for byte', () => {
    for (const name of ['library-reopens-clean.txt', 'nbc-sanctuary-seed.txt']) {
      const learned = run(name);
      useDumpModel(null);
      const rules = run(name);
      useDumpModel(undefined);
      expect(learned.provenance.body).not.toMatch(/:model$/);
      expect(learned).toEqual(rules);
    }
  });
});

// Store throughput: rows/s written in batches (one transaction per batch, as the CLI does) versus
// one transaction per row, and batched with the full-text index deferred to one catch-up at the end
// (what a bulk `lede ingest` does), measured in the same run on the same machine, so the ratios are
// what means something. Also times a re-ingest of the same rows (all "unchanged") and a search.
//
//   npx tsx bench/store-bench.ts [--rows 5000] [--batch 250] [--words 600]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentHash } from '../src/normalize/hash.js';
import { openStore } from '../src/store/index.js';
import type { Article } from '../src/types.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000' }, batch: { type: 'string', default: '250' }, words: { type: 'string', default: '600' } },
});
const ROWS = Number(values.rows);
const BATCH = Number(values.batch);
const WORDS = Number(values.words);

// Deterministic pseudo-text: the bench must not depend on corpus files or on Math.random.
let seed = 42;
function rand(): number {
  // mulberry32: 32-bit integer arithmetic throughout (Math.imul), so it never loses precision.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const VOCAB = Array.from({ length: 20000 }, (_, i) => i.toString(36).replace(/\d/g, (d) => 'aeiouyrstl'[Number(d)]!) + 'an');
// Skewed towards the first words, as real text is (a few words make up most of any article), so
// the full-text index sees realistic term repetition.
const words = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(rand() ** 3 * VOCAB.length)]).join(' ');

function makeArticles(n: number, tag: string): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const headline = `${tag} ${words(8)}`;
    const body = Array.from({ length: Math.ceil(WORDS / 60) }, () => words(60) + '.').join('\n\n');
    return {
      id: null, source: `${tag}/${i}.html`, format: 'html', url: `https://example.org/${tag}/${i}`, tag, headline,
      deck: words(14), byline: 'A. Writer', published: '2024-05-01', lang: 'en', body, word_count: WORDS,
      content_hash: contentHash(headline, body), ingested_at: null, provenance: { headline: 'h1', body: 'score' },
    };
  });
}

interface Took { wall: number; cpu: number }
/** Wall-clock and CPU seconds: on a busy machine the CPU figure is the steadier of the two. */
function time<T>(fn: () => T): [T, Took] {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = fn();
  const c = process.cpuUsage(c0);
  return [r, { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 }];
}

const dir = mkdtempSync(join(tmpdir(), 'lede-store-bench-'));
try {
  const store = openStore(join(dir, 'bench.db'));
  const batched = makeArticles(ROWS, 'batched');
  const single = makeArticles(ROWS, 'single');
  const deferred = makeArticles(ROWS, 'deferred');

  const [, tBatched] = time(() => {
    for (let i = 0; i < batched.length; i += BATCH) store.saveBatch(batched.slice(i, i + BATCH));
  });
  // Onto the rows above (an incremental bulk run): the catch-up indexes only the new rows.
  const [, tDeferred] = time(() => {
    store.deferIndex();
    for (let i = 0; i < deferred.length; i += BATCH) store.saveBatch(deferred.slice(i, i + BATCH));
    for (const _ of store.catchUpIndex());
  });
  const [, tSingle] = time(() => {
    for (const a of single) store.saveBatch([a]);
  });
  const [outcomes, tAgain] = time(() => {
    const out: string[] = [];
    for (let i = 0; i < batched.length; i += BATCH) for (const r of store.saveBatch(batched.slice(i, i + BATCH))) out.push(r.outcome);
    return out;
  });
  const probe = VOCAB[4000]!;
  const [hits, tSearch] = time(() => store.search(probe, { limit: 20 }));
  const total = store.count();
  store.close();

  const rate = (s: number) => Math.round(ROWS / s).toLocaleString('en').padStart(8);
  const line = (label: string, t: Took) => console.log(`${label.padEnd(38)} ${rate(t.wall)} rows/s wall  ${rate(t.cpu)} rows/s CPU`);
  console.log(`rows per mode ${ROWS}, batch ${BATCH}, body ≈ ${WORDS} words; ${total} rows in the file at the end`);
  line(`batched (one transaction / ${BATCH} rows)`, tBatched);
  line('batched, index deferred to the end', tDeferred);
  console.log(`${'ratio deferred / batched'.padEnd(38)} ${(tBatched.wall / tDeferred.wall).toFixed(1).padStart(7)}× wall  ${(tBatched.cpu / tDeferred.cpu).toFixed(1).padStart(13)}× CPU`);
  line('one transaction per row', tSingle);
  console.log(`${'ratio batched / per-row'.padEnd(38)} ${(tSingle.wall / tBatched.wall).toFixed(1).padStart(7)}× wall  ${(tSingle.cpu / tBatched.cpu).toFixed(1).padStart(13)}× CPU`);
  line(`re-ingest (${outcomes.filter((o) => o === 'unchanged').length}/${ROWS} unchanged)`, tAgain);
  console.log(`search "${probe}" over ${total} rows: ${(tSearch.wall * 1000).toFixed(1)} ms, ${hits.length} hits`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

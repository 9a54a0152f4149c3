// Clean seed-shaped dumps (issue 7): generate N dumps from ../shared/corpus/text's truth, run each
// through the real pipeline and print the figures beside the targets, then the first
// failures per field so it is visible what breaks.
//   npx tsx bench/clean-eval.ts [--n 2000] [--seed 7] [--show 10]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS, SCORER } from './eval-lib.js';
import { cleanDumps, fieldOk, scoreClean, type CleanDump, type CleanField, type CleanPrediction, type CleanSource } from '../src/learn/clean-dumps.js';
import { processDocument } from '../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/types.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 2000), SEED = arg('seed', 7), SHOW = arg('show', 10);

const truthFile = join(CORPUS, 'truth/text.jsonl');
if (!existsSync(truthFile)) {
  console.error(`clean-eval: ${truthFile} not found (needs ../shared beside the repo)`);
  process.exit(2);
}
const sources: CleanSource[] = readFileSync(truthFile, 'utf8').split('\n').filter(Boolean).map((l) => {
  const r = JSON.parse(l) as Record<string, string | undefined>;
  return { id: r.id!, headline: r.headline!, body: r.body!, deck: r.deck ?? null, tag: r.tag ?? null };
});

const dumps = cleanDumps(sources, N, SEED);
const enc = new TextEncoder();
const t0 = performance.now();
const preds: CleanPrediction[] = dumps.map((d) => {
  try {
    const a = processDocument({ source: `${d.id}.txt`, bytes: enc.encode(d.text), format: 'text' }, DEFAULT_EXTRACT_OPTIONS);
    return { headline: a.headline, deck: a.deck, tag: a.tag, body: a.body };
  } catch (e) {
    return { headline: null, deck: null, tag: null, body: '', error: String(e) } as CleanPrediction;
  }
});
const ms = performance.now() - t0;

// Cross-check the ported body F1 against the real scorer, so the figures mean what score.mjs means.
const scorer = (await import(pathToFileURL(SCORER).href)) as {
  shingleMatch: (t: string, p: string) => [number, number, number];
  aggregate: (x: [number, number, number][]) => { f1: number };
  normHeadline: (s: unknown) => string;
};
const realF1 = scorer.aggregate(dumps.map((d, i) => scorer.shingleMatch(d.truth.body, preds[i]!.body))).f1;
const realHeadline = dumps.filter((d, i) => scorer.normHeadline(preds[i]!.headline) === scorer.normHeadline(d.truth.headline)).length / dumps.length;

const s = scoreClean(dumps, preds);
const rows: [string, { value: number; n: number }, number][] = [
  ['headline exact', s.headline, 0.998],
  ['tag exact (shown)', s.tag, 0.995],
  ['tag none (not shown)', s.tagNone, 0.98],
  ['deck exact (shown)', s.deck, 0.99],
  ['deck none (not shown)', s.deckNone, 0.98],
  ['body F1', s.bodyF1, 0.995],
];
const count = (f: (d: CleanDump) => boolean): number => dumps.filter(f).length;
console.log(`clean seed-shaped dumps: ${N} from ${sources.length} sources (seed ${SEED}); ` +
  `CRLF ${count((d) => d.text.includes('\r\n'))}, one-line ${count((d) => !/\n[ \t]*\r?\n/.test(d.text))}, ` +
  `tag shown ${s.tag.n}, deck shown ${s.deck.n}; ${(ms / N).toFixed(2)} ms/dump`);
console.log('');
console.log('metric                    value    n      target  ');
for (const [name, v, target] of rows) {
  console.log(`${name.padEnd(24)}  ${v.value.toFixed(4)}  ${String(v.n).padEnd(5)}  ≥ ${target}  ${v.value >= target ? 'met' : 'MISSED'}`);
}
console.log(`(score.mjs on the same predictions: body F1 ${realF1.toFixed(4)}, headline ${realHeadline.toFixed(4)})`);
console.log(`body exact (no shingle mismatch): ${(count((d) => fieldOk(d, preds[dumps.indexOf(d)]!, 'body') === true) / N).toFixed(4)}`);

const excerpt = (t: string, n = 360): string => {
  const v = JSON.stringify(t);
  return v.length > n ? v.slice(0, n) + '…"' : v;
};
const show = (x: string | null): string => (x === null ? 'null' : excerpt(x, 200));
const FIELDS: [CleanField, (d: CleanDump) => string | null, (p: CleanPrediction) => string | null][] = [
  ['headline', (d) => d.truth.headline, (p) => p.headline],
  ['tag', (d) => d.truth.tag, (p) => p.tag],
  ['tagNone', () => null, (p) => p.tag],
  ['deck', (d) => d.truth.deck, (p) => p.deck],
  ['deckNone', () => null, (p) => p.deck],
  ['body', (d) => d.truth.body, (p) => p.body],
];
for (const [f, want, got] of FIELDS) {
  const fails = dumps.map((d, i) => [d, preds[i]!] as const).filter(([d, p]) => fieldOk(d, p, f) === false);
  if (fails.length === 0) continue;
  console.log(`\n## ${f}: ${fails.length} failures (first ${Math.min(SHOW, fails.length)})`);
  for (const [d, p] of fails.slice(0, SHOW)) {
    console.log(`- ${d.id}\n  text: ${excerpt(d.text)}`);
    if (f === 'body') {
      const w = want(d)!, g = got(p) ?? '';
      // Where the body differs: the first and last paragraphs of each side tell start/end errors apart.
      const wp = w.split('\n\n'), gp = g.split('\n\n');
      console.log(`  want: ${wp.length} paras, first ${show(wp[0]!)} last ${show(wp.at(-1)!)}`);
      console.log(`  got:  ${gp.length} paras, first ${show(gp[0]!)} last ${show(gp.at(-1)!)}`);
    } else {
      console.log(`  want: ${show(want(d))}\n  got:  ${show(got(p))}`);
    }
  }
}

// Measures the HTML body extractor alone, before (and independently of) the HTML field wiring:
// runs extractHtmlBody on every ../shared/corpus/html page and prints
//   - body F1 / precision / recall (score.mjs, 4-word shingles) on pages with a body truth,
//   - must_include hit rate and must_exclude leak rate (trafilatura pages),
//   - the share of Postlight pages whose body begins where the truth's body_start begins,
//   - notArticle count and files/s.
//   npx tsx scripts/html-body-eval.ts [--mode balanced|precision|recall] [--per-page FILE] [--only SUBSTR]
// Headline hints come from a deliberately naive reading (first <h1>, else og:title), so the figures
// do not depend on the field extractor's progress.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadHtml } from '../src/extract/html/load.js';
import { extractHtmlBody } from '../src/extract/html/body/index.js';
import { joinParagraphs } from '../src/normalize/text.js';
import { DEFAULT_EXTRACT_OPTIONS, type Mode } from '../src/types.js';
import { bodyStartMatch } from './lib/body-start.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const SCORER = resolve(ROOT, '../shared/tools/score.mjs');

interface Truth { id: string; source: string; body_start?: string; flags?: string[]; [k: string]: unknown }
interface PageScore {
  id: string; source: string; body_f1_page: number | null; body_precision: number | null; body_recall: number | null;
  must_include_missed: string[]; must_exclude_leaked: string[];
}
interface Scorer {
  score: (t: Truth[], p: object[], o: object) => { summary: { by_source: Record<string, { metrics: Record<string, { value: number | null; n: number }> }> }; pages: PageScore[] };
}

const { values } = parseArgs({
  options: { mode: { type: 'string' }, 'per-page': { type: 'string' }, only: { type: 'string' }, slow: { type: 'boolean' } },
});
const mode = (values.mode ?? 'balanced') as Mode;
const options = { ...DEFAULT_EXTRACT_OPTIONS, mode };

const truth = readFileSync(join(CORPUS, 'truth', 'html.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as Truth)
  .filter((t) => !values.only || t.id.includes(values.only));
const ids = new Set(truth.map((t) => t.id));
const files = readdirSync(join(CORPUS, 'html')).filter((f) => ids.has(f.replace(/\.html?$/, ''))).sort();

const preds: { id: string; body: string; notArticle: boolean; rule: string; ms: number }[] = [];
let totalMs = 0;
for (const f of files) {
  const html = readFileSync(join(CORPUS, 'html', f), 'utf8');
  const t0 = performance.now();
  const $ = loadHtml(html);
  const headline = $('h1').first().text().trim() || $('meta[property="og:title"]').attr('content') || null;
  const r = extractHtmlBody($, { headline, deck: null }, options);
  const ms = performance.now() - t0;
  totalMs += ms;
  preds.push({ id: f.replace(/\.html?$/, ''), body: joinParagraphs(r.blocks), notArticle: r.notArticle, rule: r.rule, ms });
}

const { score } = (await import(pathToFileURL(SCORER).href)) as Scorer;
const { summary, pages } = score(truth, preds.map((p) => ({ id: p.id, body: p.body })), { nBootstrap: 0, bySource: true });
const fmt = (v: { value: number | null; n: number } | undefined) => (v && v.n ? `${v.value!.toFixed(4)} (${v.n})` : '–');

const out: string[] = [`mode ${mode}: ${files.length} files, ${(files.length / (totalMs / 1000)).toFixed(1)} files/s (parse + body)`];
for (const [src, s] of Object.entries(summary.by_source)) {
  const m = s.metrics;
  out.push(`${src.padEnd(12)} body F1 ${fmt(m.body_f1)}  P ${fmt(m.body_precision)}  R ${fmt(m.body_recall)}`
    + `  incl ${fmt(m.must_include_hit_rate)}  leak ${fmt(m.must_exclude_leak_rate)}`);
}

// body_start: strict (our body begins with all of it) and, on pages whose truth begins with a caption
// or page UI text (flagged), tolerant (our body begins somewhere inside it and runs to its end).
const byId = new Map(preds.map((p) => [p.id, p]));
let strict = 0, tolerant = 0, n = 0;
const startFails: string[] = [];
for (const t of truth) {
  if (t.source !== 'postlight' || !t.body_start) continue;
  n++;
  const body = byId.get(t.id)?.body ?? '';
  const flagged = (t.flags ?? []).some((f) => f.startsWith('body_start'));
  const m = bodyStartMatch(body, t.body_start);
  if (m === 'strict') strict++;
  if (m === 'strict' || (flagged && m === 'suffix')) tolerant++;
  else startFails.push(`${t.id}: want «${t.body_start.slice(0, 70)}» got «${body.slice(0, 70).replace(/\n/g, ' ⏎ ')}»`);
}
out.push(`postlight body_start: strict ${(strict / n).toFixed(3)}, flag-tolerant ${(tolerant / n).toFixed(3)} (${n})`);
const notArticles = preds.filter((p) => p.notArticle).map((p) => p.id);
out.push(`notArticle: ${notArticles.length} ${notArticles.join(' ')}`);
const slow = [...preds].sort((a, b) => b.ms - a.ms).slice(0, 5).map((p) => `${p.id} ${p.ms.toFixed(0)}ms`);
out.push(`slowest: ${slow.join(', ')}`);
const rules = new Map<string, number>();
for (const p of preds) rules.set(p.rule, (rules.get(p.rule) ?? 0) + 1);
out.push(`rules: ${[...rules].map(([k, v]) => `${k} ${v}`).join(', ')}`);
process.stdout.write(out.join('\n') + '\n');

if (values['per-page']) {
  const lines = pages.map((p) => JSON.stringify({
    id: p.id, f1: p.body_f1_page, p: p.body_precision, r: p.body_recall,
    missed: p.must_include_missed, leaked: p.must_exclude_leaked, rule: byId.get(p.id)?.rule,
    notArticle: byId.get(p.id)?.notArticle,
  }));
  writeFileSync(values['per-page'], lines.join('\n') + '\n' + startFails.map((s) => JSON.stringify({ start: s })).join('\n') + '\n');
}

// Measures the HTML body extractor alone, independently of the HTML field wiring: runs
// extractHtmlBody on every ../shared/corpus/html page and prints
//   - body F1 / precision / recall (score.mjs, 4-word shingles) on pages with a body truth,
//   - must_include hit rate and must_exclude leak rate (trafilatura pages),
//   - the share of Postlight pages whose body begins where the truth's body_start begins,
//   - notArticle count, rules used and files/s (parse + body).
//   npx tsx scripts/html-body-eval.ts [--mode balanced|precision|recall] [--per-page FILE] [--only SUBSTR]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Mode } from '../src/types.js';
import { corpusAvailable, runCorpus, type Metric } from './lib/html-body-corpus.js';

const { values } = parseArgs({ options: { mode: { type: 'string' }, 'per-page': { type: 'string' }, only: { type: 'string' } } });
if (!corpusAvailable()) {
  process.stderr.write('html-body-eval: ../shared/corpus or ../shared/tools/score.mjs not found\n');
  process.exit(2);
}
const mode = (values.mode ?? 'balanced') as Mode;
const run = await runCorpus(mode, values.only);
const fmt = (v: Metric | undefined) => (v && v.n ? `${v.value!.toFixed(4)} (${v.n})` : '–');

const out: string[] = [`mode ${mode}: ${run.preds.length} files, ${(run.preds.length / (run.ms / 1000)).toFixed(1)} files/s (parse + body)`];
for (const [src, m] of Object.entries(run.bySource)) {
  out.push(`${src.padEnd(12)} body F1 ${fmt(m.body_f1)}  P ${fmt(m.body_precision)}  R ${fmt(m.body_recall)}`
    + `  incl ${fmt(m.must_include_hit_rate)}  leak ${fmt(m.must_exclude_leak_rate)}`);
}
const d = run.defuddle;
out.push(`defuddle md  body F1 ${d.f1.toFixed(4)} (${d.n})  P ${d.precision.toFixed(4)}  R ${d.recall.toFixed(4)}`);
const bs = run.bodyStart;
out.push(`postlight body_start: strict ${bs.strict.toFixed(3)}, flag-tolerant ${bs.tolerant.toFixed(3)} (${bs.n})`);
const notArticles = run.preds.filter((p) => p.notArticle).map((p) => p.id);
out.push(`notArticle: ${notArticles.length} ${notArticles.join(' ')}`);
const slow = [...run.preds].sort((a, b) => b.ms - a.ms).slice(0, 5).map((p) => `${p.id} ${p.ms.toFixed(0)}ms`);
out.push(`slowest: ${slow.join(', ')}`);
const rules = new Map<string, number>();
for (const p of run.preds) rules.set(p.rule, (rules.get(p.rule) ?? 0) + 1);
out.push(`rules: ${[...rules].map(([k, v]) => `${k} ${v}`).join(', ')}`);
process.stdout.write(out.join('\n') + '\n');

if (values['per-page']) {
  const byId = new Map(run.preds.map((p) => [p.id, p]));
  const lines = run.pages.map((p) => JSON.stringify({
    id: p.id, f1: p.body_f1_page, p: p.body_precision, r: p.body_recall,
    missed: p.must_include_missed, leaked: p.must_exclude_leaked, rule: byId.get(p.id)?.rule, notArticle: byId.get(p.id)?.notArticle,
  }));
  writeFileSync(values['per-page'], [...lines, ...bs.fails.map((s) => JSON.stringify({ start: s }))].join('\n') + '\n');
}

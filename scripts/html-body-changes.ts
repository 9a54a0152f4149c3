// What a change to the body extractor did, page by page: runs it over ../shared/corpus/html,
// saves the bodies to OUT (JSON Lines), and when BEFORE (a file saved the same way) is given
// lists every page whose body changed with the blocks it lost (-) and gained (+); then the
// headline figures. Run it once before a change and once after.
//   npx tsx scripts/html-body-changes.ts OUT.jsonl [BEFORE.jsonl]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { corpusAvailable, runCorpus } from './lib/html-body-corpus.js';

const [out, before] = process.argv.slice(2);
if (!out) throw new Error('usage: html-body-changes.ts OUT.jsonl [BEFORE.jsonl]');
if (!corpusAvailable()) {
  process.stderr.write('html-body-changes: ../shared/corpus not found\n');
  process.exit(2);
}
process.stdout.on('error', () => process.exit(0));

const run = await runCorpus('balanced');
writeFileSync(out, run.preds.map((p) => JSON.stringify({ id: p.id, body: p.body, rule: p.rule })).join('\n') + '\n');

if (before && existsSync(before)) {
  const old = new Map(readFileSync(before, 'utf8').split('\n').filter(Boolean).map((l) => {
    const p = JSON.parse(l) as { id: string; body: string; rule: string };
    return [p.id, p] as const;
  }));
  const words = (s: string) => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).length;
  for (const p of run.preds) {
    const o = old.get(p.id);
    if (!o || o.body === p.body) continue;
    const a = o.body.split('\n\n'), b = p.body.split('\n\n');
    const sa = new Set(a), sb = new Set(b);
    console.log(`### ${p.id} (${words(o.body)} → ${words(p.body)} words) ${o.rule} → ${p.rule}`);
    for (const x of a) if (!sb.has(x)) console.log(`  - ${x.slice(0, 150)}`);
    for (const x of b) if (!sa.has(x)) console.log(`  + ${x.slice(0, 150)}`);
  }
}
const f = (v: { value: number | null } | undefined) => (v?.value ?? NaN).toFixed(4);
const r = run.bySource.readability ?? {}, t = run.bySource.trafilatura ?? {};
console.log(`readability F1 ${f(r.body_f1)} P ${f(r.body_precision)} R ${f(r.body_recall)} | must_include ${f(t.must_include_hit_rate)}`
  + ` leak ${f(t.must_exclude_leak_rate)} | defuddle F1 ${run.defuddle.f1.toFixed(4)}`
  + ` | body_start ${run.bodyStart.strict.toFixed(3)}/${run.bodyStart.tolerant.toFixed(3)} | ${(run.preds.length / (run.ms / 1000)).toFixed(1)} files/s`);

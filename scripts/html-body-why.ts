// Debugging aid: why is a piece of text in or out of the body? For one corpus page (or any HTML
// file) and a snippet, prints the block holding it, its ancestor chain (tag, class/id, scores,
// link density) and, for every pass, whether the block was pruned, outside the selection,
// dropped by cleaning, or kept; then whether the final body has it.
//   npx tsx scripts/html-body-why.ts <id|file.html> "<snippet>" [--mode m]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHtml } from '../src/extract/html/load.js';
import { extractHtmlBody } from '../src/extract/html/body/index.js';
import { buildIndex } from '../src/extract/html/body/doc-index.js';
import { rootOf } from '../src/extract/html/body/dom.js';
import { totals, linkDensity } from '../src/extract/html/body/aggregate.js';
import { PASSES } from '../src/extract/html/body/choose.js';
import { pruned } from '../src/extract/html/body/prune.js';
import { scoreElements } from '../src/extract/html/body/score.js';
import { selectContent } from '../src/extract/html/body/select.js';
import { cleanSelection } from '../src/extract/html/body/clean.js';
import { classWeight } from '../src/extract/html/body/hints.js';
import { DEFAULT_EXTRACT_OPTIONS, type Mode } from '../src/types.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
process.stdout.on('error', () => process.exit(0));
const [target, snippet, ...flags] = process.argv.slice(2);
if (!target || !snippet) throw new Error('usage: html-body-why.ts <id|file.html> "<snippet>" [--mode m]');
const mode = (flags.includes('--mode') ? flags[flags.indexOf('--mode') + 1] : 'balanced') as Mode;
const file = existsSync(target) ? target : join(CORPUS, 'html', `${target}.html`);
const html = readFileSync(file, 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const want = squash(snippet);

const $ = loadHtml(html);
const index = buildIndex(rootOf($));
const hits = index.blocks.flatMap((b, bi) => (squash(b.text).includes(want) ? [bi] : []));
if (hits.length === 0) console.log('snippet in no block (hidden, skipped tag, caption, or split over blocks)');
const all = totals(index, () => true);
for (const bi of hits) {
  const b = index.blocks[bi]!;
  console.log(`block ${bi} kind ${b.kind} chars ${b.chars} links ${b.linkChars} punct ${b.punct}: ${squash(b.text).slice(0, 120)}`);
  for (let e = b.owner; e >= 0; e = index.elements[e]!.parent) {
    const r = index.elements[e]!;
    console.log(`   ${e} <${r.tag}> "${r.hint.slice(0, 70)}" w ${classWeight(r.el)} chars ${all.chars[e]} ld ${linkDensity(all, e).toFixed(2)} prose ${all.proseChars[e]} imgs ${r.imgs}`);
  }
  for (const config of PASSES[mode]) {
    const out = pruned(index, all, config.prune);
    const keep = (i: number) => out[i] === 0;
    const t = totals(index, keep);
    const scores = scoreElements(index, t, (x) => keep(index.blocks[x]!.owner), config.useClassWeights);
    const sel = selectContent(index, t, scores, keep, config.select);
    let state = out[b.owner] ? 'pruned' : 'outside selection';
    if (sel && !out[b.owner]) {
      const inSel = sel.elements.some((r) => r <= b.owner && b.owner <= index.elements[r]!.end) || sel.looseBlocks.includes(bi);
      if (inSel) {
        const drop = config.clean ? cleanSelection(index, t, scores, sel.elements, config.clean, sel.best) : new Uint8Array(index.elements.length);
        let by = -1;
        for (let e = b.owner; e >= 0; e = index.elements[e]!.parent) if (drop[e] && (by < 0 || true)) by = e;
        state = drop[b.owner] ? `dropped by cleaning (outermost dropped box ${by} <${index.elements[by]!.tag}> "${index.elements[by]!.hint.slice(0, 50)}")` : 'kept';
      }
    }
    const top = sel ? `top ${sel.top} <${index.elements[sel.top]?.tag}> "${index.elements[sel.top]?.hint.slice(0, 50)}" best ${sel.best} elements ${sel.elements.join(',')}` : 'no selection';
    console.log(`  pass ${config.name}: ${state}; ${top}`);
  }
}
const r = extractHtmlBody(loadHtml(html), { headline: null, deck: null }, { ...DEFAULT_EXTRACT_OPTIONS, mode });
console.log(`final (${r.rule}): ${squash(r.blocks.join(' ')).includes(want) ? 'IN the body' : 'NOT in the body'}`);

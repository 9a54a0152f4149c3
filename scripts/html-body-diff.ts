// Debugging aid: for one corpus page, which of our body blocks the truth lacks (+) and which truth
// paragraphs we miss (-), by 4-word shingles.   npx tsx scripts/html-body-diff.ts <id> [--all]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadHtml } from '../src/extract/html/load.js';
import { extractHtmlBody } from '../src/extract/html/body/index.js';
import { DEFAULT_EXTRACT_OPTIONS, type Mode } from '../src/types.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const [id, ...flags] = process.argv.slice(2);
if (!id) throw new Error('usage: html-body-diff.ts <id> [--all] [--mode m]');
const mode = (flags.includes('--mode') ? flags[flags.indexOf('--mode') + 1] : 'balanced') as Mode;
const truth = readFileSync(join(CORPUS, 'truth', 'html.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>).find((t) => t.id === id)!;
const $ = loadHtml(readFileSync(join(CORPUS, 'html', `${id}.html`), 'utf8'));
const headline = $('h1').first().text().trim() || null;
const r = extractHtmlBody($, { headline, deck: null }, { ...DEFAULT_EXTRACT_OPTIONS, mode });

const tok = (s: string) => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
const shingles = (ts: string[]) => { const s = new Set<string>(); for (let i = 0; i + 4 <= ts.length; i++) s.add(ts.slice(i, i + 4).join(' ')); if (ts.length < 4 && ts.length) s.add(ts.join(' ')); return s; };
const share = (text: string, pool: Set<string>, flat: string) => {
  const ts = tok(text);
  if (ts.length < 4) return ts.length === 0 || flat.includes(` ${ts.join(' ')} `) ? 1 : 0;
  const s = shingles(ts); let n = 0; for (const x of s) if (pool.has(x)) n++; return n / s.size;
};
process.stdout.on('error', () => process.exit(0));

const tBody = typeof truth.body === 'string' ? truth.body : '';
const tPool = shingles(tok(tBody));
const oPool = shingles(tok(r.blocks.join(' ')));
const tFlat = ` ${tok(tBody).join(' ')} `, oFlat = ` ${tok(r.blocks.join(' ')).join(' ')} `;
console.log(`rule ${r.rule} notArticle ${r.notArticle} blocks ${r.blocks.length}`);
const all = flags.includes('--all');
for (const b of r.blocks) {
  const s = share(b, tPool, tFlat);
  if (all || s < 0.5) console.log(`${s < 0.5 ? '+' : ' '} ${s.toFixed(2)} ${b.slice(0, 160)}`);
}
if (tBody) {
  console.log('--- truth paragraphs we miss');
  for (const p of tBody.split(/\n\n/)) {
    const s = share(p, oPool, oFlat);
    if (s < 0.5) console.log(`- ${s.toFixed(2)} ${p.slice(0, 160)}`);
  }
}
for (const k of ['must_include', 'must_exclude', 'body_start']) if (truth[k]) console.log(k, JSON.stringify(truth[k]));

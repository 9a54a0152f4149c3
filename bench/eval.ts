// `npm run eval`: lede against ../shared/corpus, each figure beside a baseline measured in the
// same run (Readability.js on HTML; the naive "whole file is the body" reading of dumps).
//   npm run eval                       all folders
//   npm run eval -- --folder dumps     one folder (repeatable)
//   npm run eval -- --json out.json    also write the figures as JSON
//   npm run eval -- --raise-floors     raise tests/eval-floors.json to today's figures (never lowers)
// Predictions are written to bench/out/<folder>.{lede,baseline}.jsonl for
// `node ../shared/tools/score.mjs --per-page` digging.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import {
  FOLDERS, ROOT, corpusAvailable, evaluate, folderFiles, runLede,
  type Folder, type FolderResult, type MetricValue, type Pred,
} from './eval-lib.js';
import { crossValidate, cvRows, cvTable, CV_METRICS } from './cv.js';

const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'DT', 'DD', 'SECTION', 'ARTICLE', 'TABLE', 'UL', 'OL']);

// Readability's content as block-separated text (its textContent glues paragraphs together).
interface DomNode { nodeType: number; textContent: string | null; tagName?: string; childNodes: ArrayLike<DomNode> }
function blockText(node: DomNode, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push(child.textContent ?? '');
    else if (child.nodeType === 1) {
      const el = child as DomNode & { tagName: string };
      if (el.tagName === 'BR') { out.push('\n'); continue; }
      const block = BLOCK.has(el.tagName);
      if (block) out.push('\n\n');
      blockText(el, out);
      if (block) out.push('\n\n');
    }
  }
}

const idOf = (path: string) => path.split('/').pop()!.replace(/\.(html?|txt|md)$/, '');

function readabilityBaseline(folder: Folder): Pred[] {
  return folderFiles(folder).map((path) => {
    try {
      const { document } = parseHTML(readFileSync(path, 'utf8'));
      const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
      const parts: string[] = [];
      if (r?.content) blockText(parseHTML(`<html><body>${r.content}</body></html>`).document.body as unknown as DomNode, parts);
      const body = parts.join('').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
      return { id: idOf(path), headline: r?.title ?? null, deck: r?.excerpt ?? null, tag: null, body, byline: r?.byline ?? null };
    } catch {
      return { id: idOf(path), headline: null, deck: null, tag: null, body: '' };
    }
  });
}

// The naive reading of a dump: all of it is the body, the first line (or first # heading) the headline.
function wholeFileBaseline(folder: Folder): Pred[] {
  return folderFiles(folder).map((path) => {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const heading = folder.kind === 'markdown' ? lines.find((l) => /^#\s/.test(l))?.replace(/^#\s+/, '') : undefined;
    return { id: idOf(path), headline: heading ?? lines[0] ?? null, deck: null, tag: null, body: text };
  });
}

const ROWS: [string, string][] = [
  ['body_f1', 'body F1'], ['body_precision', 'body precision'], ['body_recall', 'body recall'],
  ['body_start_found', 'body_start found'], ['body_start_first', 'body starts with body_start'],
  ['headline_exact', 'headline exact (truth)'], ['headline_exact_visible', 'headline exact (visible)'], ['headline_token_f1', 'headline token F1'],
  ['deck_token_f1', 'deck token F1 (truth deck)'], ['deck_exact_shown', 'deck exact, shown'], ['deck_null_unshown', 'deck null, none shown'],
  ['tag_match', 'tag match (truth tag)'], ['tag_exact_shown', 'tag exact, shown'], ['tag_null_unshown', 'tag null, none shown'],
  ['must_include_hit_rate', 'must_include hits'], ['must_exclude_leak_rate', 'must_exclude leaks (lower)'],
  ['errors', 'inputs failed (count)'],
];

const cell = (m: MetricValue | undefined) => (m && m.n ? `${Number.isInteger(m.value) && m.value! > 1 ? m.value : m.value!.toFixed(3)} (${m.n})` : '–');

function table(lede: FolderResult, base: FolderResult, baseName: string): string {
  const lines = [`${'measure'.padEnd(28)}${'lede'.padEnd(16)}${baseName}`];
  for (const [k, label] of ROWS) {
    if (!lede.metrics[k]?.n && !base.metrics[k]?.n) continue;
    lines.push(`${label.padEnd(28)}${cell(lede.metrics[k]).padEnd(16)}${cell(base.metrics[k])}`);
  }
  return lines.join('\n');
}

function sourceTable(r: FolderResult): string {
  const sources = Object.keys(r.bySource);
  if (sources.length < 2) return '';
  const lines = [`lede by source: ${''.padEnd(12)}${sources.map((s) => s.padEnd(16)).join('')}`];
  for (const [k, label] of ROWS) {
    if (!sources.some((s) => r.bySource[s]![k]?.n)) continue;
    lines.push(`${label.padEnd(28)}${sources.map((s) => cell(r.bySource[s]![k]).padEnd(16)).join('')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { folder: { type: 'string', multiple: true }, json: { type: 'string' }, 'raise-floors': { type: 'boolean' }, 'reset-floors': { type: 'boolean' }, cv: { type: 'boolean' }, check: { type: 'boolean' } } });
  if (!corpusAvailable()) {
    process.stderr.write('eval: ../shared/corpus or ../shared/tools/score.mjs not found; nothing to evaluate.\n');
    process.exitCode = 2;
    return;
  }
  if (values.cv) { await cvMain(Boolean(values.check), values['raise-floors'] ? 'raise' : values['reset-floors'] ? 'reset' : null); return; }
  const folders = values.folder?.length ? FOLDERS.filter((f) => values.folder!.includes(f.name)) : FOLDERS;
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const all: Record<string, { lede: FolderResult; baseline: FolderResult; baselineName: string }> = {};
  for (const folder of folders) {
    const run = runLede(folder);
    const baselineName = folder.name === 'html' ? 'Readability.js' : 'whole file';
    const basePreds = folder.name === 'html' ? readabilityBaseline(folder) : wholeFileBaseline(folder);
    writeFileSync(join(outDir, `${folder.name}.lede.jsonl`), run.preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
    writeFileSync(join(outDir, `${folder.name}.baseline.jsonl`), basePreds.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const lede = await evaluate(folder, run.preds, run);
    const baseline = await evaluate(folder, basePreds);
    all[folder.name] = { lede, baseline, baselineName };
    const rate = (run.preds.length / (run.ms / 1000)).toFixed(0);
    process.stdout.write(`\n== ${folder.name}/ (${lede.pages} pages scored, ${run.preds.length} files, ${rate} files/s in-process)\n`);
    process.stdout.write(table(lede, baseline, baselineName) + '\n');
    const st = sourceTable(lede);
    if (st) process.stdout.write('\n' + st + '\n');
    for (const e of run.errors) process.stdout.write(`error: ${e}\n`);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(all, null, 2) + '\n');
  const update = values['raise-floors'] ? 'raise' : values['reset-floors'] ? 'reset' : null;
  if (update) setFloors(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.lede.metrics])), update);
}

// Leave-site-out figures: the ones that predict pages of sites nobody tuned for. With --check,
// fail when one falls below its floor in tests/eval-floors.json ("cv" section).
async function cvMain(check: boolean, update: FloorUpdate | null): Promise<void> {
  const results = await crossValidate(5, (s) => process.stderr.write(s + '\n'));
  const baseline = new Map<string, FolderResult>();
  for (const r of results) baseline.set(r.folder, await evaluate(FOLDERS.find((f) => f.name === r.folder)!, wholeFileBaseline(FOLDERS.find((f) => f.name === r.folder)!)));
  process.stdout.write('\nleave-site-out (5 folds by site): cv = learned labeller on unseen sites, rules = rule cascade (tuned on all of the corpus), whole = whole dump as body\n');
  process.stdout.write(cvTable(results, baseline) + '\n');
  const floors = (JSON.parse(readFileSync(join(ROOT, 'tests', 'eval-floors.json'), 'utf8')) as { cv?: Record<string, Record<string, number>> }).cv ?? {};
  const rows = cvRows(results);
  const misses: string[] = [];
  for (const [row, metrics] of Object.entries(rows)) {
    for (const [k, floor] of Object.entries(floors[row] ?? {})) {
      const v = metrics[k]?.value;
      if (v === null || v === undefined || v < floor) misses.push(`${row}.${k}: ${v?.toFixed(3) ?? '–'} < ${floor}`);
    }
  }
  if (check && misses.length) { process.stdout.write(`cv floors missed:\n${misses.map((m) => '  ' + m).join('\n')}\n`); process.exitCode = 1; }
  if (check && !Object.keys(floors).length) { process.stdout.write('cv: no floors in tests/eval-floors.json to check against\n'); process.exitCode = 1; }
  if (update) setFloors(rows, update, 'cv', CV_METRICS.map(([k]) => k));
}

// Metrics the gate guards; leak rates are ceilings (lower is better).
const GATED = ['body_f1', 'body_precision', 'body_recall', 'body_start_found', 'headline_exact', 'headline_exact_visible', 'deck_exact_shown',
  'deck_null_unshown', 'tag_exact_shown', 'tag_null_unshown', 'must_include_hit_rate'];
const CEILINGS = ['must_exclude_leak_rate', 'errors'];

// raise: a floor only moves up. reset: every floor becomes today's figure — for a deliberate change
// of the default extractor (say, shipping new weights), judged by the leave-site-out figures first.
type FloorUpdate = 'raise' | 'reset';

function setFloors(results: Record<string, FolderResult['metrics']>, update: FloorUpdate, section?: string, gated = GATED): void {
  const path = join(ROOT, 'tests', 'eval-floors.json');
  const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  const floors = (section ? (all[section] ??= {}) : all) as Record<string, Record<string, number | { max: number }>>;
  const changes: string[] = [];
  for (const [folder, r] of Object.entries(results)) {
    const metrics = r;
    const f = (floors[folder] ??= {});
    for (const k of gated) {
      const m = metrics[k];
      if (!m?.n || m.value === null) continue;
      const v = Math.floor(m.value * 1000) / 1000;
      const old = f[k];
      if (typeof old !== 'number' || v > old || (update === 'reset' && v !== old)) { f[k] = v; changes.push(`${folder}.${k}: ${old ?? '–'} → ${v}`); }
    }
    if (section) continue;
    for (const k of CEILINGS) {
      const m = metrics[k];
      if (!m?.n || m.value === null) continue;
      const v = Math.ceil(m.value * 1000) / 1000;
      const old = f[k];
      if (typeof old !== 'object' || v < old.max || (update === 'reset' && v !== old.max)) { f[k] = { max: v }; changes.push(`${folder}.${k}: ≤ ${typeof old === 'object' ? old.max : '–'} → ≤ ${v}`); }
    }
  }
  writeFileSync(path, JSON.stringify(all, null, 2) + '\n');
  process.stdout.write(`\nfloors ${update === 'raise' ? 'raised' : 'reset'}${section ? ` (${section})` : ''} (${changes.length}):\n${changes.map((c) => `  ${c}`).join('\n')}\n`);
}

await main();

// Evaluation over ../shared/corpus: runs lede's own pipeline (the code the CLI runs) on each
// folder, scores it with ../shared/tools/score.mjs, and adds the visible-deck / visible-tag
// measures from our annotations (bench/annotations/*.jsonl). Used by `npm run eval` (printing,
// with the baseline beside it) and by tests/eval-gate.test.ts (floors).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString as mdToString } from 'mdast-util-to-string';
import { processDocument } from '../src/pipeline.js';
import { formatFromExtension } from '../src/input/detect.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../src/types.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const SCORER = resolve(ROOT, '../shared/tools/score.mjs');
export const corpusAvailable = (): boolean => existsSync(CORPUS) && existsSync(SCORER);

export interface Folder {
  name: string;
  truth: string;
  kind: 'html' | 'text' | 'markdown';
}

export const FOLDERS: Folder[] = [
  { name: 'html', truth: 'html', kind: 'html' },
  { name: 'dumps', truth: 'html', kind: 'text' },
  { name: 'lynx', truth: 'html', kind: 'text' },
  { name: 'innertext', truth: 'html', kind: 'text' },
  { name: 'mddumps', truth: 'html', kind: 'markdown' },
  { name: 'text', truth: 'text', kind: 'text' },
  { name: 'markdown', truth: 'markdown', kind: 'markdown' },
];

export interface Pred {
  id: string;
  headline: string | null;
  deck: string | null;
  tag: string | null;
  body: string;
  byline?: string | null;
  published?: string | null;
  status?: string;
}

export type TruthRow = Record<string, unknown> & { id: string; source: string };

export const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);

// Defuddle's truth is Markdown: its plain text (links → text, images dropped, one block per
// paragraph, heading, list item or table row) is the body truth of the markdown/ folder.
const mdParser = unified().use(remarkParse).use(remarkGfm);
export function markdownToText(md: string): string {
  const blocks: string[] = [];
  const walk = (node: MdNode): void => {
    if (['paragraph', 'heading', 'tableRow', 'code'].includes(node.type)) {
      blocks.push(node.type === 'code' ? String(node.value ?? '') : mdToString(node as Parameters<typeof mdToString>[0], { includeImageAlt: false }));
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(mdParser.parse(md) as MdNode);
  return blocks.map((b) => b.trim()).filter(Boolean).join('\n\n');
}
interface MdNode { type: string; value?: string; children?: MdNode[] }

export function truthRows(folder: Folder): TruthRow[] {
  const rows = readJsonl<TruthRow>(join(CORPUS, 'truth', `${folder.truth}.jsonl`));
  // The Fundus pages are HTML pages too: their dumps are in every dump folder.
  if (folder.truth === 'html' && existsSync(join(CORPUS, 'truth', 'fundus.jsonl'))) rows.push(...readJsonl<TruthRow>(join(CORPUS, 'truth', 'fundus.jsonl')));
  if (folder.name === 'markdown') {
    for (const r of rows) if (typeof r.body !== 'string' && typeof r.body_markdown === 'string') r.body = markdownToText(r.body_markdown);
  }
  const dir = join(CORPUS, folder.name);
  const present = new Set(readdirSync(dir).map((f) => f.replace(/\.(html?|txt|md)$/, '')));
  // mddumps lacks one page the converter could not parse: score only pages that exist.
  return rows.filter((r) => present.has(r.id));
}

export function folderFiles(folder: Folder): string[] {
  const dir = join(CORPUS, folder.name);
  return readdirSync(dir).filter((f) => formatFromExtension(f) !== null).sort().map((f) => join(dir, f));
}

const idOf = (path: string) => path.split('/').pop()!.replace(/\.(html?|txt|md)$/, '');

export function runLede(folder: Folder, options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS): { preds: Pred[]; errors: string[]; ms: number } {
  const preds: Pred[] = [];
  const errors: string[] = [];
  const t0 = performance.now();
  for (const path of folderFiles(folder)) {
    try {
      const r = processDocument({ source: path, bytes: readFileSync(path) }, options);
      preds.push({ id: idOf(path), headline: r.headline, deck: r.deck, tag: r.tag, body: r.body, byline: r.byline, published: r.published, status: r.status });
    } catch (e) {
      errors.push(`${path}: ${(e as Error).message}`);
      preds.push({ id: idOf(path), headline: null, deck: null, tag: null, body: '' });
    }
  }
  return { preds, errors, ms: performance.now() - t0 };
}

// ------------------------------------------------------------------ scoring

interface ScoreModule {
  score: (truth: TruthRow[], preds: Pred[], o: { nBootstrap: number; bySource: boolean }) => { summary: ScoreSummary };
  normHeadline: (s: unknown) => string;
}
export interface MetricValue { value: number | null; n: number; snippets?: number }
export interface ScoreSummary {
  metrics: Record<string, MetricValue>;
  by_source?: Record<string, { pages: number; metrics: Record<string, MetricValue> }>;
}

let scorer: ScoreModule | undefined;
export async function loadScorer(): Promise<ScoreModule> {
  scorer ??= (await import(pathToFileURL(SCORER).href)) as ScoreModule;
  return scorer;
}

/** Visible headline, deck and tag per page, as a reader sees them (null = the page shows none, undefined = unknown). */
export interface Annotation { id: string; headline?: string; deck?: string | null; tag?: string | null }

/** bench/annotations/<truth>.jsonl, or its parts in bench/annotations/parts/<truth>.part*.jsonl. */
export function annotations(folder: Folder): Map<string, Annotation> {
  const dir = join(ROOT, 'bench', 'annotations');
  const whole = join(dir, `${folder.truth}.jsonl`);
  const partsDir = join(dir, 'parts');
  const files = existsSync(whole) ? [whole]
    : existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.startsWith(`${folder.truth}.part`)).sort().map((f) => join(partsDir, f)) : [];
  const notes = new Map(files.flatMap((f) => readJsonl<Annotation>(f)).map((a) => [a.id, a]));
  // Fundus truth is the visible page: its headline and standfirst are what a reader sees; its
  // section is not recorded (unknown, not scored).
  if (folder.truth === 'html') {
    for (const t of truthRows(folder)) {
      if (t.source !== 'fundus' || notes.has(t.id)) continue;
      notes.set(t.id, { id: t.id, headline: t.headline as string, deck: typeof t.deck === 'string' ? t.deck : null });
    }
  }
  return notes;
}

/** Our deck/tag measures: exact on pages that show one, null on pages that show none. */
export function visibleFieldScores(preds: Pred[], notes: Map<string, Annotation>, norm: (s: unknown) => string, ids?: Set<string>) {
  const out: Record<string, MetricValue> = {};
  let heads = 0, headHits = 0;
  for (const p of preds) {
    const a = notes.get(p.id);
    if (!a?.headline || (ids && !ids.has(p.id))) continue;
    heads++;
    if (norm(p.headline ?? '') === norm(a.headline)) headHits++;
  }
  out.headline_exact_visible = { value: heads ? headHits / heads : null, n: heads };
  for (const field of ['deck', 'tag'] as const) {
    let shown = 0, exact = 0, none = 0, nulls = 0;
    for (const p of preds) {
      const a = notes.get(p.id);
      if (!a || (ids && !ids.has(p.id))) continue;
      const got = norm(p[field] ?? '');
      if (a[field] === undefined) continue;
      if (a[field]) {
        shown++;
        if (got !== '' && got === norm(a[field])) exact++;
      } else {
        none++;
        if (got === '') nulls++;
      }
    }
    out[`${field}_exact_shown`] = { value: shown ? exact / shown : null, n: shown };
    out[`${field}_null_unshown`] = { value: none ? nulls / none : null, n: none };
  }
  return out;
}

// Postlight's truth gives the first N words of the body: does our body contain them, and does
// it begin with them (a caption or a lead-in left in front of the text fails the second)?
const squash = (t: string) => t.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
export function bodyStartScores(preds: Pred[], truth: TruthRow[]): Record<string, MetricValue> {
  const byId = new Map(preds.map((p) => [p.id, p]));
  let n = 0, found = 0, first = 0;
  for (const t of truth) {
    if (typeof t.body_start !== 'string' || !t.body_start.trim()) continue;
    n++;
    const want = squash(t.body_start);
    const body = squash(byId.get(t.id)?.body ?? '');
    const at = body.indexOf(want);
    if (at >= 0) found++;
    if (at === 0) first++;
  }
  return { body_start_found: { value: n ? found / n : null, n }, body_start_first: { value: n ? first / n : null, n } };
}

export interface FolderResult {
  folder: string;
  pages: number;
  metrics: Record<string, MetricValue>;
  bySource: Record<string, Record<string, MetricValue>>;
  errors: string[];
  ms: number;
}

export async function evaluate(folder: Folder, preds: Pred[], extra: { errors?: string[]; ms?: number } = {}): Promise<FolderResult> {
  const { score, normHeadline } = await loadScorer();
  const truth = truthRows(folder);
  const { summary } = score(truth, preds, { nBootstrap: 0, bySource: true });
  const notes = annotations(folder);
  const metrics = {
    ...summary.metrics, ...visibleFieldScores(preds, notes, normHeadline), ...bodyStartScores(preds, truth),
    errors: { value: extra.errors?.length ?? 0, n: preds.length },
  };
  const bySource: Record<string, Record<string, MetricValue>> = {};
  for (const [src, s] of Object.entries(summary.by_source ?? {})) {
    const ids = new Set(truth.filter((t) => t.source === src).map((t) => t.id));
    bySource[src] = { ...s.metrics, ...visibleFieldScores(preds, notes, normHeadline, ids), ...bodyStartScores(preds, truth.filter((t) => ids.has(t.id))) };
  }
  return { folder: folder.name, pages: truth.length, metrics, bySource, errors: extra.errors ?? [], ms: extra.ms ?? 0 };
}

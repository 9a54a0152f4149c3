// Runs the HTML body extractor over ../shared/corpus/html and scores it with the corpus scorer:
// shared by scripts/html-body-eval.ts (printing) and tests/extract/html/body/corpus.test.ts (floors).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadHtml } from '../../src/extract/html/load.js';
import { extractHtmlBody } from '../../src/extract/html/body/index.js';
import { joinParagraphs } from '../../src/normalize/text.js';
import { DEFAULT_EXTRACT_OPTIONS, type Mode } from '../../src/types.js';
import { bodyStartMatch } from './body-start.js';

export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const SCORER = resolve(import.meta.dirname, '../../../shared/tools/score.mjs');
export const corpusAvailable = () => existsSync(join(CORPUS, 'html')) && existsSync(SCORER);

export interface Truth { id: string; source: string; body_start?: string; flags?: string[]; [k: string]: unknown }
export interface Pred { id: string; body: string; notArticle: boolean; rule: string; ms: number }
export interface Metric { value: number | null; n: number }
export interface PageScore {
  id: string; source: string; body_f1_page: number | null; body_precision: number | null; body_recall: number | null;
  must_include_missed: string[]; must_exclude_leaked: string[];
}
interface Scorer {
  score: (t: Truth[], p: object[], o: object) => { summary: { by_source: Record<string, { metrics: Record<string, Metric> }> }; pages: PageScore[] };
  shingleMatch: (truth: string, pred: string) => [number, number, number];
  aggregate: (tfs: [number, number, number][]) => { f1: number; precision: number; recall: number };
}

/**
 * Defuddle's Markdown body as plain text: its JSON header, images, link targets and Markdown
 * markers removed (the scorer's tokens ignore the remaining punctuation).
 */
export function markdownToText(md: string): string {
  return md.replace(/^```json[\s\S]*?```\s*/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^```.*$/gm, '')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '');
}

export interface CorpusRun {
  preds: Pred[];
  ms: number;
  bySource: Record<string, Record<string, Metric>>;
  pages: PageScore[];
  /** Body F1 against Defuddle's Markdown bodies (defuddle pages). */
  defuddle: { f1: number; precision: number; recall: number; n: number };
  /** Postlight pages whose body begins with the truth's body_start (strict), or with its tail on flagged pages. */
  bodyStart: { strict: number; tolerant: number; n: number; fails: string[] };
}

export async function runCorpus(mode: Mode = 'balanced', only?: string): Promise<CorpusRun> {
  const truth = readFileSync(join(CORPUS, 'truth', 'html.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as Truth).filter((t) => !only || t.id.includes(only));
  const ids = new Set(truth.map((t) => t.id));
  const files = readdirSync(join(CORPUS, 'html')).filter((f) => ids.has(f.replace(/\.html?$/, ''))).sort();
  const preds: Pred[] = [];
  let ms = 0;
  for (const f of files) {
    const html = readFileSync(join(CORPUS, 'html', f), 'utf8');
    const t0 = performance.now();
    const $ = loadHtml(html);
    // Deliberately naive headline hint (first <h1>, else og:title): the figures should not depend
    // on the field extractor.
    const headline = $('h1').first().text().trim() || $('meta[property="og:title"]').attr('content') || null;
    const r = extractHtmlBody($, { headline, deck: null }, { ...DEFAULT_EXTRACT_OPTIONS, mode });
    const dt = performance.now() - t0;
    ms += dt;
    preds.push({ id: f.replace(/\.html?$/, ''), body: joinParagraphs(r.blocks), notArticle: r.notArticle, rule: r.rule, ms: dt });
  }
  const { score, shingleMatch, aggregate } = (await import(pathToFileURL(SCORER).href)) as Scorer;
  const { summary, pages } = score(truth, preds.map((p) => ({ id: p.id, body: p.body })), { nBootstrap: 0, bySource: true });
  const bySource: Record<string, Record<string, Metric>> = {};
  for (const [src, s] of Object.entries(summary.by_source)) bySource[src] = s.metrics;

  const byId = new Map(preds.map((p) => [p.id, p]));
  let strict = 0, tolerant = 0, n = 0;
  const fails: string[] = [];
  for (const t of truth) {
    if (t.source !== 'postlight' || !t.body_start) continue;
    n++;
    const body = byId.get(t.id)?.body ?? '';
    const flagged = (t.flags ?? []).some((f) => f.startsWith('body_start'));
    const m = bodyStartMatch(body, t.body_start);
    if (m === 'strict') strict++;
    if (m === 'strict' || (flagged && m === 'suffix')) tolerant++;
    else fails.push(`${t.id}: want «${t.body_start.slice(0, 70)}» got «${body.slice(0, 70).replace(/\n/g, ' ⏎ ')}»`);
  }
  const tfs: [number, number, number][] = [];
  for (const t of truth) {
    if (typeof t.body_markdown_file !== 'string') continue;
    const md = readFileSync(join(CORPUS, t.body_markdown_file), 'utf8');
    tfs.push(shingleMatch(markdownToText(md), byId.get(t.id)?.body ?? ''));
  }
  const defuddle = { ...aggregate(tfs), n: tfs.length };
  return { preds, ms, bySource, pages, defuddle, bodyStart: { strict: n ? strict / n : 0, tolerant: n ? tolerant / n : 0, n, fails } };
}

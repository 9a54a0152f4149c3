// Training data for the dump labeller: every dump of ../shared/corpus in every dialect, read
// exactly as `lede` reads it, its truth aligned to its blocks, and the site it comes from
// (for leave-site-out folds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotations, CORPUS, folderFiles, FOLDERS, truthRows, type Folder, type TruthRow } from '../../bench/eval-lib.js';
import { decode } from '../../src/input/decode.js';
import { detectFormat } from '../../src/input/detect.js';
import { ruleLayout, type RuleLayout } from '../../src/extract/dump/article.js';
import type { ParsedDump } from '../../src/extract/dump/parsed.js';
import { parseMarkdownDump } from '../../src/extract/markdown/index.js';
import { parseTextDump } from '../../src/extract/text/index.js';
import { processDocument } from '../../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/types.js';
import { alignBlocks, type AlignTruth, type Alignment } from '../../src/learn/align.js';

export const DUMP_FOLDERS: readonly Folder[] = FOLDERS.filter((f) => f.name !== 'html');

export interface Sample {
  id: string;
  folder: string;
  site: string;
  path: string;
  dump: ParsedDump;
  layout: RuleLayout;
  alignment: Alignment;
}

const idOf = (path: string) => path.split('/').pop()!.replace(/\.(html?|txt|md)$/, '');

/** The site a page belongs to: its URL's host, else its publisher or source. */
export function siteOf(t: TruthRow): string {
  if (typeof t.url === 'string') {
    try { return new URL(t.url).hostname.replace(/^www\d?\./, ''); } catch { /* fall through */ }
  }
  if (t.source === 'fundus') return `fundus:${t.id.split('-')[2] ?? t.id}`;
  if (t.source === 'bbc' || t.source === 'seed') return String(t.source);
  return `${t.source}:${t.id}`;
}

function silverBody(id: string): string {
  try {
    return processDocument({ source: id, bytes: readFileSync(join(CORPUS, 'html', `${id}.html`)) }, DEFAULT_EXTRACT_OPTIONS).body;
  } catch { return ''; }
}

function truthFor(t: TruthRow, note: { headline?: string; deck?: string | null; tag?: string | null } | undefined): AlignTruth {
  const authors = Array.isArray(t.authors) ? (t.authors as string[]).join(', ') : null;
  return {
    headline: note?.headline ?? String(t.headline ?? ''),
    deck: note ? note.deck : typeof t.deck === 'string' && t.source === 'seed' ? t.deck : null,
    tag: note ? note.tag : typeof t.tag === 'string' ? t.tag : null,
    body: typeof t.body === 'string' && t.body.trim() !== '' ? t.body : (t.source !== 'bbc' && t.source !== 'seed' ? silverBody(t.id) : ''),
    byline: typeof t.byline === 'string' ? t.byline : authors,
  };
}

/** Read one dump as the CLI does: decode, sniff, parse into blocks. */
export function parseDumpFile(path: string): ParsedDump {
  const { text } = decode(readFileSync(path));
  return detectFormat(text, path) === 'markdown' ? parseMarkdownDump(text) : parseTextDump(text);
}

export function loadSamples(folders: readonly Folder[] = DUMP_FOLDERS): Sample[] {
  const out: Sample[] = [];
  const bodies = new Map<string, AlignTruth>();
  for (const folder of folders) {
    const truth = new Map(truthRows(folder).map((t) => [t.id, t]));
    const notes = annotations(folder);
    for (const path of folderFiles(folder)) {
      const id = idOf(path);
      const t = truth.get(id);
      if (!t) continue;
      const key = `${folder.truth}/${id}`;
      let at = bodies.get(key);
      if (!at) { at = truthFor(t, notes.get(id)); bodies.set(key, at); }
      if (at.body === '' || at.headline === '') continue;
      const dump = parseDumpFile(path);
      const layout = ruleLayout(dump.blocks, DEFAULT_EXTRACT_OPTIONS, dump).layout;
      out.push({ id, folder: folder.name, site: siteOf(t), path, dump, layout, alignment: alignBlocks(dump.blocks, at, Boolean(dump.meta?.fields.headline)) });
    }
  }
  return out;
}

/** k folds of whole sites, balanced by sample count (largest site first, into the lightest fold). */
export function siteFolds(samples: readonly Sample[], k: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const s of samples) sizes.set(s.site, (sizes.get(s.site) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  const fold = new Map<string, number>();
  for (const [site, size] of order) {
    let f = 0;
    for (let i = 1; i < k; i++) if (load[i]! < load[f]!) f = i;
    fold.set(site, f);
    load[f]! += size;
  }
  return fold;
}

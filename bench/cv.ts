// Leave-site-out cross-validation of the learned dump labeller (`npm run eval -- --cv`): k models,
// each trained on the dumps of all sites but one fold's and scored on that fold's dumps, in every
// dialect, beside the rule cascade and the whole-dump baseline measured in the same run.
import { readFileSync } from 'node:fs';
import { folderFiles, evaluate, runLede, truthRows, type Folder, type FolderResult, type MetricValue, type Pred } from './eval-lib.js';
import { useDumpModel, type DumpModel } from '../src/extract/dump/model.js';
import { processDocument } from '../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/types.js';
import { DUMP_FOLDERS, loadSamples, siteFolds, siteOf } from '../scripts/lib/learn-corpus.js';
import { trainDumpModel } from '../scripts/lib/learn-train.js';

export const CV_METRICS: [string, string][] = [
  ['body_f1', 'body F1'], ['headline_exact_visible', 'headline'], ['deck_exact_shown', 'deck exact'],
  ['deck_null_unshown', 'deck none'], ['tag_exact_shown', 'tag exact'], ['tag_null_unshown', 'tag none'],
];

const idOf = (path: string) => path.split('/').pop()!.replace(/\.(html?|txt|md)$/, '');

function predict(path: string): Pred {
  try {
    const r = processDocument({ source: path, bytes: readFileSync(path) }, DEFAULT_EXTRACT_OPTIONS);
    return { id: idOf(path), headline: r.headline, deck: r.deck, tag: r.tag, body: r.body, byline: r.byline, published: r.published, status: r.status };
  } catch {
    return { id: idOf(path), headline: null, deck: null, tag: null, body: '' };
  }
}

export interface CvResult { folder: string; cv: FolderResult; rules: FolderResult }

export async function crossValidate(k = 5, log: (s: string) => void = () => {}): Promise<CvResult[]> {
  const t0 = performance.now();
  const samples = loadSamples();
  const folds = siteFolds(samples, k);
  log(`cv: ${samples.length} dumps, ${samples.filter((s) => s.alignment.clean).length} aligned cleanly, ${folds.size} sites, ${k} folds (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const models: DumpModel[] = [];
  for (let f = 0; f < k; f++) {
    const t1 = performance.now();
    models.push(trainDumpModel(samples.filter((s) => folds.get(s.site) !== f)));
    log(`cv: fold ${f + 1}/${k} trained in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  }
  const out: CvResult[] = [];
  for (const folder of DUMP_FOLDERS) {
    const siteById = new Map(truthRows(folder).map((t) => [t.id, siteOf(t)]));
    const preds: Pred[] = [];
    for (const path of folderFiles(folder)) {
      useDumpModel(models[folds.get(siteById.get(idOf(path)) ?? '') ?? 0]!);
      preds.push(predict(path));
    }
    useDumpModel(null);
    const rules = runLede(folder);
    useDumpModel(undefined);
    out.push({ folder: folder.name, cv: await evaluate(folder, preds), rules: await evaluate(folder, rules.preds, rules) });
  }
  return out;
}

/** The gated rows: each dialect, and its Fundus pages (recent publishers, the closest to unseen sites). */
export function cvRows(results: readonly CvResult[]): Record<string, Record<string, MetricValue>> {
  const rows: Record<string, Record<string, MetricValue>> = {};
  for (const r of results) {
    rows[r.folder] = r.cv.metrics;
    if (r.cv.bySource.fundus) rows[`${r.folder}:fundus`] = r.cv.bySource.fundus;
  }
  return rows;
}

const fmt = (m: MetricValue | undefined) => (m?.n && m.value !== null ? m.value.toFixed(3) : '  –  ');

/** cv / rules / whole-dump baseline per dialect and measure. */
export function cvTable(results: readonly CvResult[], baseline: ReadonlyMap<string, FolderResult>): string {
  const W = 19;
  const lines = [`${'dialect'.padEnd(11)}${CV_METRICS.map(([, l]) => l.padEnd(W)).join('')}`,
    `${''.padEnd(11)}${CV_METRICS.map(() => 'cv    rules whole'.padEnd(W)).join('')}`];
  for (const r of results) {
    const b = baseline.get(r.folder);
    lines.push(`${r.folder.padEnd(11)}${CV_METRICS.map(([k]) => `${fmt(r.cv.metrics[k])} ${fmt(r.rules.metrics[k])} ${fmt(b?.metrics[k]).trim()}`.padEnd(W)).join('')}`);
    // The Fundus pages (recent, 111 publishers) are the closest to pages nobody tuned for.
    const cf = r.cv.bySource.fundus, rf = r.rules.bySource.fundus, bf = b?.bySource.fundus;
    if (cf && rf) lines.push(`${'  fundus'.padEnd(11)}${CV_METRICS.map(([k]) => `${fmt(cf[k])} ${fmt(rf[k])} ${fmt(bf?.[k]).trim()}`.padEnd(W)).join('')}`);
  }
  return lines.join('\n');
}

export type { Folder };

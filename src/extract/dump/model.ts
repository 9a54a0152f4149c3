// The learned block labeller's weights: a data file (models/dump-labeller.json, written by
// `npm run train`), read and checked once per process. Training and cross-validation swap in
// their own model with useDumpModel().
import { readFileSync } from 'node:fs';
import { checkModel, type GbdtModel } from '../../learn/gbdt.js';
import { FEATURE_COUNT, FEATURE_NAMES } from './features.js';
import { LABEL_COUNT, LABELS } from './labels.js';

export interface DumpModel {
  version: 1;
  labels: readonly string[];
  features: readonly string[];
  gbdt: GbdtModel;
}

export const MODEL_URL = new URL('../../../models/dump-labeller.json', import.meta.url);

/** Why a parsed model file cannot label dumps with today's features, or null. */
export function checkDumpModel(m: unknown): string | null {
  if (typeof m !== 'object' || m === null) return 'not an object';
  const d = m as Partial<DumpModel>;
  if (d.version !== 1) return `unsupported version ${String(d.version)}`;
  if (!Array.isArray(d.labels) || d.labels.join() !== LABELS.join()) return 'labels differ from this build\'s';
  if (!Array.isArray(d.features) || d.features.join() !== FEATURE_NAMES.join()) return 'features differ from this build\'s (retrain: npm run train)';
  const g = checkModel(d.gbdt);
  if (g) return g;
  if (d.gbdt!.features !== FEATURE_COUNT || d.gbdt!.classes !== LABEL_COUNT) return 'model shape differs from the features';
  return null;
}

let active: DumpModel | null | undefined;

/** The model in use: the one swapped in, else the shipped file (null when missing or unusable). */
export function dumpModel(): DumpModel | null {
  if (active !== undefined) return active;
  try {
    const m = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as unknown;
    active = checkDumpModel(m) === null ? (m as DumpModel) : null;
  } catch {
    active = null;
  }
  return active;
}

/** Use this model (null = the rule cascade; undefined = the shipped file again). */
export function useDumpModel(m: DumpModel | null | undefined): void {
  active = m;
}

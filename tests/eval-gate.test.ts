// The quality gate: lede's figures on ../shared/corpus must not fall below the floors pinned in
// tests/eval-floors.json (ceilings for leak rates). Floors only ever go up:
// `npm run eval -- --raise-floors` raises them to what a better change measures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOLDERS, corpusAvailable, evaluate, runLede, type FolderResult } from '../bench/eval-lib.js';

type Floor = number | { max: number };
const floors = JSON.parse(readFileSync(new URL('./eval-floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, Floor>>;

const HAVE = corpusAvailable();
if (!HAVE) console.warn('skipping the quality gate: ../shared/corpus (and ../shared/tools/score.mjs) not found');

describe.skipIf(!HAVE)('quality gate on ../shared/corpus', () => {
  it('has floors pinned for every folder', () => {
    // "cv" holds the leave-site-out floors, checked by `npm run eval -- --cv --check` (CI).
    expect(Object.keys(floors).filter((k) => k !== 'cv').sort()).toEqual(FOLDERS.map((f) => f.name).sort());
  });

  for (const folder of FOLDERS) {
    const pinned = floors[folder.name];
    if (!pinned) continue;
    it(`${folder.name}/ keeps its floors`, async () => {
      const run = runLede(folder);
      const result: FolderResult = await evaluate(folder, run.preds, run);
      const misses: string[] = [];
      for (const [metric, floor] of Object.entries(pinned)) {
        const got = result.metrics[metric]?.value;
        if (got === null || got === undefined) { misses.push(`${metric}: not measured`); continue; }
        if (typeof floor === 'number' ? got < floor : got > floor.max) {
          misses.push(`${metric}: ${got.toFixed(4)} vs ${typeof floor === 'number' ? `floor ${floor}` : `ceiling ${floor.max}`}`);
        }
      }
      expect(misses, `${folder.name}/ fell below its pinned floors`).toEqual([]);
    }, 300_000);
  }
});

// Baseline for bench/bench.ts: Readability.js + linkedom over the listed HTML files, printing
// one JSON line per page as lede extract does.
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

for (const path of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  try {
    const { document } = parseHTML(readFileSync(path, 'utf8'));
    const r = new Readability(document).parse();
    process.stdout.write(JSON.stringify({ source: path, headline: r?.title ?? null, body: r?.textContent ?? '' }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ source: path, error: String(err) }) + '\n');
  }
}

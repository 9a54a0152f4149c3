// Baseline for bench/bench.ts: read and decode every listed file, nothing else. lede cannot be
// faster than this; how close it gets is the figure.
import { readFileSync } from 'node:fs';

let chars = 0;
for (const path of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  chars += new TextDecoder().decode(readFileSync(path)).length;
}
process.stdout.write(`${chars}\n`);

// Preloaded by bench/bench.ts (node --import): writes the process's peak RSS (KiB) to the file
// named by LEDE_BENCH_RSS_FILE when it exits. Measurement only; the CLI knows nothing of it.
import { writeFileSync } from 'node:fs';

const file = process.env.LEDE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

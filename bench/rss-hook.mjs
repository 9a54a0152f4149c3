// Preloaded by bench/bench.ts (node --import): writes the process's peak RSS (KiB) to the file
// named by LEDE_BENCH_RSS_FILE when it exits. Measurement only; the CLI knows nothing of it.
//
// Worker threads live in this process's address space, so the process-wide high-water mark
// (getrusage's maxrss, /proc's VmHWM) includes every worker's heap. Node also runs this hook in
// each worker (execArgv is inherited): only the main thread writes, at the very end.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

function vmHwmKiB() {
  try {
    return Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // not Linux
  }
}

const file = process.env.LEDE_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => writeFileSync(file, String(Math.max(process.resourceUsage().maxRSS, vmHwmKiB()))));
}

// Test helper: Node flags that log every module URL a process loads (module hooks registered
// with --import), one URL per line in `log`; tests read it to see what a code path pulled in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function moduleLogging(prefix: string): { dir: string; log: string; nodeArgs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const log = join(dir, 'loaded.txt');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify('file://' + hooks)});`);
  return { dir, log, nodeArgs: ['--import', register] };
}

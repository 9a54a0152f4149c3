// lede's main() in-process, as the terminal-safety tests run it: a chosen terminal or pipe on
// stdout/stderr and optional stdin, no child process.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';

/** main() in-process; `tty` = stdout and stderr are a colour terminal. */
export async function ledeInProcess(args: string[], o: { tty?: boolean; stdin?: string } = {}) {
  const io = fakeIo({
    stdoutIsTTY: Boolean(o.tty), stderrIsTTY: Boolean(o.tty), env: o.tty ? {} : { NO_COLOR: '1' },
    ...(o.stdin !== undefined ? { stdin: Readable.from([o.stdin]) } : {}),
  });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

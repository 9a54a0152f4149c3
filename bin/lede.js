#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled CLI so tests can call main() without spawning.
import { main } from '../dist/cli/main.js';

// Exit once stdout and stderr have flushed. Waiting for the event loop to drain instead can hang
// after the reader of a pipe went away (`lede extract … | head`): the stdio handles stay open.
function exitAfterFlush(code) {
  let pending = 2;
  const done = () => { if (--pending === 0) process.exit(code); };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || stream.writableEnded) done();
    else stream.write('', done);
  }
}

main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (err) => {
    process.stderr.write(`lede: internal error: ${err && err.stack ? err.stack : err}\n`);
    exitAfterFlush(70);
  },
);

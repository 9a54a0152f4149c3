#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled CLI so tests can call run() without spawning.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`lede: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);

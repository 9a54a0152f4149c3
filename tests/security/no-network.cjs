// Preloaded (node --require) into the built CLI by no-network.test.ts: every way Node code can reach
// the network records itself in $LEDE_NET_LOG and throws. CommonJS, so --require runs it before
// the ESM entry point, and in every worker thread too (workers inherit execArgv); each thread also
// writes a "loaded" line, so the test can tell the guard ran where extraction runs.
'use strict';
const fs = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');

const log = process.env.LEDE_NET_LOG;
const note = (line) => { if (log) fs.appendFileSync(log, line + '\n'); };
note(`loaded thread=${threadId} main=${isMainThread}`);

function guard(obj, name, label) {
  if (!obj || typeof obj[name] !== 'function') return;
  obj[name] = function blocked(...args) {
    let what = '';
    try { what = JSON.stringify(args.slice(0, 2), (_k, v) => (typeof v === 'function' ? '[fn]' : v)); } catch { what = '?'; }
    note(`attempt ${label} ${what}`);
    throw new Error(`network blocked by test: ${label}`);
  };
}

const net = require('node:net');
guard(net.Socket.prototype, 'connect', 'net.Socket.connect');
guard(net, 'connect', 'net.connect');
guard(net, 'createConnection', 'net.createConnection');
const tls = require('node:tls');
guard(tls, 'connect', 'tls.connect');
const dns = require('node:dns');
for (const f of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'reverse']) {
  guard(dns, f, `dns.${f}`);
  guard(dns.promises, f, `dns.promises.${f}`);
}
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const f of ['request', 'get', 'connect']) guard(m, f, `${mod.slice(5)}.${f}`);
}
const dgram = require('node:dgram');
guard(dgram, 'createSocket', 'dgram.createSocket');
// fetch, and the undici behind it (Node bundles undici and exposes only these globals).
for (const g of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[g] === 'function') {
    const label = `globalThis.${g}`;
    globalThis[g] = function blocked(...args) { note(`attempt ${label} ${String(args[0])}`); throw new Error(`network blocked by test: ${label}`); };
  }
}

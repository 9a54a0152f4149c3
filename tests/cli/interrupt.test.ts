import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { watchInterrupts } from '../../src/cli/interrupt.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Whether a value is still reachable after `wait` has handed it back. */
async function retained(wait: (p: Promise<object>) => Promise<unknown>): Promise<boolean> {
  let ref!: WeakRef<object>;
  await (async () => {
    const value = { body: 'x'.repeat(1 << 20) };
    ref = new WeakRef(value);
    await wait(Promise.resolve(value));
  })();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return ref.deref() !== undefined;
}

describe('watchInterrupts().orStop', () => {
  it('hands back the value while no signal has come', async () => {
    const it = watchInterrupts(new EventEmitter());
    await expect(it.orStop(Promise.resolve(42))).resolves.toBe(42);
    await expect(it.orStop(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    it.dispose();
  });

  it('gives null as soon as a signal arrives, without waiting for the promise', async () => {
    const proc = new EventEmitter();
    const it = watchInterrupts(proc);
    const pending = it.orStop(new Promise<number>(() => {}));
    proc.emit('SIGINT');
    await expect(pending).resolves.toBeNull();
    await expect(it.orStop(Promise.resolve(1))).resolves.toBeNull();
    expect(it.signal).toBe('SIGINT');
    it.dispose();
  });

  // ingest waits on every result this way: a result must not stay reachable once handed back,
  // or memory grows with the number of files (the Promise.race it replaces kept them all).
  it('keeps no result alive after the call, unlike Promise.race against the signal', async () => {
    const it = watchInterrupts(new EventEmitter());
    expect(await retained((p) => it.orStop(p))).toBe(false);
    const stopped = it.received.then(() => null);
    expect(await retained((p) => Promise.race([p, stopped]))).toBe(true); // the leak this avoids
    it.dispose();
  });
});

// Turn what the user named (files, folders, "-") into the list of documents to read. Folders are
// walked in a stable order so two runs over the same tree report the same way; a path that
// cannot be used becomes an error item, never the end of the run.
import { opendirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_EXTENSIONS = ['.html', '.htm', '.xhtml', '.txt', '.text', '.md', '.markdown'] as const;

export type InputItem =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'error'; path: string; reason: string };

export interface DiscoverOptions {
  /** Extensions (with the dot, lower case) taken from folders; each also matches with ".gz". */
  extensions: readonly string[];
}

export function matchesExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return extensions.some((ext) => base.endsWith(ext));
}

export function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'not a directory';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'EIO': return 'input/output error (failing disk or network share)';
    // A socket (or a device without a driver) found where a file was listed.
    case 'ENXIO': case 'ENODEV': return 'not a regular file';
    default: return e?.message ?? String(err);
  }
}

function* walk(dir: string, options: DiscoverOptions, seen: Set<string>): Generator<InputItem> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (err) {
    yield { kind: 'error', path: dir, reason: reasonOf(err) };
    return;
  }
  if (seen.has(real)) return; // a symlink loop or a folder named twice
  seen.add(real);
  const files: string[] = [];
  const dirs: string[] = [];
  try {
    const handle = opendirSync(dir);
    try {
      for (let ent = handle.readSync(); ent !== null; ent = handle.readSync()) {
        // Hidden entries (.git, .cache, editor swap files) are never scraped articles.
        if (ent.name.startsWith('.')) continue;
        const path = join(dir, ent.name);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const st = statSync(path);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue; // dangling link inside a folder: nothing the user asked for by name
          }
        }
        if (isDir) dirs.push(path);
        else if (isFile && matchesExtension(ent.name, options.extensions)) files.push(path);
      }
    } finally {
      handle.closeSync();
    }
  } catch (err) {
    yield { kind: 'error', path: dir, reason: reasonOf(err) };
    return;
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const f of files.sort(byName)) yield { kind: 'file', path: f };
  for (const d of dirs.sort(byName)) yield* walk(d, options, seen);
}

/**
 * Expand inputs in the order given. A file named explicitly is taken whatever its extension
 * (the user asked for it); folders contribute only files with a known extension.
 */
export function* discover(inputs: Iterable<string>, options: DiscoverOptions): Generator<InputItem> {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let st: Stats;
    try {
      st = statSync(input);
    } catch (err) {
      yield { kind: 'error', path: input, reason: reasonOf(err) };
      continue;
    }
    if (st.isDirectory()) yield* walk(input, options, seen);
    else if (st.isFile()) yield { kind: 'file', path: input };
    else yield { kind: 'error', path: input, reason: 'not a regular file' };
  }
}

/** Split a --files-from list: NUL-separated with -0, else one path per line (CRLF tolerated). */
export function parseFileList(content: string, nulSeparated: boolean): string[] {
  const parts = nulSeparated ? content.split('\0') : content.split(/\r?\n/);
  return parts.filter((p) => (nulSeparated ? p !== '' : p.trim() !== '')).map((p) => (nulSeparated ? p : p.replace(/\s+$/, '')));
}

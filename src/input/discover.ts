// Turn what the user named (files, folders, "-") into the list of documents to read. Folders are
// walked in a stable order so two runs over the same tree report the same way; a path that
// cannot be used becomes an error item, never the end of the run. Every entry named like an
// article is accounted for: one that cannot be read (a FIFO, a broken link, a link loop) is an
// error item too, not silently passed over.
import { lstatSync, opendirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_EXTENSIONS = ['.html', '.htm', '.xhtml', '.txt', '.text', '.md', '.markdown'] as const;

export type InputItem =
  /**
   * `path` is what lede prints and stores; `fsPath`, when present, is the name as the file system
   * has it (bytes that are not UTF-8, which no JavaScript string can hold), to open the file by.
   */
  | { kind: 'file'; path: string; fsPath?: Buffer }
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

/**
 * A file name as lede prints and stores it: UTF-8 as is, any byte that is not part of valid UTF-8
 * written as \\xHH (Latin-1 names from old archives, names cut mid-character). Distinct names stay
 * distinct, so two such files never share a record.
 */
export function displayName(name: Buffer): string {
  const text = name.toString('utf8');
  if (Buffer.byteLength(text) === name.length && !text.includes('\ufffd')) return text;
  const fatal = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  for (let i = 0; i < name.length;) {
    const lead = name[i]!;
    const len = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    let ch: string | null = null;
    if (len > 0 && i + len <= name.length) {
      try {
        ch = fatal.decode(name.subarray(i, i + len));
      } catch { /* not a whole character */ }
    }
    if (ch === null) {
      out += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    } else {
      out += ch;
      i += len;
    }
  }
  return out;
}

/** A folder being walked: its printable path, and the path to open it by when that differs. */
interface Place { path: string; fs: string | Buffer }

const child = (dir: Place, name: Buffer, shown: string): Place => {
  if (typeof dir.fs === 'string' && Buffer.from(shown).equals(name)) return { path: join(dir.path, shown), fs: join(dir.fs, shown) };
  const base = typeof dir.fs === 'string' ? Buffer.from(dir.fs) : dir.fs;
  return { path: join(dir.path, shown), fs: Buffer.concat([base, Buffer.from('/'), name]) };
};

const fileItem = (p: Place): InputItem => (typeof p.fs === 'string' ? { kind: 'file', path: p.path } : { kind: 'file', path: p.path, fsPath: p.fs });

/** Why a link cannot be followed: a missing target is said as such (the link itself is there). */
function linkReason(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : reasonOf(err);
}

function* walk(dir: Place, options: DiscoverOptions, seen: Set<string>): Generator<InputItem> {
  let real: string;
  try {
    // The native realpath: the JavaScript one turns a Buffer path into a string, losing bytes that are not UTF-8.
    real = realpathSync.native(dir.fs, { encoding: 'buffer' }).toString('latin1');
  } catch (err) {
    yield { kind: 'error', path: dir.path, reason: reasonOf(err) };
    return;
  }
  if (seen.has(real)) return; // a symlink loop or a folder named twice
  seen.add(real);
  const files: { name: string; item: InputItem }[] = [];
  const dirs: { name: string; place: Place }[] = [];
  try {
    // Names as bytes: a name that is not UTF-8 must still be opened by its real bytes.
    // (@types/node types opendir's names as strings whatever the encoding.)
    const handle = opendirSync(dir.fs, { encoding: 'buffer' as BufferEncoding });
    try {
      for (let ent = handle.readSync(); ent !== null; ent = handle.readSync()) {
        const raw = ent.name as unknown as Buffer;
        // Hidden entries (.git, .cache, editor swap files) are never scraped articles.
        if (raw[0] === 0x2e) continue;
        const name = displayName(raw);
        const place = child(dir, raw, name);
        const wanted = matchesExtension(name, options.extensions);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const st = statSync(place.fs);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch (err) {
            // A dangling link or a loop named like an article stands for one the user expects read.
            if (wanted) files.push({ name, item: { kind: 'error', path: place.path, reason: linkReason(err) } });
            continue;
          }
        }
        if (isDir) dirs.push({ name, place });
        else if (wanted) files.push({ name, item: isFile ? fileItem(place) : { kind: 'error', path: place.path, reason: 'not a regular file' } });
      }
    } finally {
      handle.closeSync();
    }
  } catch (err) {
    yield { kind: 'error', path: dir.path, reason: reasonOf(err) };
    return;
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const f of files.sort(byName)) yield f.item;
  for (const d of dirs.sort(byName)) yield* walk(d.place, options, seen);
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
      let link = false;
      try {
        link = lstatSync(input, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
      } catch { /* the stat error says it */ }
      yield { kind: 'error', path: input, reason: link ? linkReason(err) : reasonOf(err) };
      continue;
    }
    if (st.isDirectory()) yield* walk({ path: input, fs: input }, options, seen);
    else if (st.isFile()) yield { kind: 'file', path: input };
    else yield { kind: 'error', path: input, reason: 'not a regular file' };
  }
}

/** Split a --files-from list: NUL-separated with -0, else one path per line (CRLF tolerated). */
export function parseFileList(content: string, nulSeparated: boolean): string[] {
  const parts = nulSeparated ? content.split('\0') : content.split(/\r?\n/);
  return parts.filter((p) => (nulSeparated ? p !== '' : p.trim() !== '')).map((p) => (nulSeparated ? p : p.replace(/\s+$/, '')));
}

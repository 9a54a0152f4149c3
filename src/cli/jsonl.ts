// One line that `lede extract` printed, read back for `lede ingest --from-jsonl`: checked key by
// key so a line that is cut, edited by hand or from another program is refused with the reason,
// never stored half right. Pure: text in, a result or a reason out.
import { contentHash } from '../normalize/hash.js';
import { FORMATS, META_FIELDS, type ExtractResult, type Format, type Status } from '../types.js';

export type ParsedLine = { ok: true; result: ExtractResult } | { ok: false; reason: string };

const STATUSES: readonly Status[] = ['ok', 'no_body', 'error'];
const PROVENANCE_KEYS = new Set<string>([...META_FIELDS, 'body']);
const HEX64 = /^[0-9a-f]{64}$/;

const fail = (reason: string): ParsedLine => ({ ok: false, reason });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

export function parseExtractLine(line: string): ParsedLine {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (err) {
    return fail(`not JSON (${(err as Error).message})`);
  }
  if (!isObject(o)) return fail(`not a JSON object but ${kind(o)}`);

  const str = (k: string, nullable: boolean): string | null | Error => {
    const v = o[k];
    if (v === undefined) return new Error(`"${k}" is missing`);
    if (v === null && nullable) return null;
    if (typeof v !== 'string') return new Error(`"${k}" must be a string${nullable ? ' or null' : ''}, got ${kind(v)}`);
    return v;
  };

  const status = o.status;
  if (typeof status !== 'string' || !STATUSES.includes(status as Status)) {
    return fail(status === undefined ? '"status" is missing (not a line of lede extract?)' : `"status" must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
  }
  const fields: Record<string, string | null> = {};
  for (const [k, nullable] of [['source', false], ['body', false], ['content_hash', false], ['error', true], ['format', true],
    ...META_FIELDS.map((f) => [f, true] as const)] as const) {
    const v = str(k, nullable);
    if (v instanceof Error) return fail(v.message);
    fields[k] = v;
  }
  if (fields.source === '') return fail('"source" is empty');
  const format = fields.format as Format | null;
  if (format !== null && !FORMATS.includes(format)) return fail(`"format" must be one of ${FORMATS.join(', ')} or null, got ${JSON.stringify(format)}`);
  const wc = o.word_count;
  if (typeof wc !== 'number' || !Number.isSafeInteger(wc) || wc < 0) return fail(`"word_count" must be a whole number >= 0, got ${JSON.stringify(wc) ?? 'nothing'}`);
  const prov = o.provenance;
  if (!isObject(prov)) return fail(`"provenance" must be an object, got ${kind(prov)}`);
  for (const [k, v] of Object.entries(prov)) {
    if (!PROVENANCE_KEYS.has(k)) return fail(`"provenance" has an unknown field "${k}"`);
    if (typeof v !== 'string') return fail(`"provenance.${k}" must be a string, got ${kind(v)}`);
  }

  if (status === 'ok') {
    if (format === null) return fail('"format" is null in a line with status ok');
    if (fields.body === '') return fail('"body" is empty in a line with status ok');
    if (!HEX64.test(fields.content_hash!)) return fail('"content_hash" is not a sha256 hex digest');
    // The article's identity: a line whose headline or body was changed after extraction would
    // otherwise be stored under the hash of other text and fold wrongly with other rows.
    if (contentHash(fields.headline!, fields.body!) !== fields.content_hash) return fail('"content_hash" does not match the headline and body (edited after lede extract?)');
  } else if (fields.error === null) {
    return fail(`"error" is null in a line with status ${status}`);
  }

  const result: ExtractResult = {
    id: null,
    source: fields.source!,
    format,
    url: fields.url!, tag: fields.tag!, headline: fields.headline!, deck: fields.deck!, byline: fields.byline!,
    published: fields.published!, lang: fields.lang!,
    body: fields.body!,
    word_count: wc,
    content_hash: fields.content_hash!,
    ingested_at: null,
    provenance: prov as ExtractResult['provenance'],
    status: status as Status,
    error: fields.error ?? null,
  };
  return { ok: true, result };
}

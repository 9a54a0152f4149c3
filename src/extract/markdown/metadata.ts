// Metadata a Markdown dump states: YAML front matter, or a leading fenced JSON object that
// some converters write before the body (```json {"title": …, "author": …, "published": …}).
import { parse as parseYaml } from 'yaml';
import { fieldsFromObject, type DocMeta } from '../dump/header.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A leading code block's object when it is JSON and names at least one known field. */
export function parseJsonHeader(lang: string | null, value: string): Record<string, unknown> | null {
  if (lang !== null && !/^(?:json|jsonc|json5)$/i.test(lang)) return null;
  const v = value.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return null;
  try {
    const obj: unknown = JSON.parse(v);
    if (!isObject(obj)) return null;
    return Object.keys(fieldsFromObject(obj)).length > 0 || 'title' in obj ? obj : null;
  } catch {
    return null;
  }
}

/** Fields of YAML front matter; null when it does not parse or says nothing we know. */
export function frontMatterMeta(yaml: string): DocMeta | null {
  try {
    const obj: unknown = parseYaml(yaml);
    if (!isObject(obj)) return null;
    const fields = fieldsFromObject(obj);
    return Object.keys(fields).length > 0 ? { fields, source: 'md:front-matter' } : null;
  } catch {
    return null;
  }
}

export function jsonHeaderMeta(obj: Record<string, unknown>): DocMeta | null {
  const fields = fieldsFromObject(obj);
  return Object.keys(fields).length > 0 ? { fields, source: 'md:json-header' } : null;
}

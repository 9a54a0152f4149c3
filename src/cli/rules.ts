// `--rules FILE`: a JSON object that teaches lede a site without code. Validated up front so a
// typo is one clear usage error, not a silent no-op halfway through a batch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';
import { reasonOf } from '../input/discover.js';
import { META_FIELDS, type Rules } from '../types.js';

const SELECTOR_FIELDS = new Set<string>([...META_FIELDS, 'body']);

function stringList(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
    throw new Error(`${where} must be a list of non-empty strings`);
  }
  return v as string[];
}

// cheerio is loaded only when a rules file names selectors: every other run of the main thread
// goes without it (the extraction workers have their own).
const loadCheerio = (): typeof import('cheerio/slim') => createRequire(import.meta.url)('cheerio/slim') as typeof import('cheerio/slim');

function checkSelectors(list: string[], where: string): void {
  const $ = loadCheerio().load('<html></html>');
  for (const s of list) {
    try {
      $(s);
    } catch {
      throw new Error(`${where}: invalid CSS selector ${JSON.stringify(s)}`);
    }
  }
}

/** Shape check of a parsed rules object; throws Error with a message naming the bad key. */
export function validateRules(raw: unknown): Rules {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('must be a JSON object');
  const o = raw as Record<string, unknown>;
  const rules: Rules = {};
  for (const key of Object.keys(o)) {
    if (key === 'boilerplate') rules.boilerplate = stringList(o.boilerplate, 'boilerplate');
    else if (key === 'remove') {
      rules.remove = stringList(o.remove, 'remove');
      checkSelectors(rules.remove, 'remove');
    } else if (key === 'selectors') {
      const sel = o.selectors;
      if (sel === null || typeof sel !== 'object' || Array.isArray(sel)) throw new Error('selectors must be an object of field → list of CSS selectors');
      rules.selectors = {};
      for (const [field, list] of Object.entries(sel as Record<string, unknown>)) {
        if (!SELECTOR_FIELDS.has(field)) throw new Error(`selectors.${field}: unknown field (one of ${[...SELECTOR_FIELDS].join(', ')})`);
        const l = stringList(list, `selectors.${field}`);
        checkSelectors(l, `selectors.${field}`);
        rules.selectors[field as keyof NonNullable<Rules['selectors']>] = l;
      }
    } else if (key !== '$comment' && key !== 'comment') {
      throw new Error(`unknown key ${JSON.stringify(key)} (expected boilerplate, remove, selectors)`);
    }
  }
  return rules;
}

export function parseRules(path: string): Rules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--rules ${path}: ${reasonOf(err)}`);
  }
  try {
    return validateRules(JSON.parse(text));
  } catch (err) {
    throw new UsageError(`--rules ${path}: ${(err as Error).message}`);
  }
}

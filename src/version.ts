// lede's version, from package.json: printed by --version and part of every source's settings
// fingerprint (an upgraded extractor re-reads files a re-run would otherwise skip).
import { readFileSync } from 'node:fs';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

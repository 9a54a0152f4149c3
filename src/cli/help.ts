// What `lede <command> --help` ends with: a few examples a user can paste. Kept apart from the
// command table so each command's examples sit together and a test can check every command has some.
import type { Command } from 'commander';

/** Two to four lines per command: the command as typed, then what it does. */
export const COMMAND_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  ingest: [
    'lede ingest scraped/                       store every article under scraped/ in ./lede.db',
    'lede ingest page.html notes.md --json      store two files and print their rows',
    "find scraped -name '*.html' -print0 | lede ingest --files-from - -0",
    'lede ingest --from-jsonl rows.jsonl        store the rows lede extract printed elsewhere',
  ],
  merge: [
    'lede merge shard-1.db shard-2.db --db all.db   one database from shards (docs/SCALE.md)',
    'lede merge more.db                         fold more.db into ./lede.db (duplicates become sources)',
  ],
  extract: [
    'lede extract page.html | jq .deck          one page as JSON, no database',
    "lede extract dumps/ | jq -r 'select(.status == \"ok\") | .headline'",
    'curl -s https://example.com/a | lede extract -',
  ],
  list: [
    'lede list --limit 20 --tag Politics        id, date, tag, headline',
    'lede list --order desc --since 2025-01-01  newest first, published this year',
    'lede list --sources --status error         input files that failed',
  ],
  show: [
    'lede show 42                               fields, where each was found, then the body',
    'lede show 42 --json | jq .provenance',
  ],
  search: [
    'lede search harbor                         ranked, with a snippet',
    "lede search 'sanctuary AND \"police union\"' --limit 5",
    'lede search budg* --json | jq -r .headline',
  ],
  export: [
    'lede export > articles.jsonl               every article as JSON Lines',
    'lede export --format csv -o articles.csv',
  ],
  stats: [
    'lede stats                                 counts by format, language and tag',
    'lede stats --json | jq .total',
  ],
};

/** Appends each command's examples to its --help; a command missing from the table gets none. */
export function addExamples(program: Command): void {
  for (const cmd of program.commands) {
    const lines = COMMAND_EXAMPLES[cmd.name()];
    if (lines) cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  }
}

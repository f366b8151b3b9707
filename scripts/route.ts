/**
 * npm run --silent route -- "prompt"        → one JSON decision
 * npm run --silent route -- --jsonl FILE|-  → one JSON line per input line ({"text": …}), in order
 * A malformed input line stops the run with its line number on stderr and exit code 1: no silent gaps.
 */
import { readFileSync } from 'node:fs';
import { route } from '../src/router';
import { DEFAULT_ROUTER_SETTINGS } from '../src/router/defaults';

const USAGE = 'usage: npm run --silent route -- "prompt"\n       npm run --silent route -- --jsonl FILE|-';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (e) {
    return fail(`cannot read ${source === '-' ? 'stdin' : source}: ${(e as Error).message}`);
  }
}

function runJsonl(source: string): void {
  const lines = readInput(source).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line.trim() === '') fail(`${where}: empty line, expected a JSON object with a "text" field`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      fail(`${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
      fail(`${where}: expected a JSON object with a string "text" field`);
    }
    out.push(JSON.stringify(route((value as { text: string }).text, DEFAULT_ROUTER_SETTINGS)));
  });
  process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
}

const args = process.argv.slice(2);
if (args[0] === '--jsonl') {
  if (args.length !== 2) fail(USAGE, 2);
  runJsonl(args[1] as string);
} else if (args.length === 1 && !(args[0] as string).startsWith('--')) {
  process.stdout.write(`${JSON.stringify(route(args[0] as string, DEFAULT_ROUTER_SETTINGS), null, 2)}\n`);
} else if (args[0] === '--help' || args[0] === '-h') {
  process.stdout.write(`${USAGE}\n`);
} else {
  fail(USAGE, 2);
}

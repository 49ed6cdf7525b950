import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Steering scripts/bench-api/io-recorder.ts in one server, and comparing what
 * two servers did for the same request: the same SQL statements with the same
 * values, and the same Redis commands, in the same order. Times (the moment
 * of the request, inside values and text alike) and the request limit's own
 * member ids differ from run to run and are left out; a key's prefix (each
 * server counts under its own) is too.
 */
export interface IoEntry {
  kind: 'sql' | 'redis';
  text: string;
  values: unknown[];
}

export class IoRecorder {
  private count = 0;

  constructor(readonly file: string) {
    writeFileSync(`${file}.control`, 'off 0');
  }

  async record(request: () => Promise<unknown>): Promise<IoEntry[]> {
    this.count += 1;
    writeFileSync(`${this.file}.control`, `on ${this.count}`);
    // The recorder learns of the change through the file system (inotify): give it a moment.
    await sleep(150);
    await request();
    writeFileSync(`${this.file}.control`, `off ${this.count}`);
    const out = `${this.file}.${this.count}`;
    for (let i = 0; i < 100 && !existsSync(out); i += 1) await sleep(50);
    if (!existsSync(out)) throw new Error(`No I/O record from ${this.file}: was the server started with the recorder?`);
    return JSON.parse(readFileSync(out, 'utf8')) as IoEntry[];
  }
}

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** One entry as a line to compare: whitespace collapsed, times masked; for Redis also prefixes and member ids. */
export function normalise(entry: IoEntry, redisPrefix: string): string {
  const values = JSON.stringify(entry.values).replace(TIME, '<time>');
  if (entry.kind === 'sql') return `SQL ${entry.text.replace(/\s+/g, ' ').trim()} ${values}`;
  return `REDIS ${entry.text} ${values.split(`${redisPrefix}:`).join('<prefix>:').replace(UUID, '<id>')}`;
}

/**
 * The entries with their numeric values masked: for a mutation whose
 * statements carry a counter that each request advances (a registration's
 * arrival number), the platform's request and the baseline's, one after the
 * other, cannot carry the same one.
 */
export function withoutNumbers(entries: string[]): string[] {
  return entries.map((entry) => entry.replace(/([[,])-?\d+(?:\.\d+)?(?=[\],])/g, '$1<n>'));
}

/** Whether two records hold the same entries, in whatever order. */
export function sameEntries(platform: string[], baseline: string[]): boolean {
  return platform.length === baseline.length && [...platform].sort().join('\n') === [...baseline].sort().join('\n');
}

/** Null when alike, in the same order; else the first difference, readable. */
export function ioDifference(platform: string[], baseline: string[]): string | null {
  const length = Math.max(platform.length, baseline.length);
  for (let i = 0; i < length; i += 1) {
    if (platform[i] === baseline[i]) continue;
    return [
      `${platform.length} statements and commands on the platform, ${baseline.length} on the baseline; the first difference is number ${i + 1}${sameEntries(platform, baseline) ? ' (the same ones, in another order)' : ''}:`,
      `  platform: ${platform[i] ?? '(nothing)'}`,
      `  baseline: ${baseline[i] ?? '(nothing)'}`,
    ].join('\n');
  }
  return null;
}

/** The first place two JSON texts differ, with the path to it. */
export function jsonDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const walk = (x: unknown, y: unknown, path: string): string | null => {
    if (JSON.stringify(x) === JSON.stringify(y)) return null;
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      for (const key of keys) {
        const found = walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${path}.${key}`);
        if (found) return found;
      }
      return `${path}: the same members in another order`;
    }
    return `${path}:\n  platform: ${JSON.stringify(x)}\n  baseline: ${JSON.stringify(y)}`;
  };
  return walk(JSON.parse(a), JSON.parse(b), '$') ?? 'the same JSON, written differently';
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

import { readFileSync, renameSync, watch, writeFileSync } from 'node:fs';

/**
 * Loaded with `node --require` into both servers the API benchmark measures
 * (the platform's API and the bare baseline), so that it can check that they
 * do the same I/O for a request: every SQL statement sent through `pg` and
 * every Redis command sent through `ioredis`, in order. The benchmark steers
 * it through the file `${BENCH_IO_LOG}.control` (watched, not polled; a
 * signal would not do: Nest shuts down on SIGUSR2 and SIGHUP): `on <n>` starts
 * recording afresh, `off <n>` stops it and writes what was recorded to
 * `${BENCH_IO_LOG}.<n>` as JSON; each n once, counting up. While off it costs a test of one boolean per
 * statement and per command, in both servers alike.
 */
interface Recorded {
  kind: 'sql' | 'redis';
  text: string;
  values: unknown[];
}

const target = process.env.BENCH_IO_LOG;
let recording = false;
let recorded: Recorded[] = [];
let started = 0;
let written = 0;

type Query = (this: unknown, config: unknown, values?: unknown, callback?: unknown) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: { prototype: { query: Query } } };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, config: unknown, values?: unknown, callback?: unknown) {
  if (recording) {
    const text = typeof config === 'string' ? config : ((config as { text?: string }).text ?? '');
    const given = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
    recorded.push({ kind: 'sql', text, values: given.map(plain) });
  }
  return query.call(this, config, values, callback);
};

type SendCommand = (this: unknown, command: { name: string; args: unknown[] }, stream?: unknown) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ioredis = require('ioredis') as { default: { prototype: { sendCommand: SendCommand } } };
const sendCommand = ioredis.default.prototype.sendCommand;
ioredis.default.prototype.sendCommand = function (this: unknown, command: { name: string; args: unknown[] }, stream?: unknown) {
  if (recording) recorded.push({ kind: 'redis', text: command.name, values: command.args.map(plain) });
  return sendCommand.call(this, command, stream);
};

if (target) {
  const control = `${target}.control`;
  // A write may arrive as several events: each reads the file again, and acts once.
  const steer = () => {
    const [command, n] = readFileSync(control, 'utf8').trim().split(' ');
    if (command === 'on' && Number(n) > started) {
      started = Number(n);
      recorded = [];
      recording = true;
    } else if (command === 'off' && recording && Number(n) > written) {
      recording = false;
      written = Number(n);
      writeFileSync(`${target}.${n}.part`, JSON.stringify(recorded));
      renameSync(`${target}.${n}.part`, `${target}.${n}`);
      recorded = [];
    }
  };
  watch(control, { persistent: false }, steer);
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString();
  return value;
}

/**
 * Preloaded into the platform's API by `BENCH_CPU_PROFILE=<folder> npm run bench:api` (Node refuses
 * --cpu-prof in NODE_OPTIONS): profiles the process from its start and writes a V8 CPU profile into
 * the folder when it exits, for Chrome's DevTools (Performance, "Load profile").
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.BENCH_CPU_PROFILE_DIR;
if (folder) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  // An in-process inspector session answers synchronously, so the profile is written before Nest's own
  // handler closes the app (and raises the signal again, which ends the process without an 'exit' event).
  const write = () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(folder, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  process.once('SIGTERM', write);
  process.once('SIGINT', write);
}

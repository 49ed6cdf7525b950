import { setTimeout as sleep } from 'node:timers/promises';
import { seconds, type HealthSample } from './checks';

/** Waiting on the platform: every API's readiness, polled as a load balancer would, and a condition polled until a deadline. */

/** Polls every API's /health/ready directly, four times a second. */
export class HealthWatch {
  readonly samples: HealthSample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(ports: number[]) {
    this.loop = (async () => {
      while (this.running) {
        const at = Date.now();
        const answers = await Promise.all(ports.map((port) => readiness(port)));
        const why = answers.map((answer, i) => (answer === 'ready' ? '' : `api ${i + 1} ${answer}`)).filter(Boolean);
        this.samples.push({ at, ok: why.length === 0, ...(why.length ? { why: why.join(', ') } : {}) });
        await sleep(250);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** How long a readiness probe waits, as a load balancer's would. */
const PROBE_TIMEOUT_MS = 2_000;

export async function ready(port: number): Promise<boolean> {
  return (await readiness(port)) === 'ready';
}

/** 'ready', or why not: the HTTP status, refused, or no answer within PROBE_TIMEOUT_MS. */
async function readiness(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.ok ? 'ready' : String(response.status);
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return 'no answer';
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'refused' : 'error';
  }
}

export async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return true;
    await sleep(everyMs);
  }
  console.log(`  ! ${what}: not within ${seconds(timeoutMs)}`);
  return false;
}

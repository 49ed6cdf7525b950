import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { importEsm } from './esm-import';
import { once } from './process-utils';
import { dropLog, errorMessage, type LogFn, type StoppableService } from './types';

export interface MailSinkOptions {
  /** Default: a free port chosen by the OS. */
  smtpPort?: number;
  /** Default: a free port chosen by the OS. */
  webPort?: number;
  log?: LogFn;
}

export interface RunningMailSink extends StoppableService {
  /** smtp://127.0.0.1:PORT, plain SMTP without authentication. */
  smtpUrl: string;
  /** http://127.0.0.1:PORT: the inbox; GET /api/email, DELETE /api/email/all. */
  webUrl: string;
}

const HOST = '127.0.0.1';

/*
 * The parts of maildev 3 used here, declared locally like the PostgreSQL binaries:
 * its typings are for ESM consumers. See node_modules/maildev/dist/index.d.ts.
 */
interface MaildevModule {
  getDefaultConfig(): Record<string, unknown>;
  createOrchestrator(options: { config: Record<string, unknown>; logger: MaildevLogger }): MaildevOrchestrator;
}

interface MaildevOrchestrator {
  start(): Promise<{ smtp: { getPort(): number }; api?: { getPort(): number | null } }>;
  stop(): Promise<void>;
}

/** What maildev's Orchestrator calls on its logger (utils/logger.d.ts). */
interface MaildevLogger {
  configure(): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  success(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
  banner(lines: string[]): void;
  keyValue(key: string, value: string): void;
  email(from: string, to: string, subject: string): void;
  emailContents(email: unknown): void;
}

/**
 * Starts MailDev (SMTP sink plus web inbox) in this process, both on
 * 127.0.0.1. Port 0 lets the OS pick free ports, read back after start.
 */
export async function startMailSink(opts: MailSinkOptions = {}): Promise<RunningMailSink> {
  // Own folder for the .eml files: maildev's default is one shared
  // $TMPDIR/maildev that "DELETE /api/email/all" empties for every instance.
  const mailDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'dev-mail-'));
  const removeMailDirectory = (): Promise<void> => fs.rm(mailDirectory, { recursive: true, force: true });
  try {
    const maildev = await importEsm<MaildevModule>('maildev');
    const orchestrator = maildev.createOrchestrator({
      config: { ...maildev.getDefaultConfig(), ...listenConfig(opts), mailDirectory, verbose: false, silent: false },
      logger: maildevLogger(opts.log ?? dropLog),
    });
    // Its web server announces itself with console.info, whatever the logger: to our log with the rest.
    const consoleInfo = console.info;
    console.info = (...args: unknown[]) => (opts.log ?? dropLog)(format(...args));
    const servers = await orchestrator
      .start()
      .catch(async (error: unknown) => {
        await stopHalfStarted(orchestrator);
        throw error;
      })
      .finally(() => {
        console.info = consoleInfo;
      });
    return {
      smtpUrl: `smtp://${HOST}:${servers.smtp.getPort()}`,
      webUrl: `http://${HOST}:${servers.api?.getPort() ?? opts.webPort}`,
      stop: once(async () => {
        await orchestrator.stop();
        await removeMailDirectory();
      }),
    };
  } catch (error) {
    await removeMailDirectory();
    throw new Error(`MailDev failed to start (SMTP port ${opts.smtpPort ?? 'any'}, web port ${opts.webPort ?? 'any'}): ${errorMessage(error)}`);
  }
}

/*
 * Orchestrator.stop() does nothing unless start() completed. When the web
 * port is taken, SMTP is already listening and would keep the process alive,
 * so its (private) servers are closed directly.
 */
async function stopHalfStarted(orchestrator: MaildevOrchestrator): Promise<void> {
  const parts = orchestrator as unknown as Partial<Record<'api' | 'smtp', { stop(): Promise<void> } | null>>;
  await parts.api?.stop().catch(() => undefined);
  await parts.smtp?.stop().catch(() => undefined);
}

function listenConfig(opts: MailSinkOptions): Record<string, unknown> {
  // maildev's defaults listen on every interface ('::' and '0.0.0.0').
  return { smtp: opts.smtpPort ?? 0, web: opts.webPort ?? 0, ip: HOST, webIp: HOST };
}

/** Routes maildev's messages to our log; its debug chatter is dropped. */
function maildevLogger(log: LogFn): MaildevLogger {
  const write = (message: string, ...args: unknown[]): void => log(format(message, ...args));
  return {
    configure: () => undefined,
    debug: () => undefined,
    info: write,
    success: write,
    warn: write,
    error: write,
    banner: (lines) => lines.forEach((line) => log(line)),
    keyValue: (key, value) => log(`${key}: ${value}`),
    email: (from, to, subject) => log(`mail from ${from} to ${to}: ${subject}`),
    emailContents: () => undefined,
  };
}

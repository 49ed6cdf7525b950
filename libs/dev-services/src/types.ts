/** Receives one line of a service's own output (PostgreSQL, Redis, MailDev). */
export type LogFn = (line: string) => void;

/** Anything that was started and can be stopped again. */
export interface StoppableService {
  stop(): Promise<void>;
}

/** Drops log lines: the default, so tests and `npm start` stay quiet. */
export const dropLog: LogFn = () => undefined;

/**
 * Message of anything thrown. Duck-typed on purpose: packages loaded through
 * the main-context loader (see esm-import.ts) throw Errors from another realm,
 * which fail `instanceof Error`.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

import { errorMessage, type StoppableService } from './types';

/**
 * Stops services in reverse start order (the API before the database it uses),
 * keeps going when one fails, and reports every failure at the end.
 * Entries may be undefined so callers can pass services that never started.
 */
export async function stopAll(services: ReadonlyArray<StoppableService | undefined>): Promise<void> {
  const errors: unknown[] = [];
  for (const service of [...services].reverse()) {
    try {
      await service?.stop();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    const messages = errors.map(errorMessage);
    throw new AggregateError(errors, `${errors.length} service(s) failed to stop: ${messages.join('; ')}`);
  }
}

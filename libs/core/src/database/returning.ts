import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Updates the row with this id and answers it as it now is, in one statement
 * (`UPDATE … RETURNING *`) instead of an update and a read: the row comes back
 * with what the database set (updated_at), each column read as TypeORM reads
 * it. Null when there is no such row.
 */
export async function updateReturning<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, id: string, values: QueryDeepPartialEntity<T>): Promise<T | null> {
  const result = await em.createQueryBuilder().update(target).set(values).where('id = :id', { id }).returning('*').execute();
  const row = (result.raw as Array<Record<string, unknown>>)[0];
  return row ? entityOfRow(em, target, row) : null;
}

/** Inserts a row and answers it as stored, defaults and generated columns included, in one statement. */
export async function insertReturning<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, values: QueryDeepPartialEntity<T>): Promise<T> {
  const result = await em.createQueryBuilder().insert().into(target).values(values).returning('*').execute();
  return entityOfRow(em, target, (result.raw as Array<Record<string, unknown>>)[0]);
}

/** A row of `target`'s table (columns by their database names) as its entity. */
function entityOfRow<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = em.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, em.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

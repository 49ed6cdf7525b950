import { EntityManager } from 'typeorm';
import { BadInputError, type Language, NotFoundError, RequestContext, says, type Words } from '@app/core';
import { checkAsOf, checkSource, CitiesLoaders, City, lockCity, requireCity, SOURCE_MAX_LENGTH as SOURCE_MAX, SOURCE_MIN_LENGTH as SOURCE_MIN } from '@app/cities';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';

export { SOURCE_MIN, SOURCE_MAX };
export const SOURCE_MESSAGE = says(
  `must be ${SOURCE_MIN} to ${SOURCE_MAX} characters: say where the evidence comes from (document, web page, meeting, date).`,
  `${SOURCE_MIN}자에서 ${SOURCE_MAX}자 사이로, 근거의 출처(문서, 웹페이지, 회의, 날짜)를 써 주세요.`,
);
export const DATE_MESSAGE = says('must be a date written YYYY-MM-DD, e.g. 2024-03-31.', 'YYYY-MM-DD 형식의 날짜여야 합니다(예: 2024-03-31).');
export const CITY_ID_MESSAGE = says('must be a city id such as busan.', 'busan 같은 도시 ID여야 합니다.');

/** A decorator's message (says()) as the words a service's own check refuses with, so both say the same. */
export function wordsOf(message: ReturnType<typeof says>): Words {
  return { en: message.message, ko: message.context.ko };
}

/** Trims a source and checks its length: every piece of evidence says where it comes from. */
export function checkEvidenceSource(source: string | null | undefined, field = 'source'): string {
  return checkSource(source, field, 'where the evidence comes from (document, web page, meeting, date)');
}

/** A YYYY-MM-DD date that exists and is not after `today`; `today` when none is given. */
export function checkEvidenceDate(asOf: string | null | undefined, today: string, field = 'asOf'): string {
  return asOf == null ? today : checkAsOf(asOf, today, field);
}

/** Trimmed text of `min` to `max` characters, or BAD_USER_INPUT naming the field; `what` asks for it in both languages. */
export function checkText(value: string | null | undefined, field: string, min: number, max: number, what: Words): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw BadInputError.field(field, { en: `must be ${min} to ${max} characters: ${what.en}.`, ko: `${what.ko}(${min}~${max}자).` });
  }
  return trimmed;
}

/** A link's source in the reader's language: the Korean the platform wrote for its own links, else as written. */
export function sourceIn(link: { source: string; sourceKo: string | null }, language: Language): string {
  return (language === 'ko' && link.sourceKo) || link.source;
}

/** Evidence's writes lock its city (serialising them), through the cities context. */
export { lockCity, requireCity };

/** The city through the request's loader, or NOT_FOUND: for the resolvers. */
export async function cityOf(loaders: CitiesLoaders, ctx: RequestContext, cityId: string): Promise<City> {
  const city = await loaders.city(ctx).load(cityId);
  if (!city) throw new NotFoundError('city', cityId);
  return city;
}

/** A row as plain JSON for the audit: dates as ISO strings, relations left out. */
export function snapshot(row: object | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const plain = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  for (const relation of ['city', 'sector', 'cityA', 'cityB', 'otherPlaceCountry', 'owner', 'supersededBy']) delete plain[relation];
  return plain;
}

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string;
  cityIds: readonly string[];
  before: object | null;
  after: object | null;
  at: Date;
}

/** Appends one audit row, in the caller's transaction. */
export async function writeEvidenceAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
  const row: Omit<PairingEvidenceAudit, 'id'> = {
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    cityIds: [...new Set(entry.cityIds)],
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    at: entry.at,
  };
  // jsonb columns typed as records trip TypeORM's deep-partial type; the row is complete.
  await em.insert(PairingEvidenceAudit, row as never);
}

/** JSON with object keys sorted, for comparing jsonb values (PostgreSQL does not keep key order). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, Clock, ConflictError, NotFoundError, type Words } from '@app/core';
import { City, countriesByCode } from '@app/cities';
import { CityOfficerService } from '@app/identity';
import { countryName, fillKorean, withParticle } from '@app/rules';
import { requestPairingRecompute } from '../recompute/request-recompute';
import { CityLink } from './entities/city-link.entity';
import { checkEvidenceDate, checkEvidenceSource, checkText, isoDay, requireCity, wordsOf, writeEvidenceAudit } from './evidence-common';
import { LINK_KIND_MESSAGE, LINK_KIND_PATTERN, MAX_PARTNERS, PARTNERS_MESSAGE } from './dto/city-link.input';
import { FORMALITY_MESSAGE } from './rubric';

export const TWO_COUNTRIES_MESSAGE: Words = { en: 'a link joins cities of two countries', ko: '연계는 두 나라의 도시를 잇습니다' };
/** The CONFLICT reason when someone tries to change a link the platform keeps. */
export const PLATFORM_LINK_REASON = 'PLATFORM_LINK';

/** A link's fields as a person sends them; for an update, undefined = keep. */
export interface CityLinkFieldsInput {
  cityAId?: string;
  cityBId?: string | null;
  otherPlace?: string | null;
  otherPlaceCountryCode?: string | null;
  kind?: string;
  partners?: string[] | null;
  since?: number | null;
  formality?: number;
  /** Both versions of the summary, at least one; for an update, undefined = keep both. */
  summary?: { en?: string | null; ko?: string | null };
  source?: string;
  asOf?: string | null;
}

type LinkValues = Pick<
  CityLink,
  'cityAId' | 'cityBId' | 'otherPlace' | 'otherPlaceCountryCode' | 'kind' | 'partners' | 'since' | 'formality' | 'summaryEn' | 'summaryKo' | 'source' | 'asOf'
>;

/** Links between cities (or institutions in them) of two countries. */
@Injectable()
export class CityLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly officers: CityOfficerService,
  ) {}

  /** The links of a city (either end): live links before history, then most formal first. Unknown city: NOT_FOUND. */
  async forCity(cityId: string): Promise<CityLink[]> {
    await requireCity(this.dataSource.manager, cityId);
    return this.dataSource
      .getRepository(CityLink)
      .createQueryBuilder('l')
      .where('(l.city_a_id = :cityId OR l.city_b_id = :cityId)', { cityId })
      .orderBy('l.live', 'DESC')
      .addOrderBy('l.formality', 'DESC')
      .addOrderBy('l.created_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  /** A link that has not been deleted, or NOT_FOUND. */
  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<CityLink> {
    const link = await em.findOneBy(CityLink, { id });
    if (!link) throw new NotFoundError('cityLink', id);
    return link;
  }

  /**
   * Records a new link. Officers may add links that involve their city,
   * admins any. Both ends in one country: BAD_USER_INPUT ("a link joins
   * cities of two countries"); an unknown city: NOT_FOUND.
   */
  async create(user: AuthUser, input: CityLinkFieldsInput & { cityAId: string }): Promise<CityLink> {
    const today = isoDay(this.clock.now());
    const values = this.checkValues(
      {
        cityAId: input.cityAId,
        cityBId: input.cityBId ?? null,
        otherPlace: input.otherPlace ?? null,
        otherPlaceCountryCode: input.otherPlaceCountryCode ?? null,
        kind: input.kind ?? '',
        partners: input.partners ?? [],
        since: input.since ?? null,
        formality: input.formality as number,
        summaryEn: input.summary?.en ?? null,
        summaryKo: input.summary?.ko ?? null,
        source: input.source ?? '',
        asOf: input.asOf ?? today,
      },
      today,
    );
    await this.officers.assertCanEditOneOf(user, endsOf(values));
    return this.dataSource.transaction(async (em) => {
      await this.checkCountries(em, values);
      const link = em.create(CityLink, { ...values, enteredByUserId: user.id, seedKey: null, live: true, platformRef: null });
      const saved = await em.save(link);
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'link.create',
        entity: 'CityLink',
        entityId: saved.id,
        cityIds: endsOf(saved),
        before: null,
        after: saved,
        at: this.clock.now(),
      });
      await requestPairingRecompute(em, endsOf(saved));
      return saved;
    });
  }

  /**
   * Changes a link: omitted fields keep their value. The editor must be
   * allowed to edit one of the link's cities both before and after the change.
   */
  async update(user: AuthUser, id: string, input: CityLinkFieldsInput): Promise<CityLink> {
    // Cheap refusals before locking anything; the merge and checks below read the locked row.
    const existing = await this.get(id);
    await this.officers.assertCanEditOneOf(user, endsOf(existing));
    refusePlatformLink(existing, 'changed');
    const today = isoDay(this.clock.now());
    return this.dataSource.transaction(async (em) => {
      const current = await em.createQueryBuilder(CityLink, 'l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
      if (!current) throw new NotFoundError('cityLink', id);
      await this.officers.assertCanEditOneOf(user, endsOf(current), em);
      const merged: LinkValues = { ...pickValues(current) };
      for (const [field, value] of Object.entries(input) as Array<[keyof LinkValues, unknown]>) {
        if (value !== undefined && field in merged) (merged as Record<string, unknown>)[field] = value;
      }
      // Switching the other end between a city and another place: the other side is cleared.
      if (input.cityBId && input.otherPlace === undefined) Object.assign(merged, { otherPlace: null, otherPlaceCountryCode: null });
      if (input.otherPlace && input.cityBId === undefined) merged.cityBId = null;
      if (input.otherPlace === null && input.otherPlaceCountryCode === undefined) merged.otherPlaceCountryCode = null;
      if (input.asOf === undefined && input.source !== undefined) merged.asOf = today;
      if (input.summary) Object.assign(merged, { summaryEn: input.summary.en ?? null, summaryKo: input.summary.ko ?? null });
      const values = this.checkValues(merged, today);
      await this.officers.assertCanEditOneOf(user, endsOf(values), em);
      await this.checkCountries(em, values);
      const before = { ...current };
      if (Object.entries(values).every(([field, value]) => JSON.stringify((current as unknown as Record<string, unknown>)[field]) === JSON.stringify(value))) {
        return current;
      }
      Object.assign(current, values, { enteredByUserId: user.id });
      const saved = await em.save(current);
      const cityIds = [...endsOf(before), ...endsOf(saved)];
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'link.update',
        entity: 'CityLink',
        entityId: id,
        cityIds,
        before,
        after: saved,
        at: this.clock.now(),
      });
      await requestPairingRecompute(em, cityIds);
      return saved;
    });
  }

  /** Deletes a link (soft: the row and its audit stay). Officers of either city, or admins. */
  async delete(user: AuthUser, id: string): Promise<boolean> {
    const existing = await this.get(id);
    await this.officers.assertCanEditOneOf(user, endsOf(existing));
    refusePlatformLink(existing, 'deleted');
    return this.dataSource.transaction(async (em) => {
      const current = await em.createQueryBuilder(CityLink, 'l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
      if (!current) throw new NotFoundError('cityLink', id);
      const now = this.clock.now();
      await em.update(CityLink, { id }, { deletedAt: now });
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'link.delete',
        entity: 'CityLink',
        entityId: id,
        cityIds: endsOf(current),
        before: current,
        after: null,
        at: now,
      });
      await requestPairingRecompute(em, endsOf(current));
      return true;
    });
  }

  /** Shape and range checks that need no database; BAD_USER_INPUT naming the field. */
  private checkValues(values: LinkValues, today: string): LinkValues {
    const hasCityB = values.cityBId != null && values.cityBId !== '';
    const hasOther = values.otherPlace != null && values.otherPlace.trim() !== '';
    if (hasCityB === hasOther) {
      throw BadInputError.field('cityBId', {
        en: 'give exactly one other end: cityBId when it is one of our cities, or otherPlace (with otherPlaceCountryCode) when it is not.',
        ko: '상대편을 하나만 주세요. 플랫폼의 도시이면 cityBId를, 아니면 otherPlace(와 otherPlaceCountryCode)를 주세요.',
      });
    }
    if (hasCityB && values.cityBId === values.cityAId) {
      throw BadInputError.field('cityBId', { en: `${TWO_COUNTRIES_MESSAGE.en}: both ends are ${values.cityAId}.`, ko: `${TWO_COUNTRIES_MESSAGE.ko}. 양쪽 끝이 모두 ${values.cityAId}입니다.` });
    }
    const otherPlace = hasOther ? checkText(values.otherPlace, 'otherPlace', 1, 200, { en: 'name the place or institution (e.g. Seoul)', ko: '장소나 기관의 이름을 써 주세요(예: 서울)' }) : null;
    const countryCode = hasOther ? (values.otherPlaceCountryCode ?? '').trim().toUpperCase() : null;
    if (hasOther && !/^[A-Z]{2}$/.test(countryCode!)) {
      throw BadInputError.field('otherPlaceCountryCode', { en: 'must be the two-letter code of the country otherPlace is in, e.g. KR.', ko: 'otherPlace가 있는 나라의 두 글자 코드여야 합니다(예: KR).' });
    }
    if (!Number.isInteger(values.formality) || values.formality < 0 || values.formality > 4) throw BadInputError.field('formality', wordsOf(FORMALITY_MESSAGE));
    const kind = (values.kind ?? '').trim();
    if (!LINK_KIND_PATTERN.test(kind)) {
      throw BadInputError.field('kind', wordsOf(LINK_KIND_MESSAGE));
    }
    const partners = (values.partners ?? []).map((p) => p.trim());
    if (partners.length > MAX_PARTNERS || partners.some((p) => p.length < 1 || p.length > 200)) {
      throw BadInputError.field('partners', wordsOf(PARTNERS_MESSAGE));
    }
    const thisYear = Number(today.slice(0, 4));
    if (values.since != null && (!Number.isInteger(values.since) || values.since < 1900 || values.since > thisYear)) {
      throw BadInputError.field('since', { en: `must be the year the link began, from 1900 to ${thisYear}.`, ko: `연계가 시작된 해여야 합니다(1900~${thisYear}).` });
    }
    return {
      cityAId: values.cityAId,
      cityBId: hasCityB ? values.cityBId : null,
      otherPlace,
      otherPlaceCountryCode: countryCode,
      kind,
      partners,
      since: values.since ?? null,
      formality: values.formality,
      ...checkSummary(values),
      source: checkEvidenceSource(values.source),
      asOf: checkEvidenceDate(values.asOf, today),
    };
  }

  /** The two ends must be in different countries; cities must exist (NOT_FOUND), a country code must be known. */
  private async checkCountries(em: EntityManager, values: LinkValues): Promise<void> {
    const cityA = await requireCity(em, values.cityAId);
    let otherCountry: string;
    let otherName: Words;
    if (values.cityBId) {
      const cityB: City = await requireCity(em, values.cityBId);
      otherCountry = cityB.countryCode;
      otherName = { en: cityB.nameEn, ko: cityB.nameKo };
    } else {
      const [country] = await countriesByCode(em, [values.otherPlaceCountryCode!]);
      if (!country) {
        throw BadInputError.field('otherPlaceCountryCode', {
          en: `no country taking part has the code "${values.otherPlaceCountryCode}".`,
          ko: `코드가 "${values.otherPlaceCountryCode}"인 참여국이 없습니다.`,
        });
      }
      otherCountry = country.code;
      otherName = { en: values.otherPlace!, ko: values.otherPlace! };
    }
    if (otherCountry === cityA.countryCode) {
      throw BadInputError.field(
        values.cityBId ? 'cityBId' : 'otherPlaceCountryCode',
        {
          en: `${TWO_COUNTRIES_MESSAGE.en}: ${cityA.nameEn} and ${otherName.en} are both in ${countryName(cityA.countryCode, 'en')}.`,
          ko: `${TWO_COUNTRIES_MESSAGE.ko}. ${fillKorean('{a|와/과} {b|은/는}', { a: cityA.nameKo, b: otherName.ko })} 둘 다 ${countryName(cityA.countryCode, 'ko')}에 있습니다.`,
        },
      );
    }
  }
}

/**
 * A link the platform keeps follows its twinning or project (a reference
 * never leaves a row, so checking the row read before the lock is enough):
 * CONFLICT, reason PLATFORM_LINK, whoever asks.
 */
function refusePlatformLink(link: CityLink, what: 'changed' | 'deleted'): void {
  if (!link.platformRef) return;
  const follows = link.platformRef.startsWith('project:') ? 'joint project' : 'twinning';
  const followsKo = link.platformRef.startsWith('project:') ? '공동 프로젝트' : '자매결연';
  throw new ConflictError(
    {
      en:
        `This link is kept by the Innovation Twins platform and follows its ${follows} (${link.platformRef}): it cannot be ${what} here. ` +
        `It changes when the ${follows} does; record another link to add what you know.`,
      ko:
        `이 연계는 플랫폼이 관리하며 ${followsKo}(${link.platformRef})에 따라 정해집니다. 여기서는 ${what === 'changed' ? '바꿀' : '삭제할'} 수 없습니다. ` +
        `${withParticle(followsKo, '이/가')} 바뀌면 함께 바뀝니다. 알고 있는 내용을 더하려면 다른 연계를 기록하세요.`,
    },
    { reason: PLATFORM_LINK_REASON, platformRef: link.platformRef },
  );
}

/** The cities at the ends of a link (one or two). */
export function endsOf(link: Pick<CityLink, 'cityAId' | 'cityBId'>): string[] {
  return link.cityBId ? [link.cityAId, link.cityBId] : [link.cityAId];
}

function pickValues(link: CityLink): LinkValues {
  const { cityAId, cityBId, otherPlace, otherPlaceCountryCode, kind, partners, since, formality, summaryEn, summaryKo, source, asOf } = link;
  return { cityAId, cityBId, otherPlace, otherPlaceCountryCode, kind, partners, since, formality, summaryEn, summaryKo, source, asOf };
}

/** What the link is, in English and/or Korean: each version given 2 to 2000 characters, at least one. */
function checkSummary(values: Pick<LinkValues, 'summaryEn' | 'summaryKo'>): Pick<LinkValues, 'summaryEn' | 'summaryKo'> {
  const what = { en: 'say what the link is', ko: '어떤 연계인지 써 주세요' };
  const version = (text: string | null, field: string) => (text?.trim() ? checkText(text, field, 2, 2000, what) : null);
  const checked = { summaryEn: version(values.summaryEn, 'summary.en'), summaryKo: version(values.summaryKo, 'summary.ko') };
  if (!checked.summaryEn && !checked.summaryKo) {
    throw BadInputError.field('summary', { en: 'say what the link is, in English or Korean (or both).', ko: '어떤 연계인지 영어나 한국어 중 하나 이상으로 써 주세요.' });
  }
  return checked;
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser, BadInputError, Clock, ConflictError, Connection, FieldProblem, inLanguage, isUuid, type Language, NotFoundError, PageArgs, pageOfOwner, paginate, RequestContext, SortKey } from '@app/core';
import { CitiesService, Country } from '@app/cities';
import { FundAuditService } from '../audit/audit.service';
import { CALL_RULES, type ContributionInput, type CreateCallInput, type CreateFundInput, type UpdateCallInput, type UpdateFundInput } from '../dto/funding.inputs';
import { Fund } from './fund.entity';
import { FundCall } from './fund-call.entity';
import { LedgerEntry, LedgerEntryKind, LedgerReason } from '../ledger/ledger-entry.entity';
import { LedgerService } from '../ledger/ledger.service';
import { andKo, orKo } from '../funding-words';

/** Calls closing soonest first. */
const CALL_ORDER: SortKey<FundCall> = { expression: 'c.closes_at', direction: 'ASC', valueOf: (c) => c.closesAt.toISOString(), cast: 'timestamptz', notNull: true };

/**
 * Funds, the governments' contributions to them, and their calls: the
 * programme administrators' side. Anyone may read a fund and its calls.
 */
@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly audit: FundAuditService,
    private readonly cities: CitiesService,
  ) {}

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<Fund> {
    const fund = isUuid(id) ? await em.findOneBy(Fund, { id }) : null;
    if (!fund) throw new NotFoundError('fund', id);
    return fund;
  }

  list(page: PageArgs): Promise<Connection<Fund>> {
    return paginate(this.dataSource.getRepository(Fund).createQueryBuilder('f'), page, {
      expression: 'f.created_at',
      direction: 'DESC',
      valueOf: (f) => f.createdAt.toISOString(),
      cast: 'timestamptz',
      notNull: true,
    });
  }

  async create(user: AuthUser, input: CreateFundInput): Promise<Fund> {
    return this.dataSource.transaction(async (em) => {
      const countries = await this.countries(em, input.countryCodes, 'countryCodes');
      const fund = await em.save(
        em.create(Fund, {
          nameEn: input.name.en ?? null,
          nameKo: input.name.ko ?? null,
          descriptionEn: input.description?.en ?? null,
          descriptionKo: input.description?.ko ?? null,
          countryCodes: countries.map((c) => c.code),
          currencies: countries.map((c) => c.currency.trim()),
          createdByUserId: user.id,
        }),
      );
      await this.ledger.open(em, fund.id, fund.currencies);
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: user.id,
        action: 'fund.created',
        subjectType: 'fund',
        subjectId: fund.id,
        facts: { title: { en: fund.nameEn, ko: fund.nameKo }, countryCodes: fund.countryCodes, currencies: fund.currencies },
      });
      return fund;
    });
  }

  async update(user: AuthUser, input: UpdateFundInput): Promise<Fund> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.lock(em, input.id);
      if (input.name) Object.assign(fund, { nameEn: input.name.en ?? null, nameKo: input.name.ko ?? null });
      if (input.description) Object.assign(fund, { descriptionEn: input.description.en ?? null, descriptionKo: input.description.ko ?? null });
      const saved = await em.save(fund);
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: user.id,
        action: 'fund.updated',
        subjectType: 'fund',
        subjectId: fund.id,
        facts: { fields: ['name', 'description'].filter((k) => input[k as 'name' | 'description'] !== undefined) },
      });
      return saved;
    });
  }

  /** A government pays in (CONTRIBUTION) or is paid back from what is available (RETURN). */
  async moveContribution(user: AuthUser, input: ContributionInput, kind: LedgerEntryKind.CONTRIBUTION | LedgerEntryKind.RETURN): Promise<LedgerEntry> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.get(input.fundId, em);
      const index = fund.countryCodes.indexOf(input.countryCode);
      if (index < 0) throw BadInputError.field('countryCode', { en: `must be one of the fund’s contributing countries: ${fund.countryCodes.join(' or ')}.`, ko: `기금에 출연하는 나라 중 하나(${orKo(fund.countryCodes)})여야 합니다.` });
      const currency = fund.currencies[index];
      const [entry] = await this.ledger.move(em, {
        fundId: fund.id,
        kind,
        reason: kind === LedgerEntryKind.CONTRIBUTION ? LedgerReason.CONTRIBUTED : LedgerReason.RETURNED_TO_CONTRIBUTOR,
        amounts: new Map([[currency, BigInt(input.amountMinor)]]),
        countryCode: input.countryCode,
        note: input.note ?? null,
        actorUserId: user.id,
      });
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: user.id,
        action: kind === LedgerEntryKind.CONTRIBUTION ? 'ledger.contributed' : 'ledger.returned',
        subjectType: 'fund',
        subjectId: fund.id,
        facts: { amounts: { [currency]: BigInt(input.amountMinor).toString() }, countryCode: input.countryCode },
        reason: input.note ?? null,
        detail: { ledgerEntryId: entry.id, currency, amountMinor: input.amountMinor, countryCode: input.countryCode },
      });
      return entry;
    });
  }

  /** A fund's movements of money, newest first; those of every fund of the request in one statement. */
  ledgerEntries(ctx: RequestContext, fundId: string, page: PageArgs): Promise<Connection<LedgerEntry>> {
    return pageOfOwner(ctx, {
      key: 'funding.ledger',
      rows: (fundIds) => this.dataSource.getRepository(LedgerEntry).createQueryBuilder('e').where('e.fund_id IN (:...fundIds)', { fundIds }),
      owner: { expression: 'e.fund_id', of: (e) => e.fundId },
      sort: { expression: 'e.id', direction: 'DESC', valueOf: (e) => e.id, cast: 'bigint', notNull: true },
    }, fundId, page);
  }

  // ---------- calls ----------

  async getCall(id: string, em: EntityManager = this.dataSource.manager): Promise<FundCall> {
    const call = isUuid(id) ? await em.findOneBy(FundCall, { id }) : null;
    if (!call) throw new NotFoundError('call', id);
    return call;
  }

  /** Calls closing soonest first; `open` keeps those taking submissions now (true) or not (false). */
  listCalls(filter: { fundId?: string; open?: boolean }, page: PageArgs): Promise<Connection<FundCall>> {
    const query = this.dataSource.getRepository(FundCall).createQueryBuilder('c');
    if (filter.fundId) query.andWhere('c.fund_id = :fundId', { fundId: filter.fundId });
    this.openOrNot(query, filter.open);
    return paginate(query, page, CALL_ORDER);
  }

  /** A fund's calls, as listCalls gives them; those of every fund of the request in one statement. */
  callsOfFund(ctx: RequestContext, fundId: string, open: boolean | undefined, page: PageArgs): Promise<Connection<FundCall>> {
    return pageOfOwner(ctx, {
      key: 'funding.callsOfFund',
      filter: { open },
      rows: (fundIds) => this.openOrNot(this.dataSource.getRepository(FundCall).createQueryBuilder('c').where('c.fund_id IN (:...fundIds)', { fundIds }), open),
      owner: { expression: 'c.fund_id', of: (c) => c.fundId },
      sort: CALL_ORDER,
    }, fundId, page);
  }

  private openOrNot(query: SelectQueryBuilder<FundCall>, open: boolean | undefined): SelectQueryBuilder<FundCall> {
    if (open === undefined) return query;
    return query.andWhere(open ? 'c.opens_at <= :now AND c.closes_at > :now' : 'NOT (c.opens_at <= :now AND c.closes_at > :now)', { now: this.clock.now() });
  }

  async createCall(user: AuthUser, input: CreateCallInput): Promise<FundCall> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.get(input.fundId, em);
      this.validateCall(fund, input);
      const call = await em.save(
        em.create(FundCall, {
          fundId: fund.id,
          titleEn: input.title.en ?? null,
          titleKo: input.title.ko ?? null,
          guidanceEn: input.guidance.en ?? null,
          guidanceKo: input.guidance.ko ?? null,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          allowedStages: input.allowedStages,
          maxAwardMinor: Object.fromEntries(input.maxAward.map((a) => [a.currency, BigInt(a.amountMinor).toString()])),
          matchRatioPercent: input.matchRatioPercent,
          referenceCurrency: input.referenceCurrency,
          exchangeRates: Object.fromEntries(input.exchangeRates.map((r) => [r.currency, r.unitsPerReference])),
          criteria: input.criteria.map((c) => ({ key: c.key, title: { en: c.title.en ?? null, ko: c.title.ko ?? null }, weight: c.weight })),
          scoreScaleMax: input.scoreScaleMax,
          reviewersPerApplication: input.reviewersPerApplication,
          createdByUserId: user.id,
        }),
      );
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: user.id,
        action: 'call.created',
        subjectType: 'call',
        subjectId: call.id,
        facts: { title: { en: call.titleEn, ko: call.titleKo }, opensAt: call.opensAt.toISOString(), closesAt: call.closesAt.toISOString() },
      });
      return call;
    });
  }

  async updateCall(user: AuthUser, input: UpdateCallInput): Promise<FundCall> {
    return this.dataSource.transaction(async (em) => {
      const call = await em.createQueryBuilder(FundCall, 'c').setLock('for_no_key_update').where('c.id = :id', { id: input.id }).getOne();
      if (!call) throw new NotFoundError('call', input.id);
      const now = this.clock.now();
      if (input.opensAt && call.opensAt <= now) throw new ConflictError({ en: 'The call has opened: its opening cannot move. Change the close instead.', ko: '이미 시작된 공모라 시작 시각을 옮길 수 없습니다. 대신 마감 시각을 바꿔 주세요.' }, { reason: 'CALL_OPEN' });
      const rules = CALL_RULES.filter((k) => input[k] !== undefined);
      if (rules.length && call.opensAt <= now) {
        throw new ConflictError(
          { en: `The call has opened: its rules (${rules.join(', ')}) are fixed. Only its texts and its close may change.`, ko: `이미 시작된 공모라 규칙(${rules.join(', ')})을 바꿀 수 없습니다. 글과 마감 시각만 바꿀 수 있습니다.` },
          { reason: 'CALL_OPEN', fields: rules },
        );
      }
      const opensAt = input.opensAt ?? call.opensAt;
      const closesAt = input.closesAt ?? call.closesAt;
      if (closesAt <= opensAt) throw BadInputError.field('closesAt', { en: 'must be after the call opens.', ko: '공모 시작 시각보다 뒤여야 합니다.' });
      if (rules.length) this.applyRules(call, await this.get(call.fundId, em), input, { opensAt, closesAt });
      const changed = [...(['title', 'guidance', 'opensAt', 'closesAt'] as const).filter((k) => input[k] !== undefined), ...rules];
      if (input.title) Object.assign(call, { titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null });
      if (input.guidance) Object.assign(call, { guidanceEn: input.guidance.en ?? null, guidanceKo: input.guidance.ko ?? null });
      Object.assign(call, { opensAt, closesAt });
      const saved = await em.save(call);
      await this.audit.record(em, {
        fundId: call.fundId,
        actorUserId: user.id,
        action: 'call.updated',
        subjectType: 'call',
        subjectId: call.id,
        facts: { title: { en: saved.titleEn, ko: saved.titleKo }, fields: changed },
        detail: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      });
      return saved;
    });
  }

  /** A not-yet-open call's rules as edited: the given ones over the stored, checked together as a new call's are. */
  private applyRules(call: FundCall, fund: Fund, input: UpdateCallInput, times: { opensAt: Date; closesAt: Date }): void {
    const merged = {
      ...times,
      allowedStages: input.allowedStages ?? call.allowedStages,
      maxAward: input.maxAward ?? Object.entries(call.maxAwardMinor).map(([currency, amountMinor]) => ({ currency, amountMinor })),
      matchRatioPercent: input.matchRatioPercent ?? call.matchRatioPercent,
      referenceCurrency: input.referenceCurrency ?? call.referenceCurrency,
      exchangeRates: input.exchangeRates ?? Object.entries(call.exchangeRates).map(([currency, unitsPerReference]) => ({ currency, unitsPerReference })),
      criteria: input.criteria ?? call.criteria.map((c) => ({ key: c.key, title: { en: c.title.en ?? undefined, ko: c.title.ko ?? undefined }, weight: c.weight })),
      scoreScaleMax: input.scoreScaleMax ?? call.scoreScaleMax,
      reviewersPerApplication: input.reviewersPerApplication ?? call.reviewersPerApplication,
    };
    this.validateCall(fund, merged as CreateCallInput);
    Object.assign(call, {
      allowedStages: merged.allowedStages,
      maxAwardMinor: Object.fromEntries(merged.maxAward.map((a) => [a.currency, BigInt(a.amountMinor).toString()])),
      matchRatioPercent: merged.matchRatioPercent,
      referenceCurrency: merged.referenceCurrency,
      exchangeRates: Object.fromEntries(merged.exchangeRates.map((r) => [r.currency, r.unitsPerReference])),
      criteria: merged.criteria.map((c) => ({ key: c.key, title: { en: c.title.en ?? null, ko: c.title.ko ?? null }, weight: c.weight })),
      scoreScaleMax: merged.scoreScaleMax,
      reviewersPerApplication: merged.reviewersPerApplication,
    });
  }

  private validateCall(fund: Fund, input: CreateCallInput): void {
    const problems: FieldProblem[] = [];
    if (input.closesAt <= input.opensAt) problems.push({ field: 'closesAt', message: { en: 'must be after opensAt.', ko: '시작 시각(opensAt)보다 뒤여야 합니다.' } });
    const currencies = input.maxAward.map((a) => a.currency);
    if (new Set(currencies).size !== currencies.length || fund.currencies.some((c) => !currencies.includes(c)) || currencies.some((c) => !fund.currencies.includes(c))) {
      problems.push({ field: 'maxAward', message: { en: `needs one amount for each of the fund’s currencies: ${fund.currencies.join(' and ')}.`, ko: `기금의 통화(${andKo(fund.currencies)})마다 금액을 하나씩 넣어 주세요.` } });
    }
    if (!fund.currencies.includes(input.referenceCurrency)) problems.push({ field: 'referenceCurrency', message: { en: `must be one of ${fund.currencies.join(' or ')}.`, ko: `${orKo(fund.currencies)} 중 하나여야 합니다.` } });
    const others = fund.currencies.filter((c) => c !== input.referenceCurrency);
    const rated = input.exchangeRates.map((r) => r.currency);
    if (others.some((c) => !rated.includes(c)) || rated.some((c) => !others.includes(c))) {
      problems.push({
        field: 'exchangeRates',
        message: others.length
          ? { en: `needs a rate for ${others.join(' and ')} against ${input.referenceCurrency}, and nothing else.`, ko: `${input.referenceCurrency} 대비 ${andKo(others)}의 환율만 넣어 주세요.` }
          : { en: `needs a rate for no currency against ${input.referenceCurrency}, and nothing else.`, ko: `${input.referenceCurrency} 말고 다른 통화가 없으니 환율을 넣지 마세요.` },
      });
    }
    const keys = input.criteria.map((c) => c.key);
    if (new Set(keys).size !== keys.length) problems.push({ field: 'criteria', message: { en: 'uses a key twice: each criterion needs its own.', ko: '같은 키를 두 번 썼습니다. 평가 기준마다 다른 키를 써 주세요.' } });
    if (problems.length) {
      const said = (language: Language) => problems.map((p) => `${p.field}: ${inLanguage(p.message, language)}`).join(' ');
      throw new BadInputError({ en: said('en'), ko: said('ko') }, problems);
    }
  }

  private async lock(em: EntityManager, id: string): Promise<Fund> {
    const fund = isUuid(id) ? await em.createQueryBuilder(Fund, 'f').setLock('for_no_key_update').where('f.id = :id', { id }).getOne() : null;
    if (!fund) throw new NotFoundError('fund', id);
    return fund;
  }

  private async countries(em: EntityManager, codes: string[], field: string): Promise<Country[]> {
    const found = await this.cities.getCountries(codes, em);
    const missing = codes.filter((_, i) => !found[i]);
    if (missing.length) throw BadInputError.field(field, { en: `no country ${missing.join(', ')} on the platform.`, ko: `플랫폼에 없는 나라 코드입니다: ${missing.join(', ')}.` });
    return found as Country[];
  }
}

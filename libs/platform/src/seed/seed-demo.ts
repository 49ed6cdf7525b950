import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Role } from '@app/core';
import { seedCountriesAndCities } from '@app/cities';
import { FundAuditService, LedgerEntryKind, LedgerReason, LedgerService } from '@app/funding';
import { seedCaseStudies } from '@app/knowledge';
import { seedPairingEvidence } from '@app/pairing';
import { LINK_PAGES, OneTimeTokenService, Organisation, OrganisationKind, OrganisationMemberRole, OrganisationMembership, RoleGrant, TokenPurpose, User } from '@app/identity';

/** The folder holding the founding report's data (cities.json, ...), found from here upwards. */
export function findDataDir(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'cities.json'))) return join(dir, 'data');
    if (dirname(dir) === dir) throw new Error('Could not find data/cities.json above ' + start);
  }
}

interface DemoOrganisation {
  key: string;
  nameEn: string;
  nameKo: string;
  kind: OrganisationKind;
  cityId: string;
  website?: string;
  /** The domain of its staff's addresses, so a newcomer from it is told the organisation is probably theirs. */
  emailDomain?: string;
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'lcc', nameEn: 'Liverpool City Council', nameKo: '리버풀 시의회', kind: OrganisationKind.CITY_GOVERNMENT, cityId: 'liverpool', website: 'https://liverpool.gov.uk', emailDomain: 'liverpool.gov.uk' },
  { key: 'lcr', nameEn: 'Liverpool City Region Combined Authority', nameKo: '리버풀 시티 리전 연합당국', kind: OrganisationKind.AGENCY, cityId: 'liverpool' },
  { key: 'uol', nameEn: 'University of Liverpool', nameKo: '리버풀 대학교', kind: OrganisationKind.UNIVERSITY, cityId: 'liverpool', website: 'https://www.liverpool.ac.uk' },
  { key: 'bmc', nameEn: 'Busan Metropolitan City', nameKo: '부산광역시', kind: OrganisationKind.CITY_GOVERNMENT, cityId: 'busan', website: 'https://www.busan.go.kr', emailDomain: 'busan.go.kr' },
  { key: 'pnu', nameEn: 'Pusan National University', nameKo: '부산대학교', kind: OrganisationKind.UNIVERSITY, cityId: 'busan', website: 'https://www.pusan.ac.kr' },
  { key: 'btp', nameEn: 'Busan Technopark', nameKo: '부산테크노파크', kind: OrganisationKind.AGENCY, cityId: 'busan' },
  { key: 'uom', nameEn: 'University of Manchester', nameKo: '맨체스터 대학교', kind: OrganisationKind.UNIVERSITY, cityId: 'manchester', website: 'https://www.manchester.ac.uk' },
  { key: 'kaist', nameEn: 'KAIST', nameKo: '한국과학기술원', kind: OrganisationKind.UNIVERSITY, cityId: 'daejeon', website: 'https://www.kaist.ac.kr' },
  { key: 'dgist', nameEn: 'DGIST', nameKo: '대구경북과학기술원', kind: OrganisationKind.UNIVERSITY, cityId: 'daegu', website: 'https://www.dgist.ac.kr' },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  /** The name as the other language's pages write it. */
  nameEn?: string;
  nameKo?: string;
  language: 'en' | 'ko';
  timeZone: string;
  roles: Role[];
  organisations: string[];
  /** Among `organisations`, those the account manages (decides requests to join them); a plain member of the others. */
  manages?: string[];
  what: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.twins.test', displayName: 'Alex Admin', nameKo: '알렉스 애드민', language: 'en', timeZone: 'Europe/London', roles: [Role.ADMIN], organisations: [], what: 'programme administrator' },
  { email: 'board.uk@demo.twins.test', displayName: 'Priya Shah', nameKo: '프리야 샤', language: 'en', timeZone: 'Europe/London', roles: [Role.BOARD_MEMBER], organisations: ['uol'], what: 'board member (UK; University of Liverpool, so conflicted on Liverpool applications)' },
  { email: 'board.kr@demo.twins.test', displayName: '김지현', nameEn: 'Kim Ji-hyun', language: 'ko', timeZone: 'Asia/Seoul', roles: [Role.BOARD_MEMBER], organisations: ['kaist'], what: 'board member (Korea)' },
  { email: 'board.uk2@demo.twins.test', displayName: 'Oliver Hughes', nameKo: '올리버 휴스', language: 'en', timeZone: 'Europe/London', roles: [Role.BOARD_MEMBER], organisations: ['uom'], what: 'board member (UK)' },
  { email: 'board.kr2@demo.twins.test', displayName: '정하늘', nameEn: 'Jung Ha-neul', language: 'ko', timeZone: 'Asia/Seoul', roles: [Role.BOARD_MEMBER], organisations: ['dgist'], what: 'board member (Korea)' },
  { email: 'officer.liverpool@demo.twins.test', displayName: 'Sam Taylor', nameKo: '샘 테일러', language: 'en', timeZone: 'Europe/London', roles: [], organisations: ['lcc'], manages: ['lcc'], what: 'city officer, Liverpool' },
  { email: 'officer.busan@demo.twins.test', displayName: '박서준', nameEn: 'Park Seo-jun', language: 'ko', timeZone: 'Asia/Seoul', roles: [], organisations: ['bmc'], manages: ['bmc'], what: 'city officer, Busan' },
  { email: 'participant@demo.twins.test', displayName: 'Jordan Lee', nameKo: '조던 리', language: 'en', timeZone: 'Europe/London', roles: [], organisations: ['btp'], what: 'participant (ecosystem partner)' },
  { email: 'organiser@demo.twins.test', displayName: '이수민', nameEn: 'Lee Su-min', language: 'ko', timeZone: 'Asia/Seoul', roles: [Role.EVENT_ORGANISER], organisations: [], what: 'event organiser' },
];

/**
 * Countries, indicator definitions, the report's 28 cities and their pairing
 * evidence (sectors, sector activity, links, the default weight profile).
 * Safe to run again.
 */
export async function seedReferenceData(dataSource: DataSource, dataDir = findDataDir()): Promise<void> {
  await dataSource.transaction(async (em) => {
    await seedCountriesAndCities(em, dataDir);
    await seedPairingEvidence(em, dataDir);
  });
}

/**
 * Demo organisations in Liverpool and Busan and one account per role, all
 * with `password`. Idempotent: existing rows are left as they are, except that
 * a demo account without names in other languages gets them.
 */
export async function seedDemoAccounts(dataSource: DataSource, password: string): Promise<DemoAccount[]> {
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  await dataSource.transaction(async (em) => {
    const organisationIds = new Map<string, string>();
    for (const org of ORGANISATIONS) organisationIds.set(org.key, await upsertOrganisation(em, org));
    for (const account of DEMO_ACCOUNTS) {
      let user = await em.findOneBy(User, { email: account.email });
      if (!user) {
        user = await em.save(
          em.create(User, {
            email: account.email,
            displayName: account.displayName,
            nameEn: account.nameEn ?? null,
            nameKo: account.nameKo ?? null,
            preferredLanguage: account.language,
            timeZone: account.timeZone,
            passwordHash,
            emailConfirmedAt: new Date(),
          }),
        );
      } else if (user.nameEn === null && user.nameKo === null && (account.nameEn || account.nameKo)) {
        // An account seeded before names had versions per language gets them; one whose person set them keeps theirs.
        await em.update(User, { id: user.id }, { nameEn: account.nameEn ?? null, nameKo: account.nameKo ?? null });
      }
      for (const role of account.roles) {
        await em.createQueryBuilder().insert().into(RoleGrant).values({ userId: user.id, role }).orIgnore().execute();
      }
      for (const key of account.organisations) {
        await em
          .createQueryBuilder()
          .insert()
          .into(OrganisationMembership)
          .values({
            userId: user.id,
            organisationId: organisationIds.get(key)!,
            role: account.manages?.includes(key) ? OrganisationMemberRole.MANAGER : OrganisationMemberRole.MEMBER,
          })
          .orIgnore()
          .execute();
      }
    }
  });
  return DEMO_ACCOUNTS;
}

async function upsertOrganisation(em: EntityManager, org: DemoOrganisation): Promise<string> {
  const existing = await em.findOneBy(Organisation, { nameEn: org.nameEn, cityId: org.cityId });
  if (existing) return existing.id;
  const saved = await em.save(
    em.create(Organisation, { nameEn: org.nameEn, nameKo: org.nameKo, kind: org.kind, cityId: org.cityId, website: org.website ?? null, emailDomain: org.emailDomain ?? null }),
  );
  return saved.id;
}

/** True when the database holds no account yet: the launcher seeds demo data then. */
export async function isEmptyDatabase(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM user_account');
  return count === 0;
}

/**
 * Production has no demo accounts: the first admin comes from an invitation
 * link printed by `npm run seed` while no admin exists. Returns the link, or
 * null when an admin already exists.
 */
export async function bootstrapAdminInvitation(dataSource: DataSource, email: string, publicUrl: string, ttlDays: number): Promise<string | null> {
  const admins = await dataSource.getRepository(RoleGrant).countBy({ role: Role.ADMIN });
  if (admins > 0) return null;
  const tokens = new OneTimeTokenService(new Clock());
  const { token } = await dataSource.transaction((em) =>
    tokens.issue(em, {
      purpose: TokenPurpose.INVITATION,
      email,
      payload: { kind: 'platform', roles: [Role.ADMIN] },
      ttlMs: ttlDays * 86400_000,
    }),
  );
  return `${publicUrl}${LINK_PAGES.acceptInvitation}?token=${encodeURIComponent(token)}`;
}

/** The demo board: who sits for which country. */
const DEMO_BOARD: Array<{ email: string; countryCode: string }> = [
  { email: 'board.uk@demo.twins.test', countryCode: 'GB' },
  { email: 'board.uk2@demo.twins.test', countryCode: 'GB' },
  { email: 'board.kr@demo.twins.test', countryCode: 'KR' },
  { email: 'board.kr2@demo.twins.test', countryCode: 'KR' },
];

/**
 * The demo seed fund: both governments' contributions, its board of four
 * (two per country) and a call open for 60 days. Only when no fund exists yet.
 */
export async function seedDemoFund(dataSource: DataSource, clock = new Clock()): Promise<void> {
  await dataSource.transaction(async (em) => {
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM fund');
    if (count > 0) return;
    const admin = await em.findOneByOrFail(User, { email: 'admin@demo.twins.test' });
    const now = clock.now();
    const [{ id: fundId }] = await em.query(
      `INSERT INTO fund (name_en, name_ko, description_en, description_ko, country_codes, currencies, created_by_user_id)
       VALUES ($1, $2, $3, $4, '{GB,KR}', '{GBP,KRW}', $5) RETURNING id`,
      [
        'UK–Korea Innovation Twins Seed Fund',
        '영국–한국 혁신 트윈 시드 기금',
        'Paid into equally by both governments; seed funding for twinned cities’ feasibility studies, evidence and demonstrators.',
        '두 정부가 동등하게 출연하며, 자매 도시의 타당성 검토, 근거 구축, 실증 사업에 시드 자금을 지원합니다.',
        admin.id,
      ],
    );
    // Money and the log go through the same services as in the running platform: the ledger keeps the balances whole.
    const ledger = new LedgerService(dataSource, clock);
    const log = new FundAuditService(dataSource, clock);
    const audit = (action: string, subjectType: string, subjectId: string, facts: Parameters<FundAuditService['record']>[1]['facts'], reason: string | null = null) =>
      log.record(em, { fundId, actorUserId: admin.id, action, subjectType, subjectId, facts, reason });
    await audit('fund.created', 'fund', fundId, { title: { en: 'UK–Korea Innovation Twins Seed Fund', ko: '영국–한국 혁신 트윈 시드 기금' }, countryCodes: ['GB', 'KR'], currencies: ['GBP', 'KRW'] });
    await ledger.open(em, fundId, ['GBP', 'KRW']);
    const contributions: Array<[string, string, bigint]> = [
      ['GB', 'GBP', 50000000n],
      ['KR', 'KRW', 850000000n],
    ];
    for (const [countryCode, currency, amount] of contributions) {
      await ledger.move(em, {
        fundId,
        kind: LedgerEntryKind.CONTRIBUTION,
        reason: LedgerReason.CONTRIBUTED,
        amounts: new Map([[currency, amount]]),
        countryCode,
        actorUserId: admin.id,
        note: 'Founding contribution',
      });
      await audit('ledger.contributed', 'fund', fundId, { amounts: { [currency]: amount.toString() }, countryCode }, 'Founding contribution');
    }
    await em.query(`INSERT INTO board (fund_id) VALUES ($1)`, [fundId]);
    for (const seat of DEMO_BOARD) {
      const user = await em.findOneByOrFail(User, { email: seat.email });
      const [{ id: memberId }] = await em.query(
        `INSERT INTO board_member (fund_id, user_id, country_code, organisation_ids, appointed_at, appointed_by_user_id)
         VALUES ($1, $2, $3, ARRAY(SELECT organisation_id FROM organisation_membership WHERE user_id = $2), $4, $5) RETURNING id`,
        [fundId, user.id, seat.countryCode, now, admin.id],
      );
      await audit('board.member-appointed', 'member', memberId, { name: user.displayName, countryCode: seat.countryCode });
    }
    const [opensAt, closesAt] = [new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 60 * 86_400_000)];
    const [{ id: callId }] = await em.query(
      `INSERT INTO fund_call (fund_id, title_en, title_ko, guidance_en, guidance_ko, opens_at, closes_at, allowed_stages, max_award_minor, match_ratio_percent,
                              reference_currency, exchange_rates, criteria, score_scale_max, reviewers_per_application, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '{FEASIBILITY,DEMONSTRATOR}', '{"GBP":"5000000","KRW":"85000000"}', 80, 'GBP', '{"KRW":1700}', $8, 5, 2, $9) RETURNING id`,
      [
        fundId,
        'Seed funding 2027: feasibility and demonstrators',
        '2027 시드 기금 공모: 타당성 검토와 실증',
        'Twin workspaces apply for up to £50,000 and ₩85,000,000 for a joint project at feasibility or demonstrator stage. The two sides’ requests should be near equal.',
        '자매 워크스페이스는 타당성 검토 또는 실증 단계의 공동 프로젝트에 최대 £50,000 및 ₩85,000,000를 신청할 수 있습니다. 양측의 신청 금액은 비슷해야 합니다.',
        opensAt,
        closesAt,
        JSON.stringify([
          { key: 'impact', title: { en: 'Impact', ko: '영향' }, weight: 40 },
          { key: 'partnership', title: { en: 'Strength of the partnership', ko: '파트너십의 견고성' }, weight: 30 },
          { key: 'route-to-bau', title: { en: 'Route to business as usual', ko: '상시 운영으로의 경로' }, weight: 30 },
        ]),
        admin.id,
      ],
    );
    await audit('call.created', 'call', callId, { title: { en: 'Seed funding 2027: feasibility and demonstrators', ko: '2027 시드 기금 공모: 타당성 검토와 실증' }, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() });
  });
}

/** The report's example case studies, published in both languages, by the demo admin. Idempotent. */
export async function seedDemoCaseStudies(dataSource: DataSource, dataDir = findDataDir(), clock = new Clock()): Promise<number> {
  return dataSource.transaction(async (em) => {
    const admin = await em.findOneBy(User, { email: 'admin@demo.twins.test' });
    return seedCaseStudies(em, dataDir, admin?.id ?? null, clock.now());
  });
}

/**
 * Two published demo events by the demo organiser: a hybrid hydrogen seminar
 * in Busan next month and the annual showcase in Liverpool. Only when no event exists yet.
 */
export async function seedDemoEvents(dataSource: DataSource, clock = new Clock()): Promise<void> {
  await dataSource.transaction(async (em) => {
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM programme_event');
    if (count > 0) return;
    const organiser = await em.findOneByOrFail(User, { email: 'organiser@demo.twins.test' });
    const now = clock.now();
    const day = 86_400_000;
    const at = (days: number, hourUtc: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hourUtc));
    const events = [
      {
        kind: 'SEMINAR', format: 'HYBRID', zone: 'Asia/Seoul', starts: at(30, 1), hours: 2, capacity: 40, sectors: '{hydrogen}',
        titleEn: 'Hydrogen ports seminar', titleKo: '수소 항만 세미나',
        descriptionEn: 'Liverpool and Busan share what their hydrogen trials in port vehicles taught them. In BEXCO and online.',
        descriptionKo: '리버풀과 부산이 항만 차량 수소 실증에서 배운 점을 나눕니다. BEXCO 현장과 온라인으로 진행합니다.',
        venue: 'BEXCO, Busan', joinUrl: 'https://meet.example.org/twins-hydrogen-seminar',
      },
      {
        kind: 'ANNUAL_SHOWCASE', format: 'IN_PERSON', zone: 'Europe/London', starts: at(90, 9), hours: 8, capacity: 300, sectors: '{}',
        titleEn: 'Innovation Twins annual showcase', titleKo: '이노베이션 트윈 연례 쇼케이스',
        descriptionEn: 'A day of the year’s best practice from twinned UK and Korean cities.',
        descriptionKo: '영국과 한국 자매 도시들의 올해 모범 사례를 소개하는 하루.',
        venue: 'Liverpool Exhibition Centre', joinUrl: null,
      },
    ];
    for (const e of events) {
      await em.query(
        `INSERT INTO programme_event (kind, format, title_en, title_ko, description_en, description_ko, venue, join_url, starts_at, ends_at, time_zone,
                                      organiser_user_id, sectors, capacity, registration_opens_at, registration_closes_at, status, published_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'PUBLISHED', $15, 1)`,
        [
          e.kind, e.format, e.titleEn, e.titleKo, e.descriptionEn, e.descriptionKo, e.venue, e.joinUrl, e.starts, new Date(e.starts.getTime() + e.hours * 3_600_000), e.zone,
          organiser.id, e.sectors, e.capacity, now, new Date(e.starts.getTime() - day),
        ],
      );
    }
  });
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Role } from '@app/core';
import { seedCountriesAndCities } from '@app/cities';
import { seedPairingEvidence } from '@app/pairing';
import { OneTimeTokenService, Organisation, OrganisationKind, OrganisationMembership, RoleGrant, TokenPurpose, User } from '@app/identity';

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
}

const ORGANISATIONS: DemoOrganisation[] = [
  { key: 'lcc', nameEn: 'Liverpool City Council', nameKo: '리버풀 시의회', kind: OrganisationKind.CITY_GOVERNMENT, cityId: 'liverpool', website: 'https://liverpool.gov.uk' },
  { key: 'lcr', nameEn: 'Liverpool City Region Combined Authority', nameKo: '리버풀 시티 리전 연합당국', kind: OrganisationKind.AGENCY, cityId: 'liverpool' },
  { key: 'uol', nameEn: 'University of Liverpool', nameKo: '리버풀 대학교', kind: OrganisationKind.UNIVERSITY, cityId: 'liverpool', website: 'https://www.liverpool.ac.uk' },
  { key: 'bmc', nameEn: 'Busan Metropolitan City', nameKo: '부산광역시', kind: OrganisationKind.CITY_GOVERNMENT, cityId: 'busan', website: 'https://www.busan.go.kr' },
  { key: 'pnu', nameEn: 'Pusan National University', nameKo: '부산대학교', kind: OrganisationKind.UNIVERSITY, cityId: 'busan', website: 'https://www.pusan.ac.kr' },
  { key: 'btp', nameEn: 'Busan Technopark', nameKo: '부산테크노파크', kind: OrganisationKind.AGENCY, cityId: 'busan' },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  language: 'en' | 'ko';
  timeZone: string;
  roles: Role[];
  organisations: string[];
  what: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.twins.test', displayName: 'Alex Admin', language: 'en', timeZone: 'Europe/London', roles: [Role.ADMIN], organisations: [], what: 'programme administrator' },
  { email: 'board.uk@demo.twins.test', displayName: 'Priya Shah', language: 'en', timeZone: 'Europe/London', roles: [Role.BOARD_MEMBER], organisations: ['uol'], what: 'board member (UK)' },
  { email: 'board.kr@demo.twins.test', displayName: '김지현', language: 'ko', timeZone: 'Asia/Seoul', roles: [Role.BOARD_MEMBER], organisations: ['pnu'], what: 'board member (Korea)' },
  { email: 'officer.liverpool@demo.twins.test', displayName: 'Sam Taylor', language: 'en', timeZone: 'Europe/London', roles: [], organisations: ['lcc'], what: 'city officer, Liverpool' },
  { email: 'officer.busan@demo.twins.test', displayName: '박서준', language: 'ko', timeZone: 'Asia/Seoul', roles: [], organisations: ['bmc'], what: 'city officer, Busan' },
  { email: 'participant@demo.twins.test', displayName: 'Jordan Lee', language: 'en', timeZone: 'Europe/London', roles: [], organisations: ['btp'], what: 'participant (ecosystem partner)' },
  { email: 'organiser@demo.twins.test', displayName: '이수민', language: 'ko', timeZone: 'Asia/Seoul', roles: [Role.EVENT_ORGANISER], organisations: [], what: 'event organiser' },
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
 * with `password`. Idempotent: existing rows are left as they are.
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
            preferredLanguage: account.language,
            timeZone: account.timeZone,
            passwordHash,
            emailConfirmedAt: new Date(),
          }),
        );
      }
      for (const role of account.roles) {
        await em.createQueryBuilder().insert().into(RoleGrant).values({ userId: user.id, role }).orIgnore().execute();
      }
      for (const key of account.organisations) {
        await em
          .createQueryBuilder()
          .insert()
          .into(OrganisationMembership)
          .values({ userId: user.id, organisationId: organisationIds.get(key)! })
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
    em.create(Organisation, { nameEn: org.nameEn, nameKo: org.nameKo, kind: org.kind, cityId: org.cityId, website: org.website ?? null }),
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
  return `${publicUrl}/account/accept-invitation?token=${encodeURIComponent(token)}`;
}

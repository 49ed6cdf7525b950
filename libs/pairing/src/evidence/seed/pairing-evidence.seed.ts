import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, In, IsNull } from 'typeorm';
import { citiesById, City } from '@app/cities';
import { requestPairingRecompute } from '../../recompute/request-recompute';
import { CityLink } from '../entities/city-link.entity';
import { PairingEvidenceAudit } from '../entities/pairing-evidence-audit.entity';
import { SectorActivity } from '../entities/sector-activity.entity';
import { Sector } from '../entities/sector.entity';
import { WeightProfile } from '../entities/weight-profile.entity';
import { canonicalJson } from '../evidence-common';
import { EVIDENCE_SEED_AS_OF, PROFILE_SECTORS, REPORT_DEFAULT_WEIGHTS, REPORT_SECTORS } from './seed-data';

export interface SectorActivityFileProject {
  sector: string;
  level: number;
  title: string;
  summary?: string;
}

/** sector-activity.json. Its `synergyTable` is an uncertain reconstruction and is deliberately not read. */
export interface SectorActivityFile {
  source: string;
  sectors: string[];
  projects: Record<string, SectorActivityFileProject[]>;
}

export interface LinksFileLink {
  uk: string | null;
  ukOther?: string;
  kr: string | null;
  krOther?: string;
  kind: string;
  partners?: string[];
  since?: number | null;
  formality: number;
  summary: string;
  /** The summary in Korean. */
  summaryKo?: string;
}

export interface LinksFile {
  source: string;
  links: LinksFileLink[];
}

export interface SeedCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface PairingEvidenceSeedSummary {
  sectors: SeedCounts;
  /** `keptOfficerEntries`: rows a person has since entered or deleted, which the seed never overwrites. */
  sectorActivity: SeedCounts & { keptOfficerEntries: number };
  links: SeedCounts & { keptOfficerEntries: number };
  weightProfiles: SeedCounts;
  /** Cities whose evidence the seed changed (a recompute was requested for them). */
  recomputeRequestedFor: string[];
}

/** One (city, sector) of the seed: the projects grouped, with their combined level. */
export interface GroupedActivity {
  cityId: string;
  sectorKey: string;
  level: 1 | 2 | 3;
  projects: Array<{ title: string; summary?: string }>;
}

/**
 * Groups the file's projects by (city, sector): the level is 3 when the
 * projects include both a 1 and a 2 (live infrastructure and a cluster
 * priority), else the highest level; every project is listed, in file order.
 */
export function groupSectorProjects(projects: SectorActivityFile['projects']): GroupedActivity[] {
  const groups = new Map<string, GroupedActivity & { levels: Set<number> }>();
  for (const [cityId, list] of Object.entries(projects)) {
    for (const project of list) {
      const key = `${cityId}/${project.sector}`;
      let group = groups.get(key);
      if (!group) {
        group = { cityId, sectorKey: project.sector, level: 1, projects: [], levels: new Set() };
        groups.set(key, group);
      }
      group.levels.add(project.level);
      group.projects.push(project.summary ? { title: project.title.trim(), summary: project.summary.trim() } : { title: project.title.trim() });
    }
  }
  return [...groups.values()].map(({ levels, ...group }) => ({
    ...group,
    level: (levels.has(1) && levels.has(2) ? 3 : Math.max(...levels)) as 1 | 2 | 3,
  }));
}

/** Reads and checks sector-activity.json, failing with the city and project at fault. */
export function readSectorActivityFile(path: string): SectorActivityFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<SectorActivityFile>;
  const problem = (message: string) => new Error(`${path}: ${message}`);
  if (typeof file.source !== 'string' || file.source.trim().length < 2) throw problem('"source" must say where the evidence comes from.');
  if (!Array.isArray(file.sectors) || !file.sectors.every((s) => typeof s === 'string')) throw problem('"sectors" must be a list of keys.');
  if (!file.projects || typeof file.projects !== 'object') throw problem('"projects" must map city ids to lists of projects.');
  for (const [cityId, list] of Object.entries(file.projects)) {
    if (!Array.isArray(list)) throw problem(`projects.${cityId} must be a list.`);
    for (const [index, p] of list.entries()) {
      const where = `projects.${cityId}[${index}]`;
      if (typeof p?.sector !== 'string' || !/^[a-z0-9][a-z0-9_]*$/.test(p.sector)) throw problem(`${where}: "sector" must be a sector key.`);
      if (![1, 2, 3].includes(p.level)) throw problem(`${where}: "level" must be 1, 2 or 3.`);
      if (typeof p.title !== 'string' || !p.title.trim()) throw problem(`${where}: "title" is required.`);
      if (p.summary != null && typeof p.summary !== 'string') throw problem(`${where}: "summary" must be text.`);
    }
  }
  return file as SectorActivityFile;
}

/** Reads and checks uk-kr-links.json. */
export function readLinksFile(path: string): LinksFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<LinksFile>;
  const problem = (message: string) => new Error(`${path}: ${message}`);
  if (typeof file.source !== 'string' || file.source.trim().length < 2) throw problem('"source" must say where the evidence comes from.');
  if (!Array.isArray(file.links)) throw problem('"links" must be a list.');
  for (const [index, link] of file.links.entries()) {
    const where = `links[${index}]`;
    if (!link.uk === !link.ukOther) throw problem(`${where}: give exactly one of "uk" (a city id) and "ukOther".`);
    if (!link.kr === !link.krOther) throw problem(`${where}: give exactly one of "kr" (a city id) and "krOther".`);
    if (!link.uk && !link.kr) throw problem(`${where}: at least one end must be one of our cities.`);
    if (!Number.isInteger(link.formality) || link.formality < 0 || link.formality > 4) throw problem(`${where}: "formality" must be 0 to 4.`);
    if (typeof link.kind !== 'string' || !link.kind) throw problem(`${where}: "kind" is required.`);
    if (typeof link.summary !== 'string' || link.summary.trim().length < 2) throw problem(`${where}: "summary" is required.`);
    if (link.summaryKo != null && (typeof link.summaryKo !== 'string' || link.summaryKo.trim().length < 2)) throw problem(`${where}: "summaryKo" must be text.`);
  }
  return file as LinksFile;
}

/**
 * Seeds pairing evidence from `${dataDir}`: the sector taxonomy, sector
 * activity from sector-activity.json `projects` (never its uncertain
 * `synergyTable`), the UK–Korea links of uk-kr-links.json and the built-in
 * weight profile report-default. No readiness assessments: the report's
 * files hold no rubric scores. Idempotent: a second run writes nothing.
 * Rows a person has entered, changed, cleared or deleted since are never
 * overwritten or brought back.
 * Cities whose evidence changed get a pairing recompute request.
 */
export async function seedPairingEvidence(em: EntityManager, dataDir: string): Promise<PairingEvidenceSeedSummary> {
  const activityFile = readSectorActivityFile(join(dataDir, 'sector-activity.json'));
  const linksFile = readLinksFile(join(dataDir, 'uk-kr-links.json'));
  return em.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['seed:pairing-evidence']);
    const changedCities = new Set<string>();

    const sectors = await seedSectors(tx, activityFile);
    const sectorActivity = await seedSectorActivity(tx, activityFile, changedCities);
    const links = await seedLinks(tx, linksFile, changedCities);
    const weightProfiles = await seedBuiltInProfile(tx);

    const recomputeRequestedFor = [...changedCities].sort();
    await requestPairingRecompute(tx, recomputeRequestedFor);
    return { sectors, sectorActivity, links, weightProfiles, recomputeRequestedFor };
  });
}

async function seedSectors(tx: EntityManager, file: SectorActivityFile): Promise<SeedCounts> {
  const known = new Map([...REPORT_SECTORS, ...PROFILE_SECTORS].map((s) => [s.key, s]));
  const used = [...new Set(Object.values(file.projects).flatMap((list) => list.map((p) => p.sector)))];
  const missing = [...file.sectors, ...used].filter((key) => !known.has(key));
  if (missing.length) throw new Error(`sector-activity.json uses sectors with no names yet: ${[...new Set(missing)].join(', ')}; add them to the pairing seed data.`);
  const reportKeys = new Set(file.sectors);
  const ordered = [...file.sectors.map((key) => known.get(key)!), ...[...known.values()].filter((s) => !reportKeys.has(s.key))];
  const rows: Array<Partial<Sector>> = ordered.map((s, index) => ({ ...s, inReportTaxonomy: reportKeys.has(s.key), position: index + 1 }));

  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const existing = new Map((await tx.findBy(Sector, { key: In(rows.map((r) => r.key!)) })).map((s) => [s.key, s]));
  for (const row of rows) {
    const current = existing.get(row.key!);
    if (!current) {
      await tx.insert(Sector, row);
      counts.inserted++;
      continue;
    }
    const changed = Object.fromEntries(Object.entries(row).filter(([field, value]) => (current as unknown as Record<string, unknown>)[field] !== value));
    if (Object.keys(changed).length === 0) {
      counts.unchanged++;
      continue;
    }
    await tx.update(Sector, { key: row.key }, changed);
    counts.updated++;
  }
  return counts;
}

async function seedSectorActivity(tx: EntityManager, file: SectorActivityFile, changedCities: Set<string>): Promise<PairingEvidenceSeedSummary['sectorActivity']> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, keptOfficerEntries: 0 };
  const groups = groupSectorProjects(file.projects);
  const cityIds = [...new Set(groups.map((g) => g.cityId))];
  await requireCities(tx, cityIds, 'sector-activity.json');
  const existing = await tx.findBy(SectorActivity, { cityId: In(cityIds) });
  const byKey = new Map(existing.map((row) => [`${row.cityId}/${row.sectorKey}`, row]));
  // A (city, sector) a person has set or cleared is theirs: the audit remembers it even when the row is gone.
  const touched = new Set(
    (
      await tx.find(PairingEvidenceAudit, {
        select: { entityId: true },
        where: { entity: 'SectorActivity', entityId: In(groups.map((g) => `${g.cityId}/${g.sectorKey}`)) },
      })
    ).map((a) => a.entityId),
  );
  const source = file.source.trim();
  const now = new Date();
  for (const group of groups) {
    const current = byKey.get(`${group.cityId}/${group.sectorKey}`);
    if (current?.enteredByUserId || touched.has(`${group.cityId}/${group.sectorKey}`)) {
      counts.keptOfficerEntries++;
      continue;
    }
    if (
      current &&
      current.level === group.level &&
      canonicalJson(current.projects) === canonicalJson(group.projects) &&
      current.source === source &&
      current.asOf === EVIDENCE_SEED_AS_OF
    ) {
      counts.unchanged++;
      continue;
    }
    await tx.upsert(
      SectorActivity,
      { ...group, source, asOf: EVIDENCE_SEED_AS_OF, enteredByUserId: null, updatedAt: now },
      ['cityId', 'sectorKey'],
    );
    counts[current ? 'updated' : 'inserted']++;
    changedCities.add(group.cityId);
  }
  return counts;
}

/** A stable key per link of the file, so a second run finds what the first wrote. */
export function linkSeedKey(link: LinksFileLink): string {
  const end = (city: string | null, other: string | undefined) => city ?? `other:${other}`;
  return `uk-kr-links:${end(link.uk, link.ukOther)}~${end(link.kr, link.krOther)}~${link.kind}`;
}

async function seedLinks(tx: EntityManager, file: LinksFile, changedCities: Set<string>): Promise<PairingEvidenceSeedSummary['links']> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, keptOfficerEntries: 0 };
  const cityIds = [...new Set(file.links.flatMap((l) => [l.uk, l.kr]).filter((id): id is string => !!id))];
  const cities = await requireCities(tx, cityIds, 'uk-kr-links.json');
  const source = file.source.trim();
  const seen = new Map<string, number>();
  const rows = file.links.map((link) => {
    let seedKey = linkSeedKey(link);
    const n = (seen.get(seedKey) ?? 0) + 1;
    seen.set(seedKey, n);
    if (n > 1) seedKey = `${seedKey}#${n}`;
    // cityA is a UK city when there is one; the other end is the Korean city, or a place that is not one of ours.
    const [cityAId, cityBId, otherPlace] = link.uk
      ? [link.uk, link.kr, link.kr ? null : link.krOther!]
      : [link.kr!, null, link.ukOther!];
    const otherPlaceCountryCode = otherPlace === null ? null : link.uk ? 'KR' : 'GB';
    if (cityBId && cities.get(cityAId)!.countryCode === cities.get(cityBId)!.countryCode) {
      throw new Error(`uk-kr-links.json: ${seedKey} joins two cities of one country.`);
    }
    return {
      seedKey,
      cityAId,
      cityBId,
      otherPlace: otherPlace?.trim() ?? null,
      otherPlaceCountryCode,
      kind: link.kind,
      partners: (link.partners ?? []).map((p) => p.trim()),
      since: link.since ?? null,
      formality: link.formality,
      summaryEn: link.summary.trim(),
      summaryKo: link.summaryKo?.trim() || null,
      source,
      asOf: EVIDENCE_SEED_AS_OF,
    };
  });

  const existing = await tx.find(CityLink, { where: { seedKey: In(rows.map((r) => r.seedKey)) }, withDeleted: true });
  const byKey = new Map(existing.map((row) => [row.seedKey!, row]));
  for (const row of rows) {
    const current = byKey.get(row.seedKey);
    if (!current) {
      await tx.insert(CityLink, { ...row, enteredByUserId: null });
      counts.inserted++;
      for (const id of [row.cityAId, row.cityBId]) if (id) changedCities.add(id);
      continue;
    }
    if (current.enteredByUserId || current.deletedAt) {
      counts.keptOfficerEntries++;
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(row).filter(([field, value]) => canonicalJson((current as unknown as Record<string, unknown>)[field]) !== canonicalJson(value)),
    );
    if (Object.keys(changed).length === 0) {
      counts.unchanged++;
      continue;
    }
    await tx.update(CityLink, { id: current.id }, changed);
    counts.updated++;
    for (const id of [current.cityAId, current.cityBId, row.cityAId, row.cityBId]) if (id) changedCities.add(id);
  }
  return counts;
}

async function seedBuiltInProfile(tx: EntityManager): Promise<SeedCounts> {
  const seed = REPORT_DEFAULT_WEIGHTS;
  const current = await tx.findOneBy(WeightProfile, { name: seed.name, ownerUserId: IsNull() });
  if (!current) {
    await tx.insert(WeightProfile, { ...seed, ownerUserId: null });
    return { inserted: 1, updated: 0, unchanged: 0 };
  }
  const same = (['description', 'pillars', 'indicators', 'starThresholds'] as const).every(
    (field) => canonicalJson(current[field]) === canonicalJson(seed[field]),
  );
  if (same) return { inserted: 0, updated: 0, unchanged: 1 };
  await tx.update(WeightProfile, { id: current.id }, { description: seed.description, pillars: seed.pillars, indicators: seed.indicators, starThresholds: seed.starThresholds });
  return { inserted: 0, updated: 1, unchanged: 0 };
}

async function requireCities(tx: EntityManager, ids: string[], file: string): Promise<Map<string, City>> {
  const found = new Map((await citiesById(tx, ids)).filter((c) => !!c).map((c) => [c.id, c]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new Error(`${file} names cities that are not seeded: ${missing.join(', ')}. Seed the cities first.`);
  return found;
}

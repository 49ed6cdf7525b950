import { join } from 'node:path';
import { groupSectorProjects, linkSeedKey, readLinksFile, readSectorActivityFile } from './pairing-evidence.seed';
import { PROFILE_SECTORS, REPORT_DEFAULT_WEIGHTS, REPORT_SECTORS } from './seed-data';

const DATA_DIR = join(__dirname, '..', '..', '..', '..', '..', 'data');

describe('pairing evidence seed', () => {
  it('groups projects by city and sector: 3 when a 1 meets a 2, else the highest, listing all', () => {
    const grouped = groupSectorProjects({
      x: [
        { sector: 'hydrogen', level: 1, title: 'Buses' },
        { sector: 'hydrogen', level: 2, title: 'Cluster', summary: 'A cluster.' },
        { sector: 'ai', level: 1, title: 'A' },
        { sector: 'ai', level: 1, title: 'B' },
        { sector: 'iot', level: 2, title: 'C' },
        { sector: 'iot', level: 3, title: 'D' },
      ],
      y: [{ sector: 'hydrogen', level: 2, title: 'Other city' }],
    });
    expect(grouped).toEqual([
      { cityId: 'x', sectorKey: 'hydrogen', level: 3, projects: [{ title: 'Buses' }, { title: 'Cluster', summary: 'A cluster.' }] },
      { cityId: 'x', sectorKey: 'ai', level: 1, projects: [{ title: 'A' }, { title: 'B' }] },
      { cityId: 'x', sectorKey: 'iot', level: 3, projects: [{ title: 'C' }, { title: 'D' }] },
      { cityId: 'y', sectorKey: 'hydrogen', level: 2, projects: [{ title: 'Other city' }] },
    ]);
  });

  it('names every sector the data file uses, in both languages', () => {
    const file = readSectorActivityFile(join(DATA_DIR, 'sector-activity.json'));
    const named = new Set([...REPORT_SECTORS, ...PROFILE_SECTORS].map((s) => s.key));
    expect(REPORT_SECTORS.map((s) => s.key)).toEqual(file.sectors);
    const used = Object.values(file.projects).flatMap((list) => list.map((p) => p.sector));
    expect(used.filter((key) => !named.has(key))).toEqual([]);
    for (const s of [...REPORT_SECTORS, ...PROFILE_SECTORS]) {
      expect(s.nameKo).toMatch(/[가-힣]/);
      expect(s.descriptionKo).toMatch(/[가-힣]/);
    }
  });

  it('gives every link of the file its own seed key', () => {
    const file = readLinksFile(join(DATA_DIR, 'uk-kr-links.json'));
    const keys = file.links.map(linkSeedKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('uk-kr-links:belfast~daejeon~research');
    expect(keys).toContain('uk-kr-links:glasgow~other:Seoul~business-to-government');
  });

  it('keeps the report weights: pillars equal, assets 1, performance 0.5, stars at thirds', () => {
    expect(Object.values(REPORT_DEFAULT_WEIGHTS.pillars)).toEqual([1, 1, 1, 1]);
    expect(Object.values(REPORT_DEFAULT_WEIGHTS.indicators).filter((w) => w === 1)).toHaveLength(5);
    expect(Object.values(REPORT_DEFAULT_WEIGHTS.indicators).filter((w) => w === 0.5)).toHaveLength(5);
    expect(REPORT_DEFAULT_WEIGHTS.starThresholds).toEqual([1 / 3, 2 / 3]);
  });
});

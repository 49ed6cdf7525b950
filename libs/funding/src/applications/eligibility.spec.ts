import { ProjectStage } from '@app/projects';
import { TwinningStatus } from '@app/twinning';
import { EligibilityFacts, checkEligibility } from './eligibility';

const RULES = ['ACTIVE_TWINNING', 'PROJECT_STAGE', 'PROJECT_OPEN', 'BUDGET', 'BUDGET_SIDES', 'MAX_AWARD', 'MATCH_RATIO'];

/** A good application: £10,000.00 from GB and ₩17,000,000 (also £10,000 at 1700) from KR, under a £20,000 / ₩34,000,000 cap. */
function goodFacts(): EligibilityFacts {
  return {
    twinningStatus: TwinningStatus.ACTIVE,
    projectStage: ProjectStage.FEASIBILITY,
    projectClosed: false,
    call: {
      allowedStages: [ProjectStage.FEASIBILITY, ProjectStage.DEMONSTRATOR],
      maxAwardMinor: { GBP: '2000000', KRW: '34000000' },
      matchRatioPercent: 50,
      referenceCurrency: 'GBP',
      exchangeRates: { KRW: 1700 },
    },
    sides: new Map([
      ['GB', 'GBP'],
      ['KR', 'KRW'],
    ]),
    lines: [
      { countryCode: 'GB', currency: 'GBP', amountMinor: '600000' },
      { countryCode: 'GB', currency: 'GBP', amountMinor: '400000' },
      { countryCode: 'KR', currency: 'KRW', amountMinor: '17000000' },
    ],
  };
}

const failing = (facts: EligibilityFacts) =>
  checkEligibility(facts)
    .filter((c) => !c.passed)
    .map((c) => c.rule);
const ruleOf = (facts: EligibilityFacts, rule: string) => {
  const found = checkEligibility(facts).find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check`);
  return found;
};

describe('checkEligibility', () => {
  it('reports every rule, in order, and all pass for a good application', () => {
    const checks = checkEligibility(goodFacts());
    expect(checks.map((c) => c.rule)).toEqual(RULES);
    for (const check of checks) {
      expect(check.passed).toBe(true);
      expect(check.message.length).toBeGreaterThan(0);
    }
    expect(ruleOf(goodFacts(), 'MATCH_RATIO').message).toContain('it requests 100%');
    expect(ruleOf(goodFacts(), 'BUDGET').message).toBe('3 budget line(s).');
  });

  it.each([TwinningStatus.DORMANT, TwinningStatus.PROPOSED, TwinningStatus.CLOSED])('fails ACTIVE_TWINNING alone when the twinning is %s', (status) => {
    const facts = { ...goodFacts(), twinningStatus: status };
    expect(failing(facts)).toEqual(['ACTIVE_TWINNING']);
    expect(ruleOf(facts, 'ACTIVE_TWINNING').message).toContain(status);
  });

  it('fails PROJECT_STAGE alone when the project is at a stage the call does not allow', () => {
    const facts = { ...goodFacts(), projectStage: ProjectStage.DISCOVERY };
    expect(failing(facts)).toEqual(['PROJECT_STAGE']);
    const message = ruleOf(facts, 'PROJECT_STAGE').message;
    expect(message).toContain('FEASIBILITY or DEMONSTRATOR');
    expect(message).toContain('it is at DISCOVERY');
  });

  it('passes PROJECT_STAGE for every allowed stage', () => {
    expect(failing({ ...goodFacts(), projectStage: ProjectStage.DEMONSTRATOR })).toEqual([]);
  });

  it('fails PROJECT_OPEN alone when the project is closed', () => {
    const facts = { ...goodFacts(), projectClosed: true };
    expect(failing(facts)).toEqual(['PROJECT_OPEN']);
    expect(ruleOf(facts, 'PROJECT_OPEN').message).toContain('closed');
  });

  it('fails BUDGET when there are no lines (and then no side can match the other either)', () => {
    const facts = { ...goodFacts(), lines: [] };
    const checks = checkEligibility(facts);
    expect(checks.find((c) => c.rule === 'BUDGET')).toMatchObject({ passed: false, message: 'Add at least one budget line.' });
    // An empty budget is trivially on the right sides and within the maximum.
    expect(checks.find((c) => c.rule === 'BUDGET_SIDES')!.passed).toBe(true);
    expect(checks.find((c) => c.rule === 'MAX_AWARD')!.passed).toBe(true);
    // With nothing requested on either side the ratio cannot be met; every other rule passes.
    expect(failing(facts)).toEqual(['BUDGET', 'MATCH_RATIO']);
  });

  it('fails BUDGET_SIDES alone when a line is in the wrong currency for its country', () => {
    const facts = goodFacts();
    // ₩1,000,000 more on KRW keeps the ratio and the maximum fine; only its side is wrong.
    facts.lines = [...facts.lines, { countryCode: 'GB', currency: 'KRW', amountMinor: '1000000' }];
    expect(failing(facts)).toEqual(['BUDGET_SIDES']);
    const message = ruleOf(facts, 'BUDGET_SIDES').message;
    expect(message).toContain('GB in GBP, KR in KRW');
    expect(message).toContain('one is GB in KRW');
  });

  it('fails BUDGET_SIDES when a line belongs to neither twinned country', () => {
    const facts = goodFacts();
    facts.lines = [...facts.lines, { countryCode: 'FR', currency: 'GBP', amountMinor: '1' }];
    expect(failing(facts)).toEqual(['BUDGET_SIDES']);
    expect(ruleOf(facts, 'BUDGET_SIDES').message).toContain('one is FR in GBP');
  });

  it('fails MAX_AWARD alone when one currency is over the maximum, naming only that currency', () => {
    const facts = goodFacts();
    // £20,000.01 against a £20,000 cap; KRW exactly at its cap; the two sides stay within 50%.
    facts.lines = [
      { countryCode: 'GB', currency: 'GBP', amountMinor: '2000001' },
      { countryCode: 'KR', currency: 'KRW', amountMinor: '34000000' },
    ];
    expect(failing(facts)).toEqual(['MAX_AWARD']);
    const message = ruleOf(facts, 'MAX_AWARD').message;
    expect(message).toContain('requested in GBP');
    expect(message).toContain('£20,000.01');
    expect(message).toContain('maximum of £20,000.');
    expect(message).not.toContain('in KRW');
  });

  it('passes MAX_AWARD exactly at the maximum in every currency', () => {
    const facts = goodFacts();
    facts.lines = [
      { countryCode: 'GB', currency: 'GBP', amountMinor: '2000000' },
      { countryCode: 'KR', currency: 'KRW', amountMinor: '34000000' },
    ];
    expect(failing(facts)).toEqual([]);
    expect(ruleOf(facts, 'MAX_AWARD').message).toBe('Within the call’s maximum award in every currency.');
  });

  it('fails MATCH_RATIO alone when the smaller side is below the required percentage', () => {
    const facts = goodFacts();
    // ₩8,499,999 is one won under half of £10,000 at 1700.
    facts.lines = [
      { countryCode: 'GB', currency: 'GBP', amountMinor: '1000000' },
      { countryCode: 'KR', currency: 'KRW', amountMinor: '8499999' },
    ];
    expect(failing(facts)).toEqual(['MATCH_RATIO']);
    const message = ruleOf(facts, 'MATCH_RATIO').message;
    expect(message).toContain('at least 50%');
    expect(message).toContain('it requests 49.99%');
  });

  it('passes MATCH_RATIO exactly at the required percentage', () => {
    const facts = goodFacts();
    facts.lines = [
      { countryCode: 'GB', currency: 'GBP', amountMinor: '1000000' },
      { countryCode: 'KR', currency: 'KRW', amountMinor: '8500000' },
    ];
    expect(failing(facts)).toEqual([]);
    expect(ruleOf(facts, 'MATCH_RATIO').message).toContain('it requests 50%');
  });

  it('fails MATCH_RATIO when only one side has asked for anything', () => {
    const facts = goodFacts();
    facts.lines = [{ countryCode: 'GB', currency: 'GBP', amountMinor: '1000000' }];
    expect(failing(facts)).toEqual(['MATCH_RATIO']);
    expect(ruleOf(facts, 'MATCH_RATIO').message).toContain('it requests 0%');
  });

  it('reports every broken rule at once', () => {
    const facts: EligibilityFacts = {
      ...goodFacts(),
      twinningStatus: TwinningStatus.DORMANT,
      projectStage: ProjectStage.SCALING,
      projectClosed: true,
      lines: [{ countryCode: 'GB', currency: 'GBP', amountMinor: '3000000' }],
    };
    expect(failing(facts)).toEqual(['ACTIVE_TWINNING', 'PROJECT_STAGE', 'PROJECT_OPEN', 'MAX_AWARD', 'MATCH_RATIO']);
  });
});

import { runEngineBench } from '../../../../scripts/bench-pairing-engine';

describe('scripts/bench-pairing-engine (smoke test on a small data set)', () => {
  it('runs, and the hand-inlined baseline computes the same overall scores as the engine', async () => {
    const f = await runEngineBench({ citiesPerCountry: 60, runs: 1, warmups: 0 });
    expect(f.pairs).toBe(3600);
    expect(f.maxDifference).toBe(0);
    expect(f.incremental.pairsRescored).toBe(60);
    expect(f.incremental.leaderChangePairs).toBe(3600);
  });
});

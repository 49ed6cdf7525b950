import type { EntityManager } from 'typeorm';

/**
 * Who sits on the board of which fund. Funding needs to know (the board reads
 * submitted applications) but the board is governance's: governance provides
 * this, so the dependency runs one way.
 */
export abstract class FundBoardDirectory {
  /** The funds on whose boards the user currently sits. */
  abstract fundsWhereMember(userId: string, em?: EntityManager): Promise<string[]>;
}

import type { EntityManager } from 'typeorm';

/**
 * Who sits on the board of which fund. Funding needs to know (the board reads
 * submitted applications) but the board is governance's: governance provides
 * this, so the dependency runs one way.
 */
export abstract class FundBoardDirectory {
  /** The funds on whose boards the user currently sits. */
  abstract fundsWhereMember(userId: string, em?: EntityManager): Promise<string[]>;

  /** What of the fund's audit log a board member may not read (applications they are conflicted on; drafts). */
  abstract auditRedaction(userId: string, fundId: string, em?: EntityManager): Promise<AuditRedaction>;
}

export interface AuditRedaction {
  hiddenSubjectIds: string[];
  hiddenActions: string[];
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, ConflictError, formatMoney } from '@app/core';
import { FundBalance } from '../funds/fund-balance.entity';
import { LedgerEntry, LedgerEntryKind, LedgerReason } from './ledger-entry.entity';
import { Amounts, withParticle } from '@app/rules';
import { andKo } from '../funding-words';

/** The columns of fund_balance each kind of entry adds to, and its sign on what is available. */
const EFFECT: Record<LedgerEntryKind, { column: string; available: 1n | -1n }> = {
  [LedgerEntryKind.CONTRIBUTION]: { column: 'contributed_minor', available: 1n },
  [LedgerEntryKind.RETURN]: { column: 'returned_minor', available: -1n },
  [LedgerEntryKind.COMMITMENT]: { column: 'committed_minor', available: -1n },
  [LedgerEntryKind.RELEASE]: { column: 'released_minor', available: 1n },
};

export interface Movement {
  fundId: string;
  kind: LedgerEntryKind;
  reason: LedgerReason;
  amounts: Amounts;
  actorUserId: string | null;
  countryCode?: string | null;
  applicationId?: string | null;
  decisionId?: string | null;
  note?: string | null;
}

export interface Reconciliation {
  currency: string;
  contributedMinor: bigint;
  returnedMinor: bigint;
  committedMinor: bigint;
  releasedMinor: bigint;
  availableMinor: bigint;
  /** The ledger's sums equal the balance row, and available = contributions − returns − commitments + releases. */
  reconciles: boolean;
}

/**
 * The only way money moves. Each movement locks the fund's balance rows (in
 * currency order, so concurrent movements queue rather than deadlock), checks
 * every currency before writing any, and writes the ledger entries and the
 * balances in the caller's transaction: all of it or none of it. The
 * database's checks on fund_balance are the last line: a balance below zero
 * cannot be stored, whatever the code above does.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async move(em: EntityManager, movement: Movement): Promise<LedgerEntry[]> {
    const amounts = [...movement.amounts].filter(([, amount]) => amount !== 0n).sort(([a], [b]) => a.localeCompare(b));
    if (amounts.some(([, amount]) => amount < 0n)) throw new Error('A ledger movement takes positive amounts; use the opposite kind to go back.');
    if (amounts.length === 0) return [];
    const balances = await this.lockBalances(em, movement.fundId);
    for (const [currency, amount] of amounts) {
      const balance = balances.get(currency);
      if (!balance) throw new ConflictError(
          { en: `This fund holds no ${currency}: its currencies are ${[...balances.keys()].join(' and ')}.`, ko: `이 기금에는 ${currency} 잔액이 없습니다. 기금의 통화는 ${andKo([...balances.keys()])}입니다.` },
          { reason: 'CURRENCY_NOT_HELD', currency },
        );
      if (EFFECT[movement.kind].available < 0n && BigInt(balance.availableMinor) < amount) {
        throw new ConflictError(
          {
            en: `The fund has ${formatMoney(balance.availableMinor, currency, 'en')} available in ${currency}, less than the ${formatMoney(amount.toString(), currency, 'en')} needed. Nothing was committed.`,
            ko: `기금의 ${currency} 가용 잔액이 ${withParticle(formatMoney(balance.availableMinor, currency, 'ko'), '으로/로')}, 필요한 ${formatMoney(amount.toString(), currency, 'ko')}보다 적습니다. 아무것도 약정하지 않았습니다.`,
          },
          { reason: 'INSUFFICIENT_FUNDS', currency, availableMinor: balance.availableMinor, neededMinor: amount.toString() },
        );
      }
    }
    if (movement.kind === LedgerEntryKind.RELEASE && movement.applicationId) {
      const outstanding = await this.outstanding(em, movement.applicationId);
      for (const [currency, amount] of amounts) {
        if ((outstanding.get(currency) ?? 0n) < amount) throw new Error(`Cannot release more ${currency} than is committed to application ${movement.applicationId}.`);
      }
    }
    const at = this.clock.now();
    const entries: LedgerEntry[] = [];
    for (const [currency, amount] of amounts) {
      const { column, available } = EFFECT[movement.kind];
      await em.query(
        `UPDATE fund_balance SET ${column} = ${column} + $3::bigint, available_minor = available_minor + $4::bigint WHERE fund_id = $1 AND currency = $2`,
        [movement.fundId, currency, amount.toString(), (available * amount).toString()],
      );
      entries.push(
        em.create(LedgerEntry, {
          fundId: movement.fundId,
          kind: movement.kind,
          reason: movement.reason,
          currency,
          amountMinor: amount.toString(),
          countryCode: movement.countryCode ?? null,
          applicationId: movement.applicationId ?? null,
          decisionId: movement.decisionId ?? null,
          note: movement.note ?? null,
          actorUserId: movement.actorUserId,
          at,
        }),
      );
    }
    return em.save(entries);
  }

  /** Opens a zero balance per currency for a new fund. */
  async open(em: EntityManager, fundId: string, currencies: readonly string[]): Promise<void> {
    await em.createQueryBuilder().insert().into(FundBalance).values(currencies.map((currency) => ({ fundId, currency }))).orIgnore().execute();
  }

  /** What is committed to an application and not yet released, per currency. */
  async outstanding(em: EntityManager, applicationId: string): Promise<Amounts> {
    return (await this.outstandingMany(em, [applicationId])).get(applicationId)!;
  }

  /** The same for many applications in one query (lists, public summaries). */
  async outstandingMany(em: EntityManager, applicationIds: readonly string[]): Promise<Map<string, Amounts>> {
    const result = new Map<string, Amounts>(applicationIds.map((id) => [id, new Map()]));
    if (!applicationIds.length) return result;
    const rows: Array<{ application_id: string; currency: string; outstanding: string }> = await em.query(
      `SELECT application_id, currency, sum(CASE kind WHEN 'COMMITMENT' THEN amount_minor ELSE -amount_minor END)::text AS outstanding
         FROM ledger_entry WHERE application_id = ANY($1::uuid[]) AND kind IN ('COMMITMENT', 'RELEASE') GROUP BY application_id, currency ORDER BY currency`,
      [[...new Set(applicationIds)]],
    );
    for (const r of rows) {
      const amount = BigInt(r.outstanding);
      if (amount !== 0n) result.get(r.application_id)!.set(r.currency.trim(), amount);
    }
    return result;
  }

  balances(fundIds: readonly string[]): Promise<FundBalance[]> {
    return this.dataSource.getRepository(FundBalance).createQueryBuilder('b').where('b.fund_id = ANY(:ids)', { ids: [...fundIds] }).orderBy('b.currency').getMany();
  }

  /** The ledger summed afresh and compared with the balances it must equal, per currency. */
  /** Each fund's ledger checked against its balances, per currency: one statement for any number of funds. */
  async reconcile(fundIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Reconciliation[][]> {
    const rows: Array<Record<string, string>> = await em.query(
      `SELECT b.fund_id, b.currency, b.contributed_minor, b.returned_minor, b.committed_minor, b.released_minor, b.available_minor,
              coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'CONTRIBUTION'), 0)::text AS l_contributed,
              coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'RETURN'), 0)::text AS l_returned,
              coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'COMMITMENT'), 0)::text AS l_committed,
              coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'RELEASE'), 0)::text AS l_released
         FROM fund_balance b LEFT JOIN ledger_entry e ON e.fund_id = b.fund_id AND e.currency = b.currency
        WHERE b.fund_id = ANY($1::uuid[])
        GROUP BY b.fund_id, b.currency ORDER BY b.fund_id, b.currency`,
      [[...fundIds]],
    );
    const reconciled = rows.map((r) => {
      const [c, ret, com, rel, avail] = [r.l_contributed, r.l_returned, r.l_committed, r.l_released, r.available_minor].map(BigInt);
      const reconciles =
        c === BigInt(r.contributed_minor) && ret === BigInt(r.returned_minor) && com === BigInt(r.committed_minor) && rel === BigInt(r.released_minor) && avail === c - ret - com + rel;
      return { fundId: r.fund_id, reconciliation: { currency: r.currency.trim(), contributedMinor: c, returnedMinor: ret, committedMinor: com, releasedMinor: rel, availableMinor: avail, reconciles } };
    });
    return fundIds.map((id) => reconciled.filter((r) => r.fundId === id).map((r) => r.reconciliation));
  }

  private async lockBalances(em: EntityManager, fundId: string): Promise<Map<string, FundBalance>> {
    const rows = await em.createQueryBuilder(FundBalance, 'b').setLock('pessimistic_write').where('b.fund_id = :fundId', { fundId }).orderBy('b.currency').getMany();
    return new Map(rows.map((b) => [b.currency.trim(), b]));
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The pairing outbox: a city whose evidence changed and whose pairs need
 * scoring again. Written in the same transaction as the change; the worker
 * turns it into a `pairing.recompute` job and deletes it once the scores
 * written are at least as new as `version`.
 */
@Entity()
export class PairingRecomputeRequest {
  @PrimaryColumn()
  cityId: string;

  /** Bumped by every change, so a change during a recomputation is not lost. */
  @Column({ type: 'bigint', default: 1 })
  version: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null;
}

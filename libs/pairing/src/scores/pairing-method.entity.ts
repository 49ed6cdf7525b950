import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which method the stored pair scores were computed with: the engine's
 * method version and the report's default weights, as one fingerprint. When
 * a release changes either, the worker scores every pair again on start.
 */
@Entity()
export class PairingMethod {
  @PrimaryColumn()
  name: string;

  @Column()
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The national leaders' values (indicator -> max) the stored scores of a
 * country were computed with. When a change moves a leader, every relative
 * figure of that country moves, so all of its pairs are scored again; when it
 * does not, only the changed city's pairs are.
 */
@Entity()
export class PairingCountryScale {
  @PrimaryColumn({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'jsonb' })
  leaders: Record<string, number>;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

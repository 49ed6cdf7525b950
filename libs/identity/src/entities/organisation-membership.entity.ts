import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** A user belongs to one or more organisations. */
@Entity()
@Index(['organisationId'])
export class OrganisationMembership {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Twinning } from './twinning.entity';

/**
 * The shared room of a twinned pair, created when the twinning is accepted.
 * Its row is locked by every membership change, so the rule "at least one
 * lead from each city" holds under concurrency.
 */
@Entity()
@ObjectType({ description: "A twinned pair's shared room. Visible only to its members and admins." })
@Allow('SIGNED_IN')
export class Workspace {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid', { unique: true })
  @Field(() => ID)
  twinningId: string;

  @ManyToOne(() => Twinning, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'twinning_id' })
  twinning?: Relation<Twinning>;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  /** Moved by every change in the workspace (membership, status). */
  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;
}

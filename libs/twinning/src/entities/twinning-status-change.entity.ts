import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Twinning, TwinningStatus } from './twinning.entity';

/** One status change of a twinning: append-only, with who, when and why. */
@Entity()
@Index(['twinningId', 'at'])
@ObjectType({ description: 'A change of a twinning status, with who made it, when and why.' })
@Allow('SIGNED_IN')
export class TwinningStatusChange {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  twinningId: string;

  @ManyToOne(() => Twinning, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinning_id' })
  twinning?: Relation<Twinning>;

  @Column({ type: 'enum', enum: TwinningStatus, enumName: 'twinning_status', nullable: true })
  @Field(() => TwinningStatus, { nullable: true, description: 'Null for the proposal itself.' })
  fromStatus: TwinningStatus | null;

  @Column({ type: 'enum', enum: TwinningStatus, enumName: 'twinning_status' })
  @Field(() => TwinningStatus)
  toStatus: TwinningStatus;

  @Column('uuid')
  @Field(() => ID)
  actorUserId: string;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}

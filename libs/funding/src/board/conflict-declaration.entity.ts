import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Allow } from '@app/core';
import { BoardMember } from './board-member.entity';
import { FundApplication } from '../applications/fund-application.entity';

/** A member's own declaration of a conflict of interest on an application. Permanent. */
@Entity()
@Unique(['applicationId', 'memberId'])
@ObjectType({ description: 'A conflict of interest declared by a board member.' })
@Allow('SIGNED_IN')
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column('uuid')
  @Field(() => ID)
  memberId: string;

  @ManyToOne(() => BoardMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<BoardMember>;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field()
  declaredAt: Date;
}

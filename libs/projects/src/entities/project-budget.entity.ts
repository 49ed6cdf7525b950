import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Project } from './project.entity';

/** One country's budget for a project: integer minor units and an ISO 4217 code, never a float. */
@Entity()
@ObjectType({ description: "A country's budget for a project, in integer minor units of its currency." })
@Allow('SIGNED_IN')
export class ProjectBudget {
  @PrimaryColumn('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @PrimaryColumn({ type: 'char', length: 2 })
  @Field({ description: 'The country contributing, e.g. GB or KR.' })
  countryCode: string;

  @Column({ type: 'bigint' })
  @Field({ description: 'Integer minor units as a string (pence for GBP, won for KRW), e.g. "2500000" = £25,000.00.' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'ISO 4217 code, e.g. GBP or KRW.' })
  currency: string;
}

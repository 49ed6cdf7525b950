import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow, listOfAtMost } from '@app/core';
import { City } from '@app/cities';
import { MAX_PROJECTS } from '../dto/sector-activity.input';
import { Sector } from './sector.entity';

/** A project that justifies a city's activity in a sector. */
@ObjectType({ description: "A project that justifies a city's activity in a sector." })
@Allow('PUBLIC')
export class SectorProject {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

/**
 * A city's activity in one sector, at most one row per (city, sector):
 * level 1 live infrastructure or a testbed, 2 a business-cluster priority,
 * 3 both, with the projects that justify it and its evidence (source, date,
 * who entered it). Clearing the activity deletes the row; the audit keeps it.
 */
@Entity()
@Check('sector_activity_level', 'level BETWEEN 1 AND 3')
@ObjectType({ description: "A city's activity in one sector, with the projects that justify it and where that comes from." })
@Allow('PUBLIC')
export class SectorActivity {
  @PrimaryColumn()
  @Field(() => ID)
  cityId: string;

  @PrimaryColumn()
  @Index()
  @Field({ description: 'The sector key, e.g. hydrogen.' })
  sectorKey: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @ManyToOne(() => Sector, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sector_key' })
  sector?: Relation<Sector>;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: '1 live infrastructure or testbed, 2 business-cluster priority, 3 both.' })
  level: 1 | 2 | 3;

  @Column({ type: 'jsonb' })
  @Field(() => [SectorProject], { complexity: listOfAtMost(MAX_PROJECTS), description: 'The projects that justify the level (at least one).' })
  projects: SectorProject[];

  @Column({ type: 'text' })
  @Field({ description: 'Where the evidence comes from.' })
  source: string;

  @Column({ type: 'date' })
  @Field({ description: 'The date the evidence is for, YYYY-MM-DD.' })
  asOf: string;

  /** No foreign key, as for city indicators: provenance outlives accounts. */
  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who entered it (null for the founding report’s seed data). Signed-in users only.' })
  @Allow('SIGNED_IN')
  enteredByUserId: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field()
  updatedAt: Date;
}

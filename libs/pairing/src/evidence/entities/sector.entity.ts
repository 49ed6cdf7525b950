import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';

/**
 * An innovation sector of the shared taxonomy, e.g. hydrogen. Sectors are
 * data: a new one is a row, never a code change. The report's synergy pillar
 * compares 14 of them; profiles also name a few more (ports, health, …).
 */
@Entity()
@ObjectType({ description: 'An innovation sector of the shared taxonomy, e.g. hydrogen or 5g.' })
@Allow('PUBLIC')
export class Sector {
  /** snake_case, as in sector-activity.json, e.g. hydrogen, ar_vr, 5g. */
  @PrimaryColumn()
  @Field({ description: 'A stable key, e.g. hydrogen, ar_vr or 5g.' })
  key: string;

  @Column()
  @Field()
  nameEn: string;

  @Column()
  @Field()
  nameKo: string;

  @Column({ type: 'text' })
  @Field()
  descriptionEn: string;

  @Column({ type: 'text' })
  @Field()
  descriptionKo: string;

  /** One of the 14 sectors the founding report's synergy table compares (false for sectors only the city profiles name). */
  @Column({ default: false })
  @Field({ description: "Whether the founding report's synergy comparison uses this sector (its 14); false for sectors only city profiles name." })
  inReportTaxonomy: boolean;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Display order, smallest first.' })
  position: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

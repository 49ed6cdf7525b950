import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';

/**
 * A programme fund, paid into by both governments, each in its own currency.
 * Public: what it is and what it holds. Its money moves only through the ledger.
 */
@Entity()
@Check('fund_name_some_language', 'name_en IS NOT NULL OR name_ko IS NOT NULL')
@ObjectType({ description: 'A programme fund paid into by both governments, each in its own currency. Public.' })
@Allow('PUBLIC')
export class Fund {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', nullable: true }) nameEn: string | null;
  @Column({ type: 'text', nullable: true }) nameKo: string | null;
  @Column({ type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', nullable: true }) descriptionKo: string | null;

  /** The contributing countries (GB, KR): each pays in its own currency, and the board needs members from each. */
  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The contributing countries, e.g. ["GB", "KR"]. Each pays in its currency; a quorum needs a member from each.' })
  countryCodes: string[];

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The currencies it holds, one per contributing country, e.g. ["GBP", "KRW"].' })
  currencies: string[];

  @Column('uuid')
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

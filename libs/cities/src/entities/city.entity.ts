import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { Country } from './country.entity';

/** A city that may twin. Its indicators live in CityIndicatorValue, each with a source. */
@Entity()
@ObjectType({ description: 'A city that takes part, or may take part, in the programme.' })
@Allow('PUBLIC')
export class City {
  /** A readable slug, e.g. liverpool, busan. */
  @PrimaryColumn()
  @Field(() => ID, { description: 'A readable id, e.g. liverpool or busan.' })
  id: string;

  @Column({ type: 'char', length: 2 })
  @Index()
  @Field()
  countryCode: string;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_code' })
  country?: Relation<Country>;

  /** Stored in Unicode NFC, so searches match however the name was typed. */
  @Column()
  @Field()
  nameEn: string;

  @Column()
  @Field()
  nameKo: string;

  /** The report's peer group (1 = largest secondary cities). */
  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: "The founding report's peer group (1 = the largest secondary cities)." })
  peerGroup: number | null;

  /** Caveats about the city's figures, e.g. which of two conflicting figures the report data uses. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "Caveats about this city's figures, in English, from the founding report." })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

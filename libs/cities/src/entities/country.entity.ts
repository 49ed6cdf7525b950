import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';

/** A country taking part. Countries are data: a third one needs a row, not code. */
@Entity()
@ObjectType({ description: 'A country taking part in the programme.' })
@Allow('PUBLIC')
export class Country {
  /** ISO 3166-1 alpha-2, e.g. GB, KR. */
  @PrimaryColumn({ type: 'char', length: 2 })
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. GB or KR.' })
  code: string;

  @Column()
  @Field()
  nameEn: string;

  @Column()
  @Field()
  nameKo: string;

  /** ISO 4217, e.g. GBP, KRW. */
  @Column({ type: 'char', length: 3 })
  @Field({ description: 'ISO 4217 currency code, e.g. GBP or KRW.' })
  currency: string;

  /** IANA zone, e.g. Europe/London. */
  @Column()
  @Field({ description: 'IANA time zone, e.g. Europe/London.' })
  timeZone: string;

  @Column({ length: 2 })
  @Field({ description: 'Language most people there read: en or ko.' })
  defaultLanguage: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

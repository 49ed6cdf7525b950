import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Allow, Role } from '@app/core';
import { City, Country } from '@app/cities';

/**
 * An existing link between two cities of different countries, or between a
 * city and a place or institution that is not one of our cities (Seoul,
 * Rolls-Royce), with its formality on the report's 0–4 scale. Exactly one of
 * cityB and otherPlace is set; otherPlaceCountryCode says which country the
 * other place is in, so "across two countries" holds for every link.
 * Deleting a link sets deletedAt: the row and its audit stay.
 *
 * The platform's own relationships (a twinning, a joint project) are links
 * too, kept here rather than in a table of their own: every reader of links
 * (cityLinks, the engine's evidence, the explanation, the audit) then sees
 * them without a second query or a union, and what sets them apart is two
 * columns. platformRef names what the link follows (twinning:<id>,
 * project:<id>); the owner of that record keeps the row in step through
 * PlatformLinksService, in its own transaction, and nobody edits or deletes
 * it through the link mutations. live is false for history (a declined,
 * withdrawn or closed twinning, a closed project): the row stays, shown with
 * its last status, and is never scored. Only platform links become history.
 */
@Entity()
@Index(['cityAId'])
@Index(['cityBId'])
@Check('city_link_formality', 'formality BETWEEN 0 AND 4')
@Check('city_link_summary', 'summary_en IS NOT NULL OR summary_ko IS NOT NULL')
@Check('city_link_other_end', '(city_b_id IS NULL) <> (other_place IS NULL)')
@Check('city_link_other_place_country', '(other_place IS NULL) = (other_place_country_code IS NULL)')
@Check('city_link_two_cities', 'city_b_id IS NULL OR city_b_id <> city_a_id')
@Check('city_link_history_from_platform', 'live OR platform_ref IS NOT NULL')
@Check('city_link_platform_between_cities', 'platform_ref IS NULL OR (city_b_id IS NOT NULL AND seed_key IS NULL)')
@ObjectType({
  description:
    'An existing link between two cities of different countries (or institutions in them), or between a city and another place abroad, ' +
    "with its formality on the founding report's 0–4 scale.",
})
@Allow('PUBLIC')
export class CityLink {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field(() => ID, { description: 'One end of the link: a city.' })
  cityAId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_a_id' })
  cityA?: Relation<City>;

  @Column({ type: 'varchar', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The other end when it is one of our cities (in another country); else null and otherPlace says where.' })
  cityBId: string | null;

  @ManyToOne(() => City, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'city_b_id' })
  cityB?: Relation<City> | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The other end when it is not one of our cities, e.g. Seoul or Rolls-Royce.' })
  otherPlace: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  @Field(() => String, { nullable: true, description: 'The country of otherPlace, e.g. KR.' })
  otherPlaceCountryCode: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'other_place_country_code' })
  otherPlaceCountry?: Relation<Country> | null;

  /** e.g. research, city-to-city, business-to-government. */
  @Column()
  @Field({ description: 'What kind of link, e.g. research, city-to-city, business-to-government.' })
  kind: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'The institutions taking part.' })
  partners: string[];

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The year the link began, when known.' })
  since: number | null;

  @Column({ type: 'smallint' })
  @Field(() => Int, {
    description: '0 none, 1 soft (delegations, visits), 2 partly formal (twinning, joint proposals), 3 formal between institutions, 4 formal long-term city-to-city.',
  })
  formality: number;

  /** What the link is, in English; summaryKo in Korean; at least one (GraphQL: summary, both as LocalizedText). */
  @Column({ type: 'text', nullable: true })
  summaryEn: string | null;

  @Column({ type: 'text', nullable: true })
  summaryKo: string | null;

  /** Where the evidence comes from, as written (GraphQL: source, in the reader's language where sourceKo has it). */
  @Column({ type: 'text' })
  source: string;

  /** The source in Korean, where the platform writes it in both languages (its own links); null for a source a person wrote. */
  @Column({ type: 'text', nullable: true })
  sourceKo: string | null;

  @Column({ type: 'date' })
  @Field({ description: 'The date the evidence is for, YYYY-MM-DD.' })
  asOf: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who last entered or changed it (null for seed data). Signed-in users only.' })
  @Allow('SIGNED_IN')
  enteredByUserId: string | null;

  /** Identifies a link that came from the seed data, so seeding again finds it instead of adding it twice. */
  @Column({ type: 'text', nullable: true, unique: true })
  seedKey: string | null;

  @Column({ default: true })
  @Field({
    description:
      'false for history: a declined, withdrawn or closed twinning, or a closed joint project. History is shown with its last status and never scored.',
  })
  live: boolean;

  /** What a platform link follows, e.g. twinning:<id> or project:<id>: one row per reference, upserted by PlatformLinksService. */
  @Column({ type: 'text', nullable: true, unique: true })
  @Field(() => String, {
    nullable: true,
    description:
      'When the Innovation Twins platform itself keeps the link, what it follows: twinning:<id> or project:<id>; null for links people entered. ' +
      'A platform link changes with its twinning or project and cannot be edited or deleted through the link mutations. ' +
      'Admins only: the reference names a record (a proposal, a workspace project) the public may not see.',
  })
  @Allow(Role.ADMIN)
  platformRef: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field()
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt: Date | null;
}

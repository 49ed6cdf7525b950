import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow, Role, Self } from '@app/core';
import { User } from './user.entity';

/**
 * A signed-in session: one family of rotating refresh tokens. Revoking it
 * (sign-out, reuse of a rotated token, an admin) ends every token in it, and
 * access tokens carrying its id stop working at once.
 */
@Entity()
@Index(['userId', 'revokedAt'])
@ObjectType({ description: 'A device or browser where you are signed in.' })
@Allow(Role.ADMIN, Self('userId'))
export class Session {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  ipAddress: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  lastUsedAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'signed-out, refresh-token-reused, password-reset, revoked-by-admin' })
  revokedReason: string | null;
}

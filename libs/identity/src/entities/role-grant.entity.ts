import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Role } from '@app/core';
import { User } from './user.entity';

/** A platform role held by a user, with who granted it. */
@Entity()
export class RoleGrant {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn({ type: 'enum', enum: Role, enumName: 'platform_role' })
  role: Role;

  @ManyToOne(() => User, (user) => user.roleGrants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  grantedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}

import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Allow, ONE_PER_COUNTRY } from '@app/core';
import { City } from '@app/cities';
import { WorkspaceRole } from '../entities/workspace-member.entity';

@ObjectType({ description: 'The pair score kept with a proposal made from a pairing suggestion.' })
@Allow('SIGNED_IN')
export class TwinningScoreSnapshot {
  @Field() pairKey: string;
  @Field(() => Float) overall: number;
  @Field(() => Int) overallStars: number;
  @Field(() => Int) minPillarStars: number;
  @Field(() => Float, { nullable: true }) similarity: number | null;
  @Field(() => Float, { nullable: true }) internationalisation: number | null;
  @Field(() => Float, { nullable: true }) synergy: number | null;
  @Field(() => Float, { nullable: true }) relationship: number | null;
  @Field(() => Float) confidence: number;
  @Field(() => [String]) sharedSectors: string[];
  @Field({ description: 'When the snapshot was taken.' }) takenAt: string;
}

@ObjectType({ description: 'A proposal as its two cities’ officers, the workspace members and admins see it.' })
@Allow('SIGNED_IN')
export class TwinningProposal {
  @Field() message: string;
  @Field(() => ID) proposedByUserId: string;
  @Field() proposedByName: string;
  @Field() fromSuggestion: boolean;
  @Field(() => TwinningScoreSnapshot, { nullable: true }) scoreSnapshot: TwinningScoreSnapshot | null;
  @Field(() => ID, { nullable: true }) decidedByUserId: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
}

@ObjectType()
@Allow('SIGNED_IN')
export class CityMemberCount {
  @Field(() => ID) cityId: string;
  @Field(() => City) city: City;
  @Field(() => Int) members: number;
  @Field(() => Int) leads: number;
}

@ObjectType({ description: "A workspace's health, for its members and admins." })
@Allow('SIGNED_IN')
export class WorkspaceHealth {
  /** Which workspace (for fields other features add, such as activeProjects). */
  workspaceId: string;
  @Field({ description: 'The last change in the workspace.' }) lastActivityAt: Date;
  @Field(() => [CityMemberCount], { complexity: ONE_PER_COUNTRY, description: 'Members per city, in the order of the pair (proposer first).' }) membersPerCity: CityMemberCount[];
}

@ObjectType()
@Allow('PUBLIC')
export class AcceptWorkspaceInvitationResult {
  @Field(() => ID) workspaceId: string;
  @Field() email: string;
  @Field(() => WorkspaceRole) role: WorkspaceRole;
  @Field({ description: 'True when accepting created your account (sign in with it next).' }) accountCreated: boolean;
  @Field({ description: 'False when you were already a member (your role is unchanged).' }) joined: boolean;
}

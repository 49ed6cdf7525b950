import { Field, ObjectType, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '@app/core';
import { EmailedLink } from '@app/identity';
import { Twinning } from './entities/twinning.entity';
import { WorkspaceInvitation, WorkspaceInvitationStatus } from './entities/workspace-invitation.entity';
import { WorkspaceRole } from './entities/workspace-member.entity';
import { twinningsOfWorkspaces } from './twinning-reads';
import { WorkspaceInvitationPayload, WorkspaceInvitationsService } from './workspace-invitations.service';

@Resolver(() => WorkspaceInvitation)
export class WorkspaceInvitationResolver {
  constructor(private readonly invitations: WorkspaceInvitationsService) {}

  @ResolveField(() => WorkspaceInvitationStatus)
  @Allow('SIGNED_IN')
  status(invitation: WorkspaceInvitation): WorkspaceInvitationStatus {
    return this.invitations.invitationStatus(invitation);
  }
}

@ObjectType({ description: 'What a workspace invitation grants: a role in the workspace of a twinning.' })
@Allow('PUBLIC')
export class WorkspaceInvitationPreview {
  @Field(() => WorkspaceRole) role: WorkspaceRole;
  @Field(() => Twinning, { description: 'The twinning whose workspace it is (its cities are public).' }) twinning: Twinning;
}

/** What the page of a workspace invitation's link shows before it is accepted. */
@Resolver(() => EmailedLink)
export class EmailedLinkWorkspaceResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => WorkspaceInvitationPreview, { nullable: true, description: "A workspace invitation's workspace and role; null for any other link." })
  @Allow('PUBLIC')
  async workspaceInvitation(link: EmailedLink): Promise<WorkspaceInvitationPreview | null> {
    const payload = link.payload as Partial<WorkspaceInvitationPayload>;
    if (link.invitationKind !== 'workspace' || !payload.workspaceId || !payload.role) return null;
    const [twinning] = await twinningsOfWorkspaces(this.dataSource.manager, [payload.workspaceId]);
    return twinning ? { role: payload.role, twinning } : null;
  }
}

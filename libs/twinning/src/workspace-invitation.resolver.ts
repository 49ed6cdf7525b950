import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { WorkspaceInvitation, WorkspaceInvitationStatus } from './entities/workspace-invitation.entity';
import { WorkspaceInvitationsService } from './workspace-invitations.service';

@Resolver(() => WorkspaceInvitation)
export class WorkspaceInvitationResolver {
  constructor(private readonly invitations: WorkspaceInvitationsService) {}

  @ResolveField(() => WorkspaceInvitationStatus)
  @Allow('SIGNED_IN')
  status(@Parent() invitation: WorkspaceInvitation): WorkspaceInvitationStatus {
    return this.invitations.invitationStatus(invitation);
  }
}

import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { PairingModule } from '@app/pairing';
import { ActivityService } from './feed/activity.service';
import { DigestService } from './feed/digest.service';
import { WorkspaceActivityResolver } from './feed/workspace-activity.resolver';
import { WorkspaceFeedResolver } from './feed/workspace-feed.resolver';
import { TwinningAccessService } from './twinning-access.service';
import { TwinningLoaders } from './twinning.loaders';
import { TwinningResolver } from './twinning.resolver';
import { TwinningService } from './twinning.service';
import { TwinningStatusChangeResolver } from './twinning-status-change.resolver';
import { EmailedLinkWorkspaceResolver, WorkspaceInvitationResolver } from './workspace-invitation.resolver';
import { WorkspaceInvitationsService } from './workspace-invitations.service';
import { WorkspaceJoinRequestResolver } from './workspace-join-request.resolver';
import { WorkspaceMemberResolver } from './workspace-member.resolver';
import { WorkspacePagesController } from './workspace-pages.controller';
import { WorkspaceResolver } from './workspace.resolver';
import { WorkspaceService } from './workspace.service';
import { WorkspaceDirectoryService } from './workspace-directory.service';

/** Twinnings of two cities and their shared workspaces: proposals, lifecycle, membership, privacy. */
@Module({
  imports: [CitiesModule, IdentityModule, PairingModule],
  controllers: [WorkspacePagesController],
  providers: [
    TwinningAccessService,
    TwinningLoaders,
    TwinningService,
    WorkspaceService,
    WorkspaceInvitationsService,
    TwinningResolver,
    WorkspaceResolver,
    WorkspaceMemberResolver,
    WorkspaceInvitationResolver,
    EmailedLinkWorkspaceResolver,
    WorkspaceJoinRequestResolver,
    TwinningStatusChangeResolver,
    ActivityService,
    DigestService,
    WorkspaceFeedResolver,
    WorkspaceActivityResolver,
    WorkspaceDirectoryService,
  ],
  exports: [TwinningAccessService, TwinningService, WorkspaceService, WorkspaceInvitationsService, ActivityService, TwinningLoaders, WorkspaceDirectoryService],
})
export class TwinningModule {}

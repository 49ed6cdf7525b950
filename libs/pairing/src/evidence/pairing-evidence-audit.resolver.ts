import { Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, Args, NoArgs, PageArgs, Paginated, RequestContext, requestLoader, Role } from '@app/core';
import { nameIn, usersById } from '@app/identity';
import { EvidenceAuditArgs } from './dto/evidence.types';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';
import { EvidenceService } from './evidence.service';

export const PairingEvidenceAuditConnection = Paginated(PairingEvidenceAudit);

@Resolver(() => PairingEvidenceAudit)
export class PairingEvidenceAuditResolver {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => PairingEvidenceAuditConnection, { description: 'Every change to pairing evidence, newest first: who, what, before and after. Admins only.' })
  @Allow(Role.ADMIN)
  pairingEvidenceAudit(@Args() args: EvidenceAuditArgs) {
    const { cityId, ...page } = args;
    return this.evidence.audit(cityId, page as PageArgs);
  }

  @ResolveField(() => String, { nullable: true, description: 'The display name of who made the change; null for the seed (or an account since removed).' })
  @Allow(Role.ADMIN)
  async actorName(entry: PairingEvidenceAudit, _args: NoArgs, ctx: RequestContext): Promise<string | null> {
    if (!entry.actorUserId) return null;
    const loader = requestLoader(ctx, 'pairing.auditActor', (ids: readonly string[]) => usersById(this.dataSource.manager, ids));
    const actor = await loader.load(entry.actorUserId);
    return actor ? nameIn(actor, ctx.language) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The record before the change, as JSON; null when it was created.' })
  @Allow(Role.ADMIN)
  before(entry: PairingEvidenceAudit): string | null {
    return entry.before == null ? null : JSON.stringify(entry.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record after the change, as JSON; null when it was deleted.' })
  @Allow(Role.ADMIN)
  after(entry: PairingEvidenceAudit): string | null {
    return entry.after == null ? null : JSON.stringify(entry.after);
  }
}

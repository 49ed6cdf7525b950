import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, PageArgs, Paginated, Role } from '@app/core';
import { EvidenceAuditArgs } from './dto/evidence.types';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';
import { EvidenceService } from './evidence.service';

export const PairingEvidenceAuditConnection = Paginated(PairingEvidenceAudit);

@Resolver(() => PairingEvidenceAudit)
export class PairingEvidenceAuditResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Query(() => PairingEvidenceAuditConnection, { description: 'Every change to pairing evidence, newest first: who, what, before and after. Admins only.' })
  @Allow(Role.ADMIN)
  pairingEvidenceAudit(@Args() args: EvidenceAuditArgs) {
    const { cityId, ...page } = args;
    return this.evidence.audit(cityId, page as PageArgs);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record before the change, as JSON; null when it was created.' })
  @Allow(Role.ADMIN)
  before(@Parent() entry: PairingEvidenceAudit): string | null {
    return entry.before == null ? null : JSON.stringify(entry.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record after the change, as JSON; null when it was deleted.' })
  @Allow(Role.ADMIN)
  after(@Parent() entry: PairingEvidenceAudit): string | null {
    return entry.after == null ? null : JSON.stringify(entry.after);
  }
}

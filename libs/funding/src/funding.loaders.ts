import { Injectable } from '@nestjs/common';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { CitiesService } from '@app/cities';
import { NotFoundError, RequestContext, requestLoader, ZoneOf, type Thing } from '@app/core';
import { Fund } from './funds/fund.entity';
import { ApplicationsService } from './applications/applications.service';
import type { EligibilityFacts } from './applications/eligibility';
import { ApplicationBudgetLine } from './applications/application-budget-line.entity';
import { FundApplication } from './applications/fund-application.entity';
import { FundCall } from './funds/fund-call.entity';
import { BoardMeeting } from './decisions/board-meeting.entity';

/**
 * Batched reads for the fields of funds' calls and applications, for the
 * board's resolvers too: one statement per kind of thing per request, however many rows
 * the response holds. They read without checking access: the field that
 * reached the row has checked it.
 */
@Injectable()
export class FundingLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cities: CitiesService,
  ) {}

  /** The zones of each fund's countries (London, Seoul): every instant of a fund is shown in both. */
  zones(ctx: RequestContext) {
    return requestLoader<string, ZoneOf[]>(ctx, 'funding.zones', async (ids) => {
      const funds = await this.dataSource.getRepository(Fund).findBy({ id: In([...ids]) });
      const codes = [...new Set(funds.flatMap((f) => f.countryCodes))];
      const countries = await this.cities.getCountries(codes);
      const zoneOf = new Map(codes.map((code, i) => [code, countries[i]?.timeZone ?? 'UTC']));
      return ids.map((id) => (funds.find((f) => f.id === id)?.countryCodes ?? []).map((code) => ({ timeZone: zoneOf.get(code) ?? 'UTC' })));
    });
  }

  fund(ctx: RequestContext) {
    return this.byId(ctx, Fund, 'funding.fundById', 'fund');
  }

  application(ctx: RequestContext) {
    return this.byId(ctx, FundApplication, 'funding.applicationById', 'application');
  }

  call(ctx: RequestContext) {
    return this.byId(ctx, FundCall, 'funding.callById', 'call');
  }

  meeting(ctx: RequestContext) {
    return this.byId(ctx, BoardMeeting, 'funding.meetingById', 'meeting');
  }

  /** Each application's budget lines, in their order. */
  lines(ctx: RequestContext) {
    return requestLoader<string, ApplicationBudgetLine[]>(ctx, 'funding.lines', async (ids) => {
      const lines = await this.dataSource.getRepository(ApplicationBudgetLine).find({ where: { applicationId: In([...ids]) }, order: { position: 'ASC' } });
      return ids.map((id) => lines.filter((l) => l.applicationId === id));
    });
  }

  /** What the call's rules judge of each application, but its budget lines (see `lines`). */
  eligibilityFacts(ctx: RequestContext) {
    return requestLoader<string, Omit<EligibilityFacts, 'lines'>>(ctx, 'funding.eligibilityFacts', (ids) => this.applications.eligibilityFacts(ids));
  }

  private byId<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: new () => T, key: string, what: Thing) {
    return requestLoader<string, T>(ctx, key, async (ids) => {
      const rows = await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
      return ids.map((id) => rows.find((r) => r.id === id) ?? new NotFoundError(what, id));
    });
  }
}

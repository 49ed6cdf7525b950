import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RequestContext, requestLoader } from '@app/core';
import { Organisation, User } from '@app/identity';
import { Workspace } from './entities/workspace.entity';

/** Batched reads for twinning fields: one query per kind of thing per request. */
@Injectable()
export class TwinningLoaders {
  constructor(private readonly dataSource: DataSource) {}

  user(ctx: RequestContext) {
    return requestLoader<string, User | undefined>(ctx, 'twinning.userById', async (ids) => {
      const rows = await this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((u) => u.id === id));
    });
  }

  organisation(ctx: RequestContext) {
    return requestLoader<string, Organisation | undefined>(ctx, 'twinning.organisationById', async (ids) => {
      const rows = await this.dataSource.getRepository(Organisation).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((o) => o.id === id));
    });
  }

  workspaceOfTwinning(ctx: RequestContext) {
    return requestLoader<string, Workspace | undefined>(ctx, 'twinning.workspaceByTwinning', async (ids) => {
      const rows = await this.dataSource.getRepository(Workspace).findBy({ twinningId: In([...ids]) });
      return ids.map((id) => rows.find((w) => w.twinningId === id));
    });
  }
}

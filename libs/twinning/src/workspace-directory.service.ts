import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CitiesService } from '@app/cities';
import { Bilingual, inOrderOf, uuidsAmong } from '@app/core';
import { TwinningStatus } from './entities/twinning.entity';
import { Workspace } from './entities/workspace.entity';
import { twinningsOfWorkspaces } from './twinning-reads';

/** A workspace's twinning: its status and its two cities, city A (the proposer's) first. */
export interface WorkspacePair {
  workspaceId: string;
  twinningId: string;
  status: TwinningStatus;
  cityAId: string;
  cityBId: string;
}

/** A workspace's pair, named after its two cities: "Liverpool–Busan" in both languages. */
export interface NamedWorkspacePair extends WorkspacePair {
  name: Bilingual;
}

/** A person following a workspace's digest, and since when. */
export interface DigestFollower {
  workspaceId: string;
  userId: string;
  since: Date;
}

/**
 * What other contexts ask of workspaces without running them: whether they
 * exist, the twinning and cities behind each, and who follows their digest.
 * Batched where it can be (in the order of the ids asked about, undefined for
 * an unknown one); each takes the caller's EntityManager so it can run inside
 * the caller's transaction. No access rule is applied here: the caller decides
 * what it may show.
 */
@Injectable()
export class WorkspaceDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
  ) {}

  /** The workspaces in the order of `ids`, undefined where there is none: one statement. */
  async getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Workspace | undefined>> {
    const wanted = uuidsAmong(ids);
    return inOrderOf(ids, wanted.length ? await em.findBy(Workspace, { id: In(wanted) }) : [], (w) => w.id);
  }

  /** Each workspace's twinning and its two cities, in the order of `workspaceIds`: one statement. */
  async pairsOf(workspaceIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<WorkspacePair | undefined>> {
    const twinnings = await twinningsOfWorkspaces(em, workspaceIds);
    return workspaceIds.map((id, i) => {
      const t = twinnings[i];
      return t && { workspaceId: id, twinningId: t.id, status: t.status, cityAId: t.cityAId, cityBId: t.cityBId };
    });
  }

  /** Each workspace's pair named after its cities, city A first ("Liverpool–Busan"), in the order of `workspaceIds`: two statements. */
  async pairNamesOf(workspaceIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<NamedWorkspacePair | undefined>> {
    const pairs = await this.pairsOf(workspaceIds, em);
    const found = pairs.filter((p): p is WorkspacePair => !!p);
    const cityIds = found.flatMap((p) => [p.cityAId, p.cityBId]);
    const cities = await this.cities.getMany(cityIds, em);
    const cityOf = new Map(cities.filter((c) => !!c).map((c) => [c.id, c]));
    return pairs.map((pair) => {
      const a = pair && cityOf.get(pair.cityAId);
      const b = pair && cityOf.get(pair.cityBId);
      return pair && a && b ? { ...pair, name: { en: `${a.nameEn}–${b.nameEn}`, ko: `${a.nameKo}–${b.nameKo}` } } : undefined;
    });
  }

  /** The workspaces whose digest the person follows while a member of them: one statement. */
  async digestFollowsOf(userId: string, em: EntityManager = this.dataSource.manager): Promise<DigestFollower[]> {
    const rows: Array<{ workspace_id: string; user_id: string; created_at: Date }> = await em.query(
      `SELECT wf.workspace_id, wf.user_id, wf.created_at FROM workspace_follow wf
         JOIN workspace_member m ON m.workspace_id = wf.workspace_id AND m.user_id = wf.user_id
        WHERE wf.user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ workspaceId: r.workspace_id, userId: r.user_id, since: r.created_at }));
  }

  /** The members following the workspace's digest: one statement. */
  async digestFollowersOf(workspaceId: string, em: EntityManager = this.dataSource.manager): Promise<DigestFollower[]> {
    const rows: Array<{ workspace_id: string; user_id: string; created_at: Date }> = await em.query(
      `SELECT wf.workspace_id, wf.user_id, wf.created_at FROM workspace_follow wf
         JOIN workspace_member m ON m.workspace_id = wf.workspace_id AND m.user_id = wf.user_id
        WHERE wf.workspace_id = $1`,
      [workspaceId],
    );
    return rows.map((r) => ({ workspaceId: r.workspace_id, userId: r.user_id, since: r.created_at }));
  }

  /** Whether the person follows the workspace's digest (whether or not they are still a member). */
  async followsDigest(userId: string, workspaceId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [{ follows }] = await em.query(`SELECT EXISTS (SELECT 1 FROM workspace_follow WHERE user_id = $1 AND workspace_id = $2) AS follows`, [userId, workspaceId]);
    return follows as boolean;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuthUser, BadInputError, Clock, ConflictError, ForbiddenError, hasRole, isUuid, NotFoundError, Role, type Words } from '@app/core';
import { withParticle } from '@app/rules';
import { affiliatedCitiesSql, OrganisationsService, userById, UsersService } from '@app/identity';
import { isWorkspaceMemberSql } from '@app/twinning';
import type { AppointBoardMemberInput, DeclareConflictInput, EndBoardMembershipInput, UpdateBoardRulesInput } from '../dto/board.inputs';
import { Board } from './board.entity';
import { BoardMember } from './board-member.entity';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { Review } from '../reviews/review.entity';
import { Vote } from '../decisions/vote.entity';
import type { QuorumRule, Voter } from './quorum';
import { FundApplication } from '../applications/fund-application.entity';
import { FundAuditService } from '../audit/audit.service';
import { FundsService } from '../funds/funds.service';
import { orKo } from '../funding-words';

/** The cities of application `a` where board member `m` is affiliated with an organisation: named on the seat, or one they belong to on the platform. */
const AFFILIATED_CITIES = affiliatedCitiesSql({ userId: 'm.user_id', namedOrganisationIds: 'm.organisation_ids', amongCities: 'a.city_ids' });
/** Board member `m` belongs to the workspace that applied with `a`. */
const IN_APPLYING_WORKSPACE = isWorkspaceMemberSql({ workspaceId: 'a.workspace_id', userId: 'm.user_id' });

/** A member's conflict on an application: automatic (an affiliation in an applicant city, a seat in the applying workspace) and/or declared. */
export interface MemberConflict {
  memberId: string;
  /** Cities of the application where one of the member's organisations is. */
  automaticCityIds: string[];
  /** They belong to the applying workspace. */
  workspaceMember: boolean;
  declaredReason: string | null;
}

/** A fund board as one application sees it: who sits on it now, and who among them is conflicted on the application. */
export interface ApplicationBoard {
  /** Current members, in order of appointment, with the country each sits for. */
  members: Voter[];
  /** The conflicted ones, by member id. */
  conflicts: Map<string, MemberConflict>;
}

/** A vote on an agenda item, with its voter's country and account. */
export type CastVote = Vote & { countryCode: string; userId: string };

/** The rule of a board when admins have set none. */
const DEFAULT_QUORUM_MIN_PER_COUNTRY = 1;

/**
 * Boards, their members and conflicts of interest. A member is conflicted on
 * an application when they declared it, when an organisation they are
 * affiliated with (named on their seat, or one they belong to on the
 * platform) is in one of the applying cities, or when they belong to the
 * applying workspace. Conflicted members do not
 * review, read the reviews of, vote on, or count towards the quorum of it.
 */
@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly funds: FundsService,
    private readonly audit: FundAuditService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async fundsWhereMember(userId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ fund_id: string }> = await em.query(`SELECT fund_id FROM board_member WHERE user_id = $1 AND ended_at IS NULL`, [userId]);
    return rows.map((r) => r.fund_id);
  }

  /** The board of a fund; a fund without members yet has the default rule. */
  async board(fundId: string, em: EntityManager = this.dataSource.manager): Promise<Board> {
    return (await em.findOneBy(Board, { fundId })) ?? Object.assign(new Board(), { fundId, quorumMinPerCountry: DEFAULT_QUORUM_MIN_PER_COUNTRY, createdAt: new Date(0) });
  }

  /** Each fund's board, as `board` gives it: one statement for any number of funds. */
  async boardsOf(fundIds: readonly string[]): Promise<Board[]> {
    const boards = await this.dataSource.getRepository(Board).findBy({ fundId: In([...fundIds]) });
    return fundIds.map((fundId) => boards.find((b) => b.fundId === fundId) ?? Object.assign(new Board(), { fundId, quorumMinPerCountry: DEFAULT_QUORUM_MIN_PER_COUNTRY, createdAt: new Date(0) }));
  }

  /** What a quorum of each fund's board needs (the fund's countries, the board's rule): one statement for any number of funds. */
  async quorumRules(fundIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<QuorumRule | NotFoundError>> {
    const rows: Array<{ id: string; country_codes: string[]; min_per_country: number }> = await em.query(
      `SELECT f.id, f.country_codes, coalesce(b.quorum_min_per_country, $2) AS min_per_country FROM fund f LEFT JOIN board b ON b.fund_id = f.id WHERE f.id = ANY($1::uuid[])`,
      [[...fundIds], DEFAULT_QUORUM_MIN_PER_COUNTRY],
    );
    return fundIds.map((id) => {
      const row = rows.find((r) => r.id === id);
      // One missing fund fails its own key, not the whole batch.
      if (!row) return new NotFoundError('fund', id);
      return { countryCodes: row.country_codes, minPerCountry: row.min_per_country };
    });
  }

  members(fundId: string, includeFormer = false, em: EntityManager = this.dataSource.manager): Promise<BoardMember[]> {
    return em.find(BoardMember, { where: includeFormer ? { fundId } : { fundId, endedAt: IsNull() }, order: { appointedAt: 'ASC' } });
  }

  /** Each fund's members (current ones, or everyone who sat), by appointment: one statement for any number of funds. */
  async membersOf(fundIds: readonly string[], includeFormer: boolean): Promise<BoardMember[][]> {
    const ids = In([...fundIds]);
    const members = await this.dataSource.getRepository(BoardMember).find({ where: includeFormer ? { fundId: ids } : { fundId: ids, endedAt: IsNull() }, order: { appointedAt: 'ASC' } });
    return fundIds.map((id) => members.filter((m) => m.fundId === id));
  }

  /** The caller's current seat on the fund's board, if any. */
  async seatOf(user: AuthUser | null, fundId: string, em: EntityManager = this.dataSource.manager): Promise<BoardMember | null> {
    if (!user) return null;
    return em.findOneBy(BoardMember, { fundId, userId: user.id, endedAt: IsNull() });
  }

  async appoint(admin: AuthUser, input: AppointBoardMemberInput): Promise<BoardMember> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.funds.get(input.fundId, em);
      if (!fund.countryCodes.includes(input.countryCode)) throw BadInputError.field('countryCode', { en: `must be one of the fund’s countries: ${fund.countryCodes.join(' or ')}.`, ko: `기금 참여국 중 하나(${orKo(fund.countryCodes)})여야 합니다.` });
      const user = await userById(em, input.userId);
      if (!user) throw BadInputError.field('userId', { en: 'no account with this id: invite the person to the platform first.', ko: '이 ID의 계정이 없습니다. 먼저 그 사람을 플랫폼에 초대해 주세요.' });
      if (await em.findOneBy(BoardMember, { fundId: fund.id, userId: user.id, endedAt: IsNull() })) {
        throw new ConflictError({ en: `${user.displayName} already sits on this board.`, ko: `${withParticle(user.displayName, '은/는')} 이미 이 심사위원회의 위원입니다.` }, { reason: 'ALREADY_MEMBER' });
      }
      await em.createQueryBuilder().insert().into(Board).values({ fundId: fund.id }).orIgnore().execute();
      let organisationIds = input.organisationIds;
      if (!organisationIds) {
        organisationIds = (await this.users.organisationsFor([user.id], em))[0].map((o) => o.id);
      } else if ((await this.organisations.getMany(organisationIds, em)).includes(undefined)) {
        throw BadInputError.field('organisationIds', { en: 'names an organisation that does not exist.', ko: '없는 기관이 들어 있습니다.' });
      }
      const member = await em.save(
        em.create(BoardMember, {
          fundId: fund.id,
          userId: user.id,
          countryCode: input.countryCode,
          organisationIds,
          affiliationNote: input.affiliationNote ?? null,
          appointedAt: this.clock.now(),
          appointedByUserId: admin.id,
          endedAt: null,
        }),
      );
      await this.users.grantRole(em, user.id, Role.BOARD_MEMBER, admin.id);
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: admin.id,
        action: 'board.member-appointed',
        subjectType: 'member',
        subjectId: member.id,
        facts: { name: user.displayName, countryCode: input.countryCode },
        detail: { userId: user.id, countryCode: input.countryCode, organisationIds },
      });
      return member;
    });
  }

  async end(admin: AuthUser, input: EndBoardMembershipInput): Promise<BoardMember> {
    return this.dataSource.transaction(async (em) => {
      const member = isUuid(input.memberId) ? await em.createQueryBuilder(BoardMember, 'm').setLock('pessimistic_write').where('m.id = :id', { id: input.memberId }).getOne() : null;
      if (!member) throw new NotFoundError('boardMember', input.memberId);
      if (member.endedAt) throw new ConflictError({ en: 'This membership has already ended.', ko: '이 위원 임기는 이미 끝났습니다.' }, { reason: 'ALREADY_ENDED' });
      member.endedAt = this.clock.now();
      const saved = await em.save(member);
      await this.audit.record(em, {
        fundId: member.fundId,
        actorUserId: admin.id,
        action: 'board.member-ended',
        subjectType: 'member',
        subjectId: member.id,
        facts: { name: (await userById(em, member.userId))?.displayName },
        reason: input.reason,
        detail: { userId: member.userId },
      });
      return saved;
    });
  }

  async updateRules(admin: AuthUser, input: UpdateBoardRulesInput): Promise<Board> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.funds.get(input.fundId, em);
      await em.createQueryBuilder().insert().into(Board).values({ fundId: fund.id }).orIgnore().execute();
      await em.update(Board, { fundId: fund.id }, { quorumMinPerCountry: input.quorumMinPerCountry });
      await this.audit.record(em, {
        fundId: fund.id,
        actorUserId: admin.id,
        action: 'board.rules-updated',
        subjectType: 'fund',
        subjectId: fund.id,
        facts: { quorumMinPerCountry: input.quorumMinPerCountry },
      });
      return em.findOneByOrFail(Board, { fundId: fund.id });
    });
  }

  /** Conflicts of every current member of the application's fund board (members without one are left out). */
  async conflicts(application: FundApplication, em: EntityManager = this.dataSource.manager): Promise<Map<string, MemberConflict>> {
    return (await this.applicationBoards([application.id], em))[0].conflicts;
  }

  /**
   * The current members of each application's fund board, each with their
   * country and any conflict on it: one statement for any number of
   * applications (an unknown id has an empty board).
   */
  async applicationBoards(applicationIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<ApplicationBoard[]> {
    const rows: Array<{ application_id: string; member_id: string; country_code: string; city_ids: string[] | null; workspace_member: boolean; declared: string | null }> = await em.query(
      `SELECT a.id AS application_id, m.id AS member_id, m.country_code,
              ${AFFILIATED_CITIES} AS city_ids,
              ${IN_APPLYING_WORKSPACE} AS workspace_member,
              (SELECT d.reason FROM conflict_declaration d WHERE d.member_id = m.id AND d.application_id = a.id) AS declared
         FROM fund_application a JOIN board_member m ON m.fund_id = a.fund_id AND m.ended_at IS NULL
        WHERE a.id = ANY($1::uuid[])
        ORDER BY m.appointed_at, m.id`,
      [[...applicationIds]],
    );
    return applicationIds.map((id) => {
      const mine = rows.filter((r) => r.application_id === id);
      return {
        members: mine.map((r) => ({ memberId: r.member_id, countryCode: r.country_code.trim() })),
        conflicts: new Map(
          mine
            .filter((r) => r.city_ids?.length || r.workspace_member || r.declared)
            .map((r) => [r.member_id, { memberId: r.member_id, automaticCityIds: r.city_ids ?? [], workspaceMember: r.workspace_member, declaredReason: r.declared }]),
        ),
      };
    });
  }

  /**
   * What a board member may not read in the fund's audit log: everything
   * about applications they are conflicted on, and drafts (the board sees an
   * application from its submission). Admins read it all. A null fund: in the
   * logs of every fund whose board they sit on (an application is of one fund).
   */
  async auditRedaction(userId: string, fundId: string | null, em: EntityManager = this.dataSource.manager): Promise<{ hiddenSubjectIds: string[]; hiddenActions: string[] }> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT a.id FROM fund_application a JOIN board_member m ON m.fund_id = a.fund_id AND m.user_id = $1 AND m.ended_at IS NULL
        WHERE ($2::uuid IS NULL OR a.fund_id = $2) AND (
              EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = m.id)
           OR ${AFFILIATED_CITIES} IS NOT NULL
           OR ${IN_APPLYING_WORKSPACE})`,
      [userId, fundId],
    );
    return { hiddenSubjectIds: rows.map((r) => r.id), hiddenActions: ['application.created', 'application.updated'] };
  }

  /** The caller's seat on the application's board, and that board, when they are not conflicted; FORBIDDEN otherwise. */
  async requireUnconflictedSeat(em: EntityManager, user: AuthUser, application: FundApplication, what: Words): Promise<{ seat: BoardMember; board: ApplicationBoard }> {
    const seat = await this.seatOf(user, application.fundId, em);
    if (!seat) throw new ForbiddenError({ en: `Only members of this fund’s board may ${what.en}.`, ko: `이 기금 심사위원회의 위원만 ${what.ko} 수 있습니다.` });
    const [board] = await this.applicationBoards([application.id], em);
    const conflict = board.conflicts.get(seat.id);
    if (conflict) {
      const why = describeConflict(conflict);
      throw new ForbiddenError({ en: `You have a conflict of interest on this application (${why.en}), so you may not ${what.en}.`, ko: `이 신청서에 이해충돌이 있으므로(${why.ko}) ${what.ko} 수 없습니다.` });
    }
    return { seat, board };
  }

  /** A member declares a conflict: their unsubmitted review assignment goes, a submitted review stops counting, their open votes are removed. */
  async declare(user: AuthUser, input: DeclareConflictInput, application: FundApplication): Promise<ConflictDeclaration> {
    return this.dataSource.transaction(async (em) => {
      // The application's row lock orders this against votes and decisions on it, which take the same lock.
      await em.query(`SELECT id FROM fund_application WHERE id = $1 FOR NO KEY UPDATE`, [application.id]);
      const seat = await this.seatOf(user, application.fundId, em);
      if (!seat || !hasRole(user, Role.BOARD_MEMBER)) throw new ForbiddenError({ en: 'Only members of this fund’s board declare conflicts on its applications.', ko: '이 기금 심사위원회의 위원만 그 신청서에 대한 이해충돌을 신고할 수 있습니다.' });
      const existing = await em.findOneBy(ConflictDeclaration, { applicationId: application.id, memberId: seat.id });
      if (existing) return existing;
      const declaration = await em.save(em.create(ConflictDeclaration, { applicationId: application.id, memberId: seat.id, reason: input.reason, declaredAt: this.clock.now() }));
      await em.delete(Review, { applicationId: application.id, memberId: seat.id, submittedAt: IsNull() });
      await em.update(Review, { applicationId: application.id, memberId: seat.id, withdrawnAt: IsNull() }, { withdrawnAt: this.clock.now() });
      await em.query(
        `DELETE FROM vote v USING agenda_item i WHERE v.meeting_id = i.meeting_id AND v.application_id = i.application_id AND i.decision_id IS NULL AND v.application_id = $1 AND v.member_id = $2`,
        [application.id, seat.id],
      );
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: user.id,
        action: 'conflict.declared',
        subjectType: 'application',
        subjectId: application.id,
        facts: { name: user.displayName },
        reason: input.reason,
        detail: { memberId: seat.id },
      });
      return declaration;
    });
  }

  /** Votes cast on an agenda item, with each voter's country. */
  async votes(em: EntityManager, meetingId: string, applicationId: string): Promise<CastVote[]> {
    return (await this.votesOn([{ meetingId, applicationId }], em))[0];
  }

  /** Votes cast on each agenda item, with each voter's country, in the order they were cast: one statement for any number of items. */
  async votesOn(items: ReadonlyArray<{ meetingId: string; applicationId: string }>, em: EntityManager = this.dataSource.manager): Promise<CastVote[][]> {
    const rows: Array<{ meeting_id: string; application_id: string; member_id: string; choice: Vote['choice']; cast_at: Date; country_code: string; user_id: string }> = await em.query(
      `SELECT v.meeting_id, v.application_id, v.member_id, v.choice, v.cast_at, m.country_code, m.user_id FROM vote v JOIN board_member m ON m.id = v.member_id
        WHERE (v.meeting_id, v.application_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) ORDER BY v.cast_at`,
      [items.map((i) => i.meetingId), items.map((i) => i.applicationId)],
    );
    return items.map(({ meetingId, applicationId }) =>
      rows
        .filter((r) => r.meeting_id === meetingId && r.application_id === applicationId)
        .map((r) => Object.assign(new Vote(), { meetingId, applicationId, memberId: r.member_id, choice: r.choice, castAt: r.cast_at, countryCode: r.country_code.trim(), userId: r.user_id })),
    );
  }
}

export function describeConflict(conflict: MemberConflict): Words {
  const parts: Words[] = [];
  if (conflict.automaticCityIds.length) parts.push({ en: `an affiliation in ${conflict.automaticCityIds.join(' and ')}`, ko: '신청 도시에 소속 기관이 있음' });
  if (conflict.workspaceMember) parts.push({ en: 'a member of the applying workspace', ko: '신청한 워크스페이스의 멤버임' });
  if (conflict.declaredReason) parts.push({ en: `declared: ${conflict.declaredReason}`, ko: `직접 신고함: ${conflict.declaredReason}` });
  return { en: parts.map((p) => p.en).join('; '), ko: parts.map((p) => p.ko).join('; ') };
}

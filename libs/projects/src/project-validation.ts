import { Brackets, EntityManager } from 'typeorm';
import { BadInputError, FieldProblem } from '@app/core';
import { countriesByCode } from '@app/cities';
import { organisationsById } from '@app/identity';
import { knownSectorKeys } from '@app/pairing';
import { withParticle } from '@app/rules';
import { citiesOfTwinning, Twinning, workspaceMember, WorkspaceRole } from '@app/twinning';
import type { BudgetInput, CreateProjectInput } from './dto/project.inputs';
import { Milestone } from './entities/milestone.entity';

export type ProjectWrite = Omit<Partial<CreateProjectInput>, 'workspaceId' | 'stage'>;

/** Checks everything a create or update refers to, reporting every problem by field. */
export async function validateProjectInput(
  em: EntityManager,
  input: ProjectWrite,
  scope: { workspaceId: string; twinning: Twinning; startDate: string; endDate: string | null; projectId?: string },
): Promise<void> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, en: string, ko: string) => problems.push({ field, message: { en, ko } });
  if (scope.endDate && scope.endDate < scope.startDate) {
    problem(
      input.endDate ? 'endDate' : 'startDate',
      `must keep the end date (${scope.endDate}) on or after the start date (${scope.startDate}).`,
      `종료일(${scope.endDate})은 시작일(${scope.startDate})과 같거나 그 뒤여야 합니다.`,
    );
  }
  if (input.sectors?.length) {
    const known = await knownSectorKeys(em, input.sectors);
    const unknown = input.sectors.filter((s) => !known.has(s));
    if (unknown.length) {
      const listed = unknown.map((u) => `"${u}"`).join(', ');
      problem(
        'sectors',
        `has no sector ${listed}: use keys from the sectors query, e.g. hydrogen or creative_industries.`,
        `없는 분야입니다: ${listed}. sectors 조회가 주는 키(예: hydrogen, creative_industries)를 쓰세요.`,
      );
    }
  }
  const [cityA, cityB] = await citiesOfTwinning(em, scope.twinning);
  for (const [field, city] of [['cityALeadUserId', cityA], ['cityBLeadUserId', cityB]] as const) {
    const userId = input[field];
    if (userId === undefined) continue;
    const member = await workspaceMember(em, scope.workspaceId, userId);
    if (!member || member.cityId !== city.id || member.role === WorkspaceRole.OBSERVER) {
      problem(field, `must be a lead or member of this workspace representing ${city.nameEn}.`, `이 워크스페이스에서 ${withParticle(city.nameKo, '을/를')} 대표하는 리더나 멤버여야 합니다.`);
    }
  }
  if (input.partnerOrganisationIds?.length) {
    const found = await organisationsById(em, input.partnerOrganisationIds);
    if (found.includes(undefined)) problem('partnerOrganisationIds', 'lists an organisation that does not exist.', '없는 기관이 목록에 들어 있습니다.');
  }
  if (input.budgets?.length) {
    const countries = (await countriesByCode(em, [...new Set([cityA.countryCode, cityB.countryCode])].sort())).filter((c) => !!c);
    const codes = countries.map((c) => c.code);
    const currencies = countries.map((c) => c.currency);
    const seen = new Set<string>();
    input.budgets.forEach((budget: BudgetInput, i) => {
      if (!codes.includes(budget.countryCode)) {
        problem(`budgets.${i}.countryCode`, `must be ${codes.join(' or ')}: the twinned cities' countries.`, `자매결연한 두 도시의 나라(${codes.join(', ')}) 중 하나여야 합니다.`);
      } else if (seen.has(budget.countryCode)) {
        problem(`budgets.${i}.countryCode`, `gives ${budget.countryCode} a second budget: one per country.`, `${budget.countryCode} 예산이 두 번 들어 있습니다. 예산은 나라마다 하나입니다.`);
      }
      seen.add(budget.countryCode);
      if (!currencies.includes(budget.currency)) {
        problem(
          `budgets.${i}.currency`,
          `must be ${currencies.join(' or ')}: ${budget.currency} is not a currency of either twinned country.`,
          `${currencies.join(', ')} 중 하나여야 합니다. ${withParticle(budget.currency, '은/는')} 자매결연한 두 나라 어느 쪽의 통화도 아닙니다.`,
        );
      }
    });
  }
  if (scope.projectId && (input.startDate !== undefined || input.endDate !== undefined)) {
    const outside = await em
      .createQueryBuilder(Milestone, 'm')
      .where('m.project_id = :id', { id: scope.projectId })
      .andWhere(new Brackets((q) => {
        q.where('m.due_date < :start', { start: scope.startDate });
        if (scope.endDate) q.orWhere('m.due_date > :end', { end: scope.endDate });
      }))
      .orderBy('m.due_date')
      .getOne();
    if (outside) {
      problem(input.startDate !== undefined && outside.dueDate < scope.startDate ? 'startDate' : 'endDate',
        `would leave the milestone “${outside.titleEn ?? outside.titleKo}” (due ${outside.dueDate}) outside the project's dates: move it first.`,
        `주요 일정 ${withParticle(`“${outside.titleKo ?? outside.titleEn}”`, '이/가')} 프로젝트 기간 밖(기한 ${outside.dueDate})에 놓이게 됩니다. 먼저 그 일정을 옮기세요.`);
    }
  }
  if (problems.length) {
    throw BadInputError.ofFields(problems);
  }
}

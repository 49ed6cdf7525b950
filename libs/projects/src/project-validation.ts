import { Brackets, EntityManager } from 'typeorm';
import { BadInputError, FieldProblem } from '@app/core';
import { countriesByCode } from '@app/cities';
import { organisationsById } from '@app/identity';
import { knownSectorKeys } from '@app/pairing';
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
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (scope.endDate && scope.endDate < scope.startDate) {
    problem(input.endDate ? 'endDate' : 'startDate', `must keep the end date (${scope.endDate}) on or after the start date (${scope.startDate}).`);
  }
  if (input.sectors?.length) {
    const known = await knownSectorKeys(em, input.sectors);
    const unknown = input.sectors.filter((s) => !known.has(s));
    if (unknown.length) problem('sectors', `has no sector ${unknown.map((u) => `"${u}"`).join(', ')}: use keys from the sectors query, e.g. hydrogen or creative_industries.`);
  }
  const [cityA, cityB] = await citiesOfTwinning(em, scope.twinning);
  for (const [field, city] of [['cityALeadUserId', cityA], ['cityBLeadUserId', cityB]] as const) {
    const userId = input[field];
    if (userId === undefined) continue;
    const member = await workspaceMember(em, scope.workspaceId, userId);
    if (!member || member.cityId !== city.id || member.role === WorkspaceRole.OBSERVER) {
      problem(field, `must be a lead or member of this workspace representing ${city.nameEn}.`);
    }
  }
  if (input.partnerOrganisationIds?.length) {
    const found = await organisationsById(em, input.partnerOrganisationIds);
    if (found.includes(undefined)) problem('partnerOrganisationIds', 'lists an organisation that does not exist.');
  }
  if (input.budgets?.length) {
    const countries = (await countriesByCode(em, [...new Set([cityA.countryCode, cityB.countryCode])].sort())).filter((c) => !!c);
    const codes = countries.map((c) => c.code);
    const currencies = countries.map((c) => c.currency);
    const seen = new Set<string>();
    input.budgets.forEach((budget: BudgetInput, i) => {
      if (!codes.includes(budget.countryCode)) problem(`budgets.${i}.countryCode`, `must be ${codes.join(' or ')}: the twinned cities' countries.`);
      else if (seen.has(budget.countryCode)) problem(`budgets.${i}.countryCode`, `gives ${budget.countryCode} a second budget: one per country.`);
      seen.add(budget.countryCode);
      if (!currencies.includes(budget.currency)) {
        problem(`budgets.${i}.currency`, `must be ${currencies.join(' or ')}: ${budget.currency} is not a currency of either twinned country.`);
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
        `would leave the milestone “${outside.titleEn ?? outside.titleKo}” (due ${outside.dueDate}) outside the project's dates: move it first.`);
    }
  }
  if (problems.length) {
    throw new BadInputError(`Please correct the input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
}

import { Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, listOfAtMost, LocalizedText, NoArgs, ONE_PER_LANGUAGE, PageArgs, Paginated, RequestContext } from '@app/core';
import { nameIn, User, UsersService } from '@app/identity';
import { CaseStudiesService } from './case-studies.service';
import { CaseStudySearch, CaseStudySearchResult } from './case-study-search';
import {
  CaseStudyFilter,
  CaseStudyStepInput,
  CreateCaseStudyInput,
  MAX_CASE_STUDY_PARTNERS,
  MAX_CASE_STUDY_POINTS,
  ReviewCaseStudyInput,
  SearchCaseStudiesArgs,
  UpdateCaseStudyInput,
  WriteCaseStudyTextInput,
} from './dto/knowledge.inputs';
import { CaseStudyRevision } from './entities/case-study-revision.entity';
import { CaseStudyVersion } from './entities/case-study-version.entity';
import { CaseStudy } from './entities/case-study.entity';

export const CaseStudyConnection = Paginated(CaseStudy);

/*
 * What the lists below hold at most, for the query cost (libs/core/src/graphql/cost.ts):
 * one version per language (ONE_PER_LANGUAGE), and what a case study's input may hold
 * (MAX_* in dto/knowledge.inputs).
 */
/**
 * A language version's revisions: one per save, with no limit, read only by
 * its authors and reviewers. Priced well above what writing one takes (the
 * demo's most revised case study has 16).
 */
const REVISIONS_PRICED = 100;

@ObjectType()
@Allow('PUBLIC')
export class CaseStudyPartner {
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
}

@ObjectType({ description: 'What you may do with a case study.' })
@Allow('PUBLIC')
export class CaseStudyAccessView {
  @Field({ description: 'You are one of its authors: you edit it and send it for review.' }) author: boolean;
  @Field({ description: 'You review it (a lead of its workspace, or an admin).' }) reviewer: boolean;
}

@Resolver(() => CaseStudy)
export class CaseStudiesResolver {
  constructor(
    private readonly service: CaseStudiesService,
    private readonly searcher: CaseStudySearch,
    private readonly users: UsersService,
  ) {}

  @Query(() => CaseStudy, { description: 'A case study by id or slug: public once a version is published; for its authors and reviewers before. NOT_FOUND otherwise.' })
  @Allow('PUBLIC')
  caseStudy(@Args('idOrSlug') idOrSlug: string, @Ctx() ctx: RequestContext): Promise<CaseStudy> {
    return this.service.get(ctx.user, idOrSlug);
  }

  @Query(() => CaseStudyConnection, { description: 'Case studies with a published version, newest first. Public.' })
  @Allow('PUBLIC')
  caseStudies(@Args() page: PageArgs, @Args('filter', { nullable: true, type: () => CaseStudyFilter }) filter?: CaseStudyFilter) {
    return this.service.published(filter ?? {}, page);
  }

  @Query(() => CaseStudyConnection, { description: 'The case studies you write or review, most recently changed first.' })
  @Allow('SIGNED_IN')
  myCaseStudies(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return this.service.mine(ctx.user!, page);
  }

  @Query(() => CaseStudySearchResult, {
    description: 'Search published case studies in English and Korean, ranked, with highlighted snippets. Public.',
    // Query cost of its work (libs/core/src/graphql/cost.ts): every published version is matched, its text
    // vector built and ranked, and counted; about 1.6 ms a call on the demo data, and it grows with them.
    complexity: 150,
  })
  @Allow('PUBLIC')
  searchCaseStudies(@Args() args: SearchCaseStudiesArgs): Promise<CaseStudySearchResult> {
    return this.searcher.search(args.query, args.filter ?? {}, args.first ?? 20, args.after);
  }

  @Mutation(() => CaseStudy, { description: 'Signed in: start a case study (you are its author), in English and/or Korean. It starts as a draft.' })
  @Allow('SIGNED_IN')
  createCaseStudy(@Args('input') input: CreateCaseStudyInput, @Ctx() ctx: RequestContext): Promise<CaseStudy> {
    return this.service.create(ctx.user!, input);
  }

  @Mutation(() => CaseStudy, { description: 'Joint project members: start a case study prefilled from the project (title, summary, cities, sectors, objectives, outputs).' })
  @Allow('SIGNED_IN')
  startCaseStudyFromProject(@Args('projectId', { type: () => ID }) projectId: string, @Ctx() ctx: RequestContext): Promise<CaseStudy> {
    return this.service.startFromProject(ctx.user!, projectId);
  }

  @Mutation(() => CaseStudy, { description: 'Authors and reviewers: change what the language versions share.' })
  @Allow('SIGNED_IN')
  updateCaseStudy(@Args('input') input: UpdateCaseStudyInput, @Ctx() ctx: RequestContext): Promise<CaseStudy> {
    return this.service.update(ctx.user!, input);
  }

  @Mutation(() => CaseStudyVersion, { description: 'Authors and reviewers: write a language version (adding one starts a draft). A published version gets a new revision; the old ones are kept.' })
  @Allow('SIGNED_IN')
  writeCaseStudyText(@Args('input') input: WriteCaseStudyTextInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.writeText(ctx.user!, input);
  }

  @Mutation(() => CaseStudyVersion, { description: 'Authors: send a draft language version for review (its reviewers are emailed).' })
  @Allow('SIGNED_IN')
  submitCaseStudyForReview(@Args('input') input: CaseStudyStepInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.step(ctx.user!, input, 'submit');
  }

  @Mutation(() => CaseStudyVersion, { description: 'Reviewers (a lead of its workspace, or an admin): publish a version in review, or send it back with a note. Its authors are emailed.' })
  @Allow('SIGNED_IN')
  reviewCaseStudy(@Args('input') input: ReviewCaseStudyInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.step(ctx.user!, input, 'review');
  }

  @Mutation(() => CaseStudyVersion, { description: 'Authors and reviewers: archive a published version (it leaves search, feeds and open data).' })
  @Allow('SIGNED_IN')
  archiveCaseStudy(@Args('input') input: CaseStudyStepInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.step(ctx.user!, input, 'archive');
  }

  @Mutation(() => CaseStudyVersion, { description: 'Reviewers: publish an archived version again.' })
  @Allow('SIGNED_IN')
  republishCaseStudy(@Args('input') input: CaseStudyStepInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.step(ctx.user!, input, 'republish');
  }

  @Mutation(() => CaseStudyVersion, { description: 'Authors and reviewers: confirm a translated version reads right (clears needsTranslationCheck).' })
  @Allow('SIGNED_IN')
  confirmCaseStudyTranslation(@Args('input') input: CaseStudyStepInput, @Ctx() ctx: RequestContext): Promise<CaseStudyVersion> {
    return this.service.confirmTranslation(ctx.user!, input);
  }

  @ResolveField(() => [CaseStudyVersion], { complexity: ONE_PER_LANGUAGE, description: 'The language versions you may read: the published ones, or all of them for its authors and reviewers.' })
  @Allow('PUBLIC')
  versions(caseStudy: CaseStudy, _args: NoArgs, ctx: RequestContext): Promise<CaseStudyVersion[]> {
    return this.service.versionsIn(ctx, caseStudy);
  }

  @ResolveField(() => [CaseStudyPartner], { complexity: listOfAtMost(MAX_CASE_STUDY_PARTNERS) })
  @Allow('PUBLIC')
  partners(caseStudy: CaseStudy): CaseStudyPartner[] {
    return caseStudy.partners.map((p) => ({ name: LocalizedText.of(p.name), organisationId: p.organisationId }));
  }

  @ResolveField(() => [LocalizedText], { complexity: listOfAtMost(MAX_CASE_STUDY_POINTS) })
  @Allow('PUBLIC')
  successFactors(caseStudy: CaseStudy): LocalizedText[] {
    return caseStudy.successFactors.map((f) => LocalizedText.of(f));
  }

  @ResolveField(() => [LocalizedText], { complexity: listOfAtMost(MAX_CASE_STUDY_POINTS) })
  @Allow('PUBLIC')
  lessons(caseStudy: CaseStudy): LocalizedText[] {
    return caseStudy.lessons.map((f) => LocalizedText.of(f));
  }

  @ResolveField(() => [String], { description: 'Its authors’ names.' })
  @Allow('PUBLIC')
  async authorNames(caseStudy: CaseStudy, _args: NoArgs, ctx: RequestContext): Promise<string[]> {
    const users = await this.users.loader(ctx).loadMany(caseStudy.authorUserIds);
    return users.filter((u): u is User => !!u && !(u instanceof Error)).map((u) => nameIn(u, ctx.language));
  }

  @ResolveField(() => CaseStudyAccessView)
  @Allow('PUBLIC')
  myAccess(caseStudy: CaseStudy, _args: NoArgs, ctx: RequestContext): Promise<CaseStudyAccessView> {
    return this.service.accessIn(ctx, caseStudy);
  }

  @ResolveField(() => [CaseStudyRevision], { complexity: listOfAtMost(REVISIONS_PRICED), nullable: true, description: 'Every revision of a language version, newest first. Its authors and reviewers; NOT_FOUND for anyone else.' })
  @Allow('PUBLIC')
  revisions(@Parent() caseStudy: CaseStudy, @Args('language') language: string, @Ctx() ctx: RequestContext): Promise<CaseStudyRevision[]> {
    return this.service.revisions(ctx, caseStudy, language);
  }
}

import { ResolveField, Resolver } from '@nestjs/graphql';
import { CitiesLoaders } from '@app/cities';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { countriesNamedIn, countryNames, quorumWords, QuorumStatus } from './quorum';

@Resolver(() => QuorumStatus)
export class QuorumStatusResolver {
  constructor(private readonly cities: CitiesLoaders) {}

  @ResolveField(() => String, {
    description: 'Whether there is a quorum and what is still missing, in the reader’s language (Accept-Language, else their account’s): “No quorum yet: 1 of 3 eligible members voted; 2 needed. 1 more member from the Republic of Korea must vote.”',
  })
  @Allow('SIGNED_IN')
  async explanation(status: QuorumStatus, _args: NoArgs, ctx: RequestContext): Promise<string> {
    const codes = countriesNamedIn(status);
    const countries = codes.length ? await this.cities.country(ctx).loadMany(codes) : [];
    return quorumWords(status, countryNames(codes, countries))[ctx.language];
  }
}

import 'reflect-metadata';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Args } from './args.decorator';

@InputType()
class Lookup {
  @Field()
  @IsUUID()
  id!: string;
}

describe('Args', () => {
  it('refuses, where it is declared, an argument whose type reflection records as Object: it could not be validated', () => {
    expect(() => {
      class Resolver {
        find(@Args('input') input: Lookup | null) {
          return input;
        }
      }
      return Resolver;
    }).toThrow(/Resolver\.find: argument 0 needs a class, scalar or enum type/);
  });

  it('accepts classes, scalars and optional arguments', () => {
    expect(() => {
      @ArgsType()
      class Page {
        @Field({ nullable: true })
        first?: number;
      }
      class Resolver {
        find(@Args('input') input: Lookup, @Args('token') token: string, @Args() page: Page, @Args('filter', { nullable: true }) filter?: Lookup) {
          return [input, token, page, filter];
        }
      }
      return Resolver;
    }).not.toThrow();
  });
});

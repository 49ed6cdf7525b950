import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';
import { Allow } from '../auth/allow.decorator';
import { Language, LANGUAGES } from '../auth/roles';
import { says } from '../errors/validation-words';
import { TEXT_LIMITS } from '@app/rules';

/** Text a person reads, in English and Korean; either may be missing, never both. */
export interface Bilingual {
  en: string | null;
  ko: string | null;
}

/** Which versions a text has, in the platform's language order. */
export function languagesOf(text: Partial<Bilingual> | null | undefined): Language[] {
  return LANGUAGES.filter((language) => !!text?.[language]);
}

/** The text in the reader's language, else the other one. */
export function pick(text: Partial<Bilingual> | null | undefined, language: Language): string {
  const other: Language = language === 'ko' ? 'en' : 'ko';
  return text?.[language] || text?.[other] || '';
}

@ObjectType({ description: 'Text in English and Korean. A version may be missing; `languages` says which exist.' })
@Allow('PUBLIC')
export class LocalizedText implements Bilingual {
  @Field(() => String, { nullable: true, description: 'The English version, when there is one.' })
  en: string | null;

  @Field(() => String, { nullable: true, description: 'The Korean version, when there is one.' })
  ko: string | null;

  @Field(() => [String], { description: 'The versions that exist: en, ko or both.' })
  languages: Language[];

  static of(text: Partial<Bilingual> | null | undefined): LocalizedText {
    return Object.assign(new LocalizedText(), { ...toBilingual(text), languages: languagesOf(text) });
  }
}

const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** An input of text in English and/or Korean, each version up to `max` characters. */
function localizedInput(name: string, max: number, what: string) {
  const length = Length(1, max, says(`must be at most ${max} characters long`, `최대 ${max}자까지 쓸 수 있습니다.`));
  @InputType(name, { description: `${what} (up to ${max} characters) in English and/or Korean; at least one.` })
  class LocalizedInput implements Partial<Bilingual> {
    @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimOrNull) @IsString() @length
    en?: string;

    @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimOrNull) @IsString() @length
    ko?: string;
  }
  return LocalizedInput;
}

/** A short text (a title) in English and/or Korean. */
export const LocalizedTitleInput = localizedInput('LocalizedTitleInput', TEXT_LIMITS.title, 'A short text');
export type LocalizedTitleInput = InstanceType<typeof LocalizedTitleInput>;

/** A longer text (a summary, a description) in English and/or Korean. */
export const LocalizedTextInput = localizedInput('LocalizedTextInput', TEXT_LIMITS.text, 'A text');
export type LocalizedTextInput = InstanceType<typeof LocalizedTextInput>;

/** On a LocalizedTitleInput/LocalizedTextInput property: at least one of the two versions is given. */
export function HasSomeLanguage(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasSomeLanguage',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...says('needs an English or a Korean version (or both)', '영어나 한국어 중 하나 이상(또는 둘 다) 써 주세요.'), ...options },
      validator: {
        validate: (value: unknown) => !!value && typeof value === 'object' && languagesOf(value as Bilingual).length > 0,
      },
    });
}

/** Storage shape: both keys present, missing versions null. */
export function toBilingual(input: Partial<Bilingual> | null | undefined): Bilingual {
  return { en: input?.en || null, ko: input?.ko || null };
}

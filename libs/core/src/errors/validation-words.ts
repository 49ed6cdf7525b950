import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { Words } from '../i18n/words';

/**
 * What each kind of check says in Korean when its decorator gave only an
 * English message (or none: class-validator's own English). Built from the
 * check's own arguments (lengths, bounds, allowed values), read back from the
 * decorator's metadata, so the Korean says the same limits as the English.
 * A decorator with its own Korean passes it as `context: { ko }` (says()).
 */
const KOREAN: Record<string, (args: unknown[]) => string> = {
  isLength: ([min, max]) =>
    typeof max === 'number' ? (Number(min) > 1 ? `${min}자에서 ${max}자 사이로 써 주세요.` : `비워 둘 수 없고, 최대 ${max}자까지 쓸 수 있습니다.`) : `${min}자 이상 써 주세요.`,
  maxLength: ([max]) => `최대 ${max}자까지 쓸 수 있습니다.`,
  minLength: ([min]) => `${min}자 이상 써 주세요.`,
  min: ([min]) => `${min} 이상이어야 합니다.`,
  max: ([max]) => `${max} 이하여야 합니다.`,
  isInt: () => '정수여야 합니다.',
  isNumber: () => '숫자여야 합니다.',
  isBoolean: () => '참(true) 또는 거짓(false)이어야 합니다.',
  isString: () => '글자로 써 주세요.',
  isUuid: () => '올바른 ID가 아닙니다.',
  isEmail: () => 'name@example.org 같은 이메일 주소여야 합니다.',
  isUrl: () => 'https://로 시작하는 웹 주소여야 합니다.',
  isFqdn: () => 'liverpool.gov.uk 같은 도메인 이름이어야 합니다(@나 https:// 없이).',
  isEnum: ([entity]) => `다음 중 하나여야 합니다: ${Object.values(entity as object).filter((v) => typeof v === 'string').join(', ')}.`,
  isIn: ([values]) => `다음 중 하나여야 합니다: ${(values as unknown[]).join(', ')}.`,
  isArray: () => '목록이어야 합니다.',
  arrayMaxSize: ([max]) => `최대 ${max}개까지 넣을 수 있습니다.`,
  arrayMinSize: ([min]) => `${min}개 이상 넣어 주세요.`,
  arrayNotEmpty: () => '하나 이상 넣어 주세요.',
  arrayUnique: () => '같은 항목이 두 번 들어 있습니다.',
  matches: () => '형식이 맞지 않습니다.',
  isDate: () => '날짜와 시각이어야 합니다.',
  isIso8601: () => 'YYYY-MM-DD 형식의 실제 날짜여야 합니다(예: 2027-03-31).',
  isTimeZone: () => 'Europe/London이나 Asia/Seoul 같은 IANA 시간대여야 합니다.',
  hasSomeLanguage: () => '영어나 한국어 중 하나 이상(또는 둘 다) 써 주세요.',
  nestedValidation: () => '형식이 맞지 않습니다.',
  whitelistValidation: () => '받을 수 없는 항목입니다.',
};

/** The check's arguments (a length's bounds, an enum's values) as its decorator declared them. */
function constraintsOf(error: ValidationError, type: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === type);
  return metadata?.constraints ?? [];
}

/** One failed check of a field in English and Korean. */
export function validationWords(error: ValidationError, type: string, english: string): Words {
  const own = (error.contexts?.[type] as { ko?: string } | undefined)?.ko;
  const ko = own ?? KOREAN[type]?.(constraintsOf(error, type)) ?? '올바른 값이 아닙니다.';
  return { en: english, ko };
}

/** A decorator's message in both languages: `@Length(1, 100, says('must be 1 to 100 characters long', '1~100자로 써 주세요.'))`. */
export function says(en: string, ko: string, options: { each?: boolean } = {}): { message: string; context: { ko: string }; each?: boolean } {
  return { ...options, message: en, context: { ko } };
}

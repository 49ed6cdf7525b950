/** The same rules the API applies, checked as a person types: one copy, in libs/rules. */
export { looksLikeEmail } from '@app/rules';
import { PASSWORD_LENGTH } from '@app/rules';
export const PASSWORD_MIN = PASSWORD_LENGTH.min;

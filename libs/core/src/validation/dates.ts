import { IsISO8601, Matches } from 'class-validator';
import { says } from '../errors/validation-words';

const DATE = says('must be a calendar date written YYYY-MM-DD, e.g. 2027-03-31', 'YYYY-MM-DD 형식의 실제 날짜여야 합니다(예: 2027-03-31).');

/** A calendar date field: YYYY-MM-DD, a real day. */
export function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)(target, key);
    IsISO8601({ strict: true }, DATE)(target, key);
  };
}

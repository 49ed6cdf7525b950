import { IsISO8601, Matches } from 'class-validator';

const DATE = { message: 'must be a calendar date written YYYY-MM-DD, e.g. 2027-03-31' };

/** A calendar date field: YYYY-MM-DD, a real day. */
export function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)(target, key);
    IsISO8601({ strict: true }, DATE)(target, key);
  };
}

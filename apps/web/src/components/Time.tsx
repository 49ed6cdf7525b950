import { useAuth } from '../auth/AuthProvider';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';
import { formatDate, formatDateTime, zonesFor } from '../i18n/format';

/**
 * An instant in the viewer's zone, then in each zone of `also` (e.g. both
 * countries' zones where two cities meet), each naming its zone (KST, BST,
 * 한국 시간, 파리 시간).
 */
export function Time({ value, also = [] }: { value: string; also?: string[] }) {
  const { language } = useMessages(common);
  const { timeZone } = useAuth();
  const zones = zonesFor(timeZone, also);
  const [first, ...rest] = zones;
  return (
    <span className="time">
      <time dateTime={value}>{formatDateTime(value, language, first)}</time>
      {rest.length > 0 && (
        <span className="time__others">
          {rest.map((zone) => (
            <span key={zone} className="time__other">
              {' · '}
              {formatDateTime(value, language, zone)}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

/** A calendar date (YYYY-MM-DD), the same day in every zone, in the reader's language. */
export function CalendarDate({ value }: { value: string }) {
  const { language } = useMessages(common);
  return <time dateTime={value}>{formatDate(value, language)}</time>;
}

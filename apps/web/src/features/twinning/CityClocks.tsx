import { formatClock, utcOffset, zoneFullName } from '@app/rules';
import { useMessages, type Language } from '../../i18n';
import { localeOf } from '../../i18n/format';
import { useNow } from '../../hooks/useNow';
import { cityName } from '../../i18n/cities';
import { twinningMessages } from './messages';
import { type City } from './documents';

const sideClass = (countryCode: string) => (countryCode === 'KR' ? 'kr' : countryCode === 'GB' ? 'uk' : '');

/** The two cities' clocks: the time now in each, its date and zone. */
export function CityClocks({ cities, zones }: { cities: City[]; zones: Array<{ cityId?: string | null; timeZone: string }> }) {
  const { t, language } = useMessages(twinningMessages);
  const now = new Date(useNow(15_000));
  return (
    <ul className="city-clocks">
      {cities.map((city) => {
        const zone = zones.find((z) => z.cityId === city.id);
        const timeZone = zone?.timeZone ?? city.country.timeZone;
        return (
          <li key={city.id} className={`side--${sideClass(city.countryCode)}`}>
            <strong>{cityName(city, language)}</strong>
            <span className="visually-hidden">{t('cities.now')}</span>
            <time className="clock" dateTime={now.toISOString()}>
              {formatClock(now, timeZone, language)}
            </time>
            <small>
              {dateText(now, timeZone, language)} · {t('cities.zone', { zone: zoneFullName(timeZone, now, language), offset: utcOffset(timeZone, now) })}
            </small>
          </li>
        );
      })}
    </ul>
  );
}

const dateText = (now: Date, timeZone: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(now);

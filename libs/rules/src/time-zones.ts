/**
 * Times as a reader of each language writes them, with the zone named: KST
 * for Korea, GMT in winter and BST in summer for the UK, a city's time for
 * any other zone ("Paris time", "파리 시간"). Korean is composed as Korean
 * writes it (2026년 3월 29일 (일) 오후 11:00 (한국 시간)), not taken from the
 * runtime's locale data, so the API, its emails and the web app say exactly
 * the same in every browser. Only Intl's time-zone arithmetic is used.
 */

export type ZoneLanguage = 'en' | 'ko';

/** The two countries' zones: where two cities meet, times show in both. */
export const UK_ZONE = 'Europe/London';
export const KR_ZONE = 'Asia/Seoul';

const UK_ZONES = new Set([UK_ZONE, 'Europe/Belfast', 'GB', 'GB-Eire']);
const KR_ZONES = new Set([KR_ZONE, 'ROK']);
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

/** Cities a person may live in or meet in, by zone, as English and Korean write them. */
const CITIES: Record<string, { en: string; ko: string }> = {
  'Europe/London': { en: 'London', ko: '런던' },
  'Asia/Seoul': { en: 'Seoul', ko: '서울' },
  'Europe/Dublin': { en: 'Dublin', ko: '더블린' },
  'Europe/Lisbon': { en: 'Lisbon', ko: '리스본' },
  'Europe/Paris': { en: 'Paris', ko: '파리' },
  'Europe/Brussels': { en: 'Brussels', ko: '브뤼셀' },
  'Europe/Amsterdam': { en: 'Amsterdam', ko: '암스테르담' },
  'Europe/Berlin': { en: 'Berlin', ko: '베를린' },
  'Europe/Madrid': { en: 'Madrid', ko: '마드리드' },
  'Europe/Rome': { en: 'Rome', ko: '로마' },
  'Europe/Zurich': { en: 'Zurich', ko: '취리히' },
  'Europe/Vienna': { en: 'Vienna', ko: '빈' },
  'Europe/Stockholm': { en: 'Stockholm', ko: '스톡홀름' },
  'Europe/Oslo': { en: 'Oslo', ko: '오슬로' },
  'Europe/Copenhagen': { en: 'Copenhagen', ko: '코펜하겐' },
  'Europe/Helsinki': { en: 'Helsinki', ko: '헬싱키' },
  'Europe/Warsaw': { en: 'Warsaw', ko: '바르샤바' },
  'Europe/Prague': { en: 'Prague', ko: '프라하' },
  'Europe/Athens': { en: 'Athens', ko: '아테네' },
  'Europe/Istanbul': { en: 'Istanbul', ko: '이스탄불' },
  'Europe/Kyiv': { en: 'Kyiv', ko: '키이우' },
  'Europe/Kiev': { en: 'Kyiv', ko: '키이우' },
  'Europe/Moscow': { en: 'Moscow', ko: '모스크바' },
  'Asia/Tokyo': { en: 'Tokyo', ko: '도쿄' },
  'Asia/Shanghai': { en: 'Shanghai', ko: '상하이' },
  'Asia/Hong_Kong': { en: 'Hong Kong', ko: '홍콩' },
  'Asia/Taipei': { en: 'Taipei', ko: '타이베이' },
  'Asia/Singapore': { en: 'Singapore', ko: '싱가포르' },
  'Asia/Bangkok': { en: 'Bangkok', ko: '방콕' },
  'Asia/Ho_Chi_Minh': { en: 'Ho Chi Minh City', ko: '호찌민' },
  'Asia/Jakarta': { en: 'Jakarta', ko: '자카르타' },
  'Asia/Manila': { en: 'Manila', ko: '마닐라' },
  'Asia/Kolkata': { en: 'Kolkata', ko: '콜카타' },
  'Asia/Dubai': { en: 'Dubai', ko: '두바이' },
  'Asia/Riyadh': { en: 'Riyadh', ko: '리야드' },
  'Asia/Tashkent': { en: 'Tashkent', ko: '타슈켄트' },
  'Asia/Almaty': { en: 'Almaty', ko: '알마티' },
  'Asia/Ulaanbaatar': { en: 'Ulaanbaatar', ko: '울란바토르' },
  'Africa/Cairo': { en: 'Cairo', ko: '카이로' },
  'Africa/Lagos': { en: 'Lagos', ko: '라고스' },
  'Africa/Nairobi': { en: 'Nairobi', ko: '나이로비' },
  'Africa/Johannesburg': { en: 'Johannesburg', ko: '요하네스버그' },
  'America/New_York': { en: 'New York', ko: '뉴욕' },
  'America/Chicago': { en: 'Chicago', ko: '시카고' },
  'America/Denver': { en: 'Denver', ko: '덴버' },
  'America/Los_Angeles': { en: 'Los Angeles', ko: '로스앤젤레스' },
  'America/Toronto': { en: 'Toronto', ko: '토론토' },
  'America/Vancouver': { en: 'Vancouver', ko: '밴쿠버' },
  'America/Mexico_City': { en: 'Mexico City', ko: '멕시코시티' },
  'America/Sao_Paulo': { en: 'São Paulo', ko: '상파울루' },
  'America/Buenos_Aires': { en: 'Buenos Aires', ko: '부에노스아이레스' },
  'Pacific/Honolulu': { en: 'Honolulu', ko: '호놀룰루' },
  'Australia/Sydney': { en: 'Sydney', ko: '시드니' },
  'Australia/Melbourne': { en: 'Melbourne', ko: '멜버른' },
  'Australia/Perth': { en: 'Perth', ko: '퍼스' },
  'Pacific/Auckland': { en: 'Auckland', ko: '오클랜드' },
};

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 for Sunday. */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at an instant, and its offset then. */
function localParts(at: Date, timeZone: string): LocalParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const n: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) if (part.type !== 'literal') n[part.type] = Number(part.value);
  const wall = Date.UTC(n.year, n.month - 1, n.day, n.hour % 24, n.minute, n.second);
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  return {
    year: n.year,
    month: n.month,
    day: n.day,
    hour: n.hour % 24,
    minute: n.minute,
    weekday: new Date(Date.UTC(n.year, n.month - 1, n.day)).getUTCDay(),
    offset: Math.round((wall - whole) / 60_000),
  };
}

const asDate = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));

/** The UTC offset then, as ISO writes it: +09:00, +01:00, -04:00. */
export function utcOffset(timeZone: string, at: Date | string | number): string {
  const offset = localParts(asDate(at), timeZone).offset;
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** GMT+9, GMT-4, GMT+5:30: the offset as a clock's label, for zones with no name of their own. */
function gmtOffset(offset: number): string {
  if (offset === 0) return 'GMT';
  const abs = Math.abs(offset);
  return `GMT${offset < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** KST, GMT or BST (by the season then), UTC; null for any other zone. */
export function zoneAbbreviation(timeZone: string, at: Date | string | number): 'KST' | 'GMT' | 'BST' | 'UTC' | null {
  if (KR_ZONES.has(timeZone)) return 'KST';
  if (UK_ZONES.has(timeZone)) return localParts(asDate(at), timeZone).offset === 0 ? 'GMT' : 'BST';
  if (UTC_ZONES.has(timeZone)) return 'UTC';
  return null;
}

/** The city a zone is named after, in the reader's language: London, 서울, Paris, 파리. */
export function zoneCity(timeZone: string, language: ZoneLanguage): string {
  const known = CITIES[timeZone];
  if (known) return known[language];
  if (UTC_ZONES.has(timeZone)) return 'UTC';
  const english = (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
  if (language === 'en') return english;
  // A zone not listed: the runtime's Korean name for its place (e.g. 파푸아뉴기니), else the English one.
  const generic = genericKoreanName(timeZone);
  return generic ? generic.replace(/\s*시간$/, '') : english;
}

function genericKoreanName(timeZone: string): string | null {
  try {
    const name = new Intl.DateTimeFormat('ko', { timeZone, timeZoneName: 'shortGeneric' })
      .formatToParts(new Date(0))
      .find((part) => part.type === 'timeZoneName')?.value;
    return name && !/^(GMT|UTC)/.test(name) ? name : null;
  } catch {
    return null;
  }
}

/**
 * The zone's name beside a time, as each language writes it there: KST,
 * GMT, BST and "Paris time" in English; 한국 시간, 영국 시간 and 파리 시간 in
 * Korean ("오후 11:00 (한국 시간)").
 */
export function zoneName(timeZone: string, at: Date | string | number, language: ZoneLanguage): string {
  if (language === 'ko') {
    if (KR_ZONES.has(timeZone)) return '한국 시간';
    if (UK_ZONES.has(timeZone)) return '영국 시간';
    if (UTC_ZONES.has(timeZone)) return 'UTC';
    return `${zoneCity(timeZone, 'ko')} 시간`;
  }
  return zoneAbbreviation(timeZone, at) ?? `${zoneCity(timeZone, 'en')} time`;
}

/**
 * The zone's full name, where it stands on its own (beside a clock): Korea
 * Standard Time (KST), British Summer Time (BST); 한국 표준시 (KST), 영국
 * 서머타임 (BST), 영국 표준시 (GMT); Paris time (GMT+2), 파리 시간 (GMT+2).
 */
export function zoneFullName(timeZone: string, at: Date | string | number, language: ZoneLanguage): string {
  const abbreviation = zoneAbbreviation(timeZone, at);
  const names: Record<string, Record<ZoneLanguage, string>> = {
    KST: { en: 'Korea Standard Time', ko: '한국 표준시' },
    GMT: { en: 'Greenwich Mean Time', ko: '영국 표준시' },
    BST: { en: 'British Summer Time', ko: '영국 서머타임' },
    UTC: { en: 'Coordinated Universal Time', ko: '협정 세계시' },
  };
  if (abbreviation) return `${names[abbreviation][language]} (${abbreviation})`;
  return `${zoneName(timeZone, at, language)} (${gmtOffset(localParts(asDate(at), timeZone).offset)})`;
}

/** A zone as a picker lists it: London (GMT/BST), 서울 (KST), Paris (GMT+1). */
export function zoneChoiceLabel(timeZone: string, language: ZoneLanguage, at: Date | string | number = new Date()): string {
  const city = zoneCity(timeZone, language);
  if (UK_ZONES.has(timeZone)) return `${city} (GMT/BST)`;
  if (KR_ZONES.has(timeZone)) return `${city} (KST)`;
  if (UTC_ZONES.has(timeZone)) return city;
  return `${city} (${gmtOffset(localParts(asDate(at), timeZone).offset)})`;
}

/**
 * The zones a picker offers, labelled in the reader's language: the two
 * countries' first (the reader's own country first), then every listed city
 * and any of `include` (the one chosen, the browser's), by name.
 */
export function zoneChoices(language: ZoneLanguage, include: readonly string[] = [], at: Date | string | number = new Date()): Array<{ value: string; label: string }> {
  const first = language === 'ko' ? [KR_ZONE, UK_ZONE] : [UK_ZONE, KR_ZONE];
  // Europe/Kiev is Kyiv's former name: listed only when it is the one chosen.
  const listed = Object.keys(CITIES).filter((zone) => zone !== 'Europe/Kiev');
  const others = [...new Set([...listed, ...include])].filter((zone) => !first.includes(zone));
  const label = (zone: string) => zoneChoiceLabel(zone, language, at);
  const sorted = others.map((zone) => ({ value: zone, label: label(zone) })).sort((a, b) => a.label.localeCompare(b.label, language));
  return [...first.map((zone) => ({ value: zone, label: label(zone) })), ...sorted];
}

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KO_DAYS = ['일', '월', '화', '수', '목', '금', '토'];

export interface InstantStyle {
  /** Sunday 29 March 2026 rather than Sun 29 Mar 2026 (English only: Korean writes one way). */
  long?: boolean;
  /** Name the zone after the time (the default). */
  zone?: boolean;
}

/** The clock's reading: 23:00 in English, 오후 11:00 in Korean (오전 12:00 at midnight, 오후 12:00 at noon). */
export function formatClock(at: Date | string | number, timeZone: string, language: ZoneLanguage): string {
  const p = localParts(asDate(at), timeZone);
  const minute = String(p.minute).padStart(2, '0');
  if (language === 'ko') return `${p.hour < 12 ? '오전' : '오후'} ${p.hour % 12 || 12}:${minute}`;
  return `${String(p.hour).padStart(2, '0')}:${minute}`;
}

/** The day there: Sun 29 Mar 2026 (or Sunday 29 March 2026); 2026년 3월 29일 (일). */
export function formatDay(at: Date | string | number, timeZone: string, language: ZoneLanguage, { long = false, year = true }: { long?: boolean; year?: boolean } = {}): string {
  const p = localParts(asDate(at), timeZone);
  if (language === 'ko') return `${year ? `${p.year}년 ` : ''}${p.month}월 ${p.day}일 (${KO_DAYS[p.weekday]})`;
  const day = long ? EN_DAYS[p.weekday] : EN_DAYS[p.weekday].slice(0, 3);
  const month = long ? EN_MONTHS[p.month - 1] : EN_MONTHS[p.month - 1].slice(0, 3);
  return `${day} ${p.day} ${month}${year ? ` ${p.year}` : ''}`;
}

/**
 * An instant as a reader of the language writes it, in the zone given and
 * naming it: "Sun 29 Mar 2026, 23:00 BST"; "2026년 3월 29일 (일) 오후 11:00
 * (한국 시간)".
 */
export function formatInstant(at: Date | string | number, timeZone: string, language: ZoneLanguage, { long = false, zone = true }: InstantStyle = {}): string {
  const day = formatDay(at, timeZone, language, { long });
  const clock = formatClock(at, timeZone, language);
  if (language === 'ko') return `${day} ${clock}${zone ? ` (${zoneName(timeZone, at, 'ko')})` : ''}`;
  return `${day}, ${clock}${zone ? ` ${zoneName(timeZone, at, 'en')}` : ''}`;
}

/**
 * From one instant to another, the day written once when both fall on the
 * same day there: "Thu 3 Jun 2027, 10:00–12:00 BST"; "2027년 6월 3일 (목)
 * 오후 6:00~8:00 (한국 시간)". Over several days, both in full.
 */
export function formatSpan(from: Date | string | number, to: Date | string | number, timeZone: string, language: ZoneLanguage, style: InstantStyle = {}): string {
  const sameDay = formatDay(from, timeZone, language) === formatDay(to, timeZone, language);
  const sameName = zoneName(timeZone, from, language) === zoneName(timeZone, to, language);
  if (!sameDay || !sameName) return `${formatInstant(from, timeZone, language, style)} – ${formatInstant(to, timeZone, language, style)}`;
  const start = formatInstant(from, timeZone, language, { ...style, zone: false });
  const end = formatClock(to, timeZone, language);
  const zone = style.zone === false ? '' : zoneName(timeZone, to, language);
  if (language === 'ko') {
    // 오후 6:00~8:00: the period is said once when both are in it.
    const period = formatClock(from, timeZone, language).slice(0, 2);
    return `${start}~${end.startsWith(period) ? end.slice(3) : end}${zone ? ` (${zone})` : ''}`;
  }
  return `${start}–${end}${zone ? ` ${zone}` : ''}`;
}

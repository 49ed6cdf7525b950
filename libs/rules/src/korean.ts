import { josa as hangulJosa } from 'es-hangul';

/** The particles es-hangul knows, each written as Korean grammars list it. */
export type Particle = Parameters<typeof hangulJosa.pick>[1];

/**
 * Korean particles (조사) chosen by the sound the word before them ends in,
 * as a Korean writer would: 부산과, 리버풀이, 실증으로, 서울로. Hangul words
 * go to es-hangul; numbers are read as Korean numbers (1 일 → 1이, 2 이 →
 * 2가), Latin words by how their last letter is said (CCTV 브이 → CCTV가,
 * Liverpool → Liverpool이). Closing quotes and brackets are looked through.
 *
 * This gives the particle alone: `particleOf('부산', '와/과')` is '과'.
 */
export function particleOf(word: string, particle: Particle): string {
  // Each pair is written as Korean grammars list it: the form after a consonant first, except 와/과.
  const [first, second] = particle.split('/') as [string, string];
  const [withBatchim, without] = particle === '와/과' ? [second, first] : [first, second];
  const last = lastSound(word);
  if (last === 'hangul') return hangulJosa.pick(stripTrailing(word), particle);
  if (last === 'none') return without;
  if (last === 'rieul') return particle.startsWith('으로') ? without : withBatchim;
  return withBatchim;
}

/** The word followed by its particle: `withParticle('부산', '와/과')` is '부산과'. */
export function withParticle(word: string, particle: Particle): string {
  return `${word}${particleOf(word, particle)}`;
}

/** Fills `{name|이/가}`-style slots in a Korean sentence: the value, then the particle that fits it. */
export function fillKorean(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:\|([^}]+))?\}/g, (_, name: string, particle?: string) => {
    const value = String(values[name] ?? '');
    return particle ? withParticle(value, particle as Particle) : value;
  });
}

type Sound = 'hangul' | 'none' | 'rieul' | 'consonant';

const TRAILING = /[\s"'“”‘’»)\]}」』〉》.,!?·…]+$/u;

function stripTrailing(word: string): string {
  return word.replace(TRAILING, '');
}

/** Korean readings of digits: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구. */
const DIGIT_SOUND: Record<string, Sound> = {
  '0': 'consonant', '1': 'rieul', '2': 'none', '3': 'consonant', '4': 'none',
  '5': 'none', '6': 'consonant', '7': 'rieul', '8': 'rieul', '9': 'none',
};

/** Latin letters as Koreans name them: L 엘, M 엠, N 엔, R 알 end in a consonant; the rest in a vowel. */
const LETTER_SOUND: Record<string, Sound> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' };

function lastSound(word: string): Sound {
  const text = stripTrailing(word);
  const char = text.slice(-1);
  if (!char) return 'none';
  if (/[가-힣]/.test(char)) return 'hangul';
  if (/\d/.test(char)) return numberSound(text);
  if (/[a-zA-Z]/.test(char)) return latinSound(text);
  return 'none'; // 퍼센트 (%), and anything else is read with a vowel
}

/** 10 십, 100 백, 1000 천, 10000 만: a round number is read by its largest unit. */
function numberSound(text: string): Sound {
  const digits = (text.match(/[\d,]+$/)?.[0] ?? '').replace(/,/g, '');
  const zeros = digits.match(/0+$/)?.[0].length ?? 0;
  // 십, 백, 천, 만, 억 all end in a consonant other than ㄹ.
  if (zeros > 0 && digits !== '0') return 'consonant';
  return DIGIT_SOUND[digits.slice(-1)] ?? 'none';
}

/**
 * A whole word in capitals is an acronym, read letter by letter. Otherwise
 * its ending as Korean writes the word: a final l is ㄹ (리버풀), m, n and ng
 * close the syllable (버밍엄, 울산), and other final consonants take a vowel
 * (벨파스트, 카디프).
 */
function latinSound(text: string): Sound {
  const word = text.match(/[a-zA-Z]+$/)?.[0] ?? '';
  if (word.length > 1 && word === word.toUpperCase()) return LETTER_SOUND[word.slice(-1).toLowerCase()] ?? 'none';
  const lower = word.toLowerCase();
  if (/l$/.test(lower)) return 'rieul';
  if (/(m|n|ng)$/.test(lower)) return 'consonant';
  return 'none';
}

/**
 * A count in Korean units, as a Korean reader says large numbers: 3,412,345
 * is "341만", 340,000,000 is "3억 4,000만", 5,200 stays "5,200". `exact`
 * keeps the part under 만 (12,345 → "1만 2,345").
 */
export function koreanNumber(value: number, { exact = false }: { exact?: boolean } = {}): string {
  const sign = value < 0 ? '-' : '';
  let n = Math.round(Math.abs(value));
  if (n < 10_000) return `${sign}${group(n)}`;
  if (!exact) {
    // Rounded to 만, as 341만 or 3억 4,123만.
    n = Math.round(n / 10_000) * 10_000;
  }
  const eok = Math.floor(n / 100_000_000);
  const man = Math.floor((n % 100_000_000) / 10_000);
  const rest = n % 10_000;
  const parts = [eok ? `${group(eok)}억` : '', man ? `${group(man)}만` : '', rest ? group(rest) : ''].filter(Boolean);
  return `${sign}${parts.join(' ')}`;
}

function group(n: number): string {
  return n.toLocaleString('en-US');
}

/** Words that scale a Korean unit ("백만 명" is millions of people), largest first so 천만 is read before 만. */
const SCALE_WORDS: [string, number][] = [['천만', 10_000_000], ['백만', 1_000_000], ['십만', 100_000], ['억', 100_000_000], ['만', 10_000], ['천', 1_000]];

/**
 * A figure with its unit as a reader of the language writes it: "3.4 million",
 * "12%", and in Korean large counts in 만 and 억: a figure kept in millions
 * (unit "백만 명") reads "340만 명", never "3.4 백만 명".
 */
export function quantityText(value: number, unit: string | null | undefined, language: 'en' | 'ko'): string {
  if (language === 'ko' && unit) {
    const scale = SCALE_WORDS.find(([word]) => unit.startsWith(`${word} `));
    if (scale) return `${koreanNumber(value * scale[1])} ${unit.slice(scale[0].length + 1)}`;
  }
  const number = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 3 }).format(value);
  if (!unit) return number;
  return unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
}

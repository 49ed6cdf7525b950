import { useMessages } from '../i18n';
import { common } from '../i18n/common';
import { pickText } from '../i18n/format';

/** Bilingual text in the reader's language, or the other one marked with its language when only that exists. */
export function LocalText({ value, as: Tag = 'span', className }: { value: { en?: string | null; ko?: string | null } | null | undefined; as?: 'span' | 'p' | 'h1' | 'h2' | 'h3'; className?: string }) {
  const { language } = useMessages(common);
  const picked = pickText(value, language);
  return (
    <Tag className={className} lang={picked.lang !== language ? picked.lang : undefined}>
      {picked.text}
    </Tag>
  );
}

/** Text cut where its script changes: each run Korean from its first Hangul letter, English from its first Latin one. */
export function scriptRuns(text: string): Array<{ lang: 'en' | 'ko'; text: string }> {
  const runs: Array<{ lang: 'en' | 'ko'; text: string }> = [];
  let start = 0;
  let lang: 'en' | 'ko' | null = null;
  for (const letter of text.matchAll(/[가-힣]|[A-Za-z]/g)) {
    const next = /[가-힣]/.test(letter[0]) ? 'ko' : 'en';
    if (lang !== null && next !== lang) {
      runs.push({ lang, text: text.slice(start, letter.index) });
      start = letter.index;
    }
    lang = next;
  }
  runs.push({ lang: lang ?? 'en', text: text.slice(start) });
  return runs;
}

/**
 * What a person typed, in whichever language they typed it: marked Korean
 * where it is written in Hangul, English otherwise, so a reader's tools (and
 * screen readers) say it in its own language. Text written in both ("Gladly.
 * · 기꺼이 수락합니다.") has each part marked with its own.
 */
export function TypedText({ text }: { text: string }) {
  const runs = scriptRuns(text);
  if (runs.length === 1) return <span lang={runs[0].lang}>{text}</span>;
  return (
    <span>
      {runs.map((run, index) => (
        <span key={index} lang={run.lang}>
          {run.text}
        </span>
      ))}
    </span>
  );
}

/**
 * A sentence of the page that quotes words of the other language (a search
 * hint's example, the words a person searched for): each run of Hangul on an
 * English page is marked Korean, so it is read, and checked, as Korean.
 */
export function MixedText({ text }: { text: string }) {
  const { language } = useMessages(common);
  const runs = scriptRuns(text);
  if (language !== 'en' || runs.every((run) => run.lang === 'en')) return <>{text}</>;
  return (
    <>
      {runs.map((run, index) =>
        run.lang === 'ko' ? (
          <span key={index} lang="ko">
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

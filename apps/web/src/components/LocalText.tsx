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

/**
 * What a person typed, in whichever language they typed it: marked Korean
 * when it is written in Hangul, English otherwise, so a reader's tools (and
 * screen readers) say it in its own language.
 */
export function TypedText({ text }: { text: string }) {
  return <span lang={/[가-힣]/.test(text) ? 'ko' : 'en'}>{text}</span>;
}

/**
 * A sentence of the page that quotes words of the other language (a search
 * hint's example, the words a person searched for): each run of Hangul on an
 * English page is marked Korean, so it is read, and checked, as Korean.
 */
export function MixedText({ text }: { text: string }) {
  const { language } = useMessages(common);
  if (language !== 'en' || !/[가-힣]/.test(text)) return <>{text}</>;
  return (
    <>
      {text.split(/([가-힣]+(?:\s+[가-힣]+)*)/).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} lang="ko">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

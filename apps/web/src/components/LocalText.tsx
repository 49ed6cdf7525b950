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

import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A status in a small badge. `kind` is the family of colours its feature's
 * stylesheet gives (`.kind--draft`, `.kind--published`, …), so one status
 * word reads alike in every list and page that shows it.
 */
export function StatusBadge({ status, kind, children, ...rest }: { status: string; kind: string; children: ReactNode } & HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className={`badge ${kind} ${kind}--${status.toLowerCase()}`} {...rest}>
      {children}
    </span>
  );
}

/** A city (or a country) marked with its side's colour: the UK's or Korea's. */
export function SideBadge({ countryCode, children }: { countryCode: string; children: ReactNode }) {
  return <span className={`badge badge--${countryCode === 'KR' ? 'kr' : 'uk'}`}>{children}</span>;
}

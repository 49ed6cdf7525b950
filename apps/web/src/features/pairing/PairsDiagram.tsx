import { useId } from 'react';
import { useMessages, type Language } from '../../i18n';
import { pairingMessages } from './messages';
import { cityName, type CityNames } from '../../i18n/cities';
import { useElementWidth } from './useElementWidth';

export interface DiagramCity extends CityNames {
  id: string;
  countryCode: string;
}

export interface DiagramTwinning {
  id: string;
  status: string;
  leftId: string;
  rightId: string;
}

export interface DiagramLink {
  id: string;
  leftId: string;
  rightId: string;
  formality: number;
}

const FONT = 14;
const LINE = 17;
const PAD = 10;
const HEADER = 30;

/** A rough width of text in pixels: Hangul and other wide letters take about a full em. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? size : ch === ' ' ? size * 0.3 : size * 0.56;
  return w;
}

/** Pieces a label may break between: after spaces and slashes, and anywhere inside a piece too long for a line. */
function pieces(text: string, max: number, size: number): string[] {
  const out: string[] = [];
  for (const piece of text.match(/[^\s/]+\/?\s*|\/\s*|\s+/g) ?? [text]) {
    if (textWidth(piece.trim(), size) <= max) {
      out.push(piece);
      continue;
    }
    let part = '';
    for (const ch of piece) {
      if (part && textWidth(part + ch, size) > max) {
        out.push(part);
        part = '';
      }
      part += ch;
    }
    if (part) out.push(part);
  }
  return out;
}

/** Splits a label into at most two lines that fit `max` pixels (a longer second line is cut with an ellipsis). */
function wrap(text: string, max: number, size: number): string[] {
  if (textWidth(text, size) <= max) return [text];
  const parts = pieces(text, max, size);
  let first = '';
  let i = 0;
  while (i < parts.length && (!first || textWidth((first + parts[i]).trim(), size) <= max)) {
    first += parts[i];
    i += 1;
  }
  const rest = parts.slice(i).join('').trim();
  if (!rest) return [first.trim()];
  let second = rest;
  while (second.length > 1 && textWidth(`${second}…`, size) > max) second = second.slice(0, -1);
  return [first.trim(), second === rest ? rest : `${second.trimEnd()}…`];
}

type NamedCity = DiagramCity & { name: string };

interface Row {
  city: NamedCity;
  lines: string[];
  y: number;
  height: number;
  linked: boolean;
}

function layout(cities: NamedCity[], labelWidth: number, linked: Set<string>, header: number): { rows: Row[]; height: number } {
  let y = header + PAD;
  const rows = cities.map((city) => {
    const lines = wrap(city.name, labelWidth, FONT);
    const height = lines.length * LINE + 12;
    const row = { city, lines, y: y + height / 2, height, linked: linked.has(city.id) };
    y += height;
    return row;
  });
  return { rows, height: y + PAD };
}

/**
 * Two columns of cities, one per country, with a line for each twinning:
 * solid while active, dashed while dormant; optionally the known links
 * between them, dotted. Drawn at the container's real width so the labels
 * keep their size on a phone. The table beside it is its text alternative.
 */
export function PairsDiagram({
  left,
  right,
  leftCountry,
  rightCountry,
  twinnings,
  links,
}: {
  left: Array<DiagramCity & { name: string }>;
  right: Array<DiagramCity & { name: string }>;
  leftCountry: string;
  rightCountry: string;
  twinnings: DiagramTwinning[];
  links: DiagramLink[];
}) {
  const { t } = useMessages(pairingMessages);
  const id = useId();
  const [measured, ref] = useElementWidth(640);
  const width = Math.max(300, Math.min(760, measured));
  const gap = Math.max(64, Math.round(width * 0.24));
  const labelWidth = Math.floor((width - gap) / 2) - 14;
  const xLeft = labelWidth + 12;
  const xRight = width - labelWidth - 12;

  // A country's name heads its column, wrapped to fit on a phone ("REPUBLIC OF / KOREA"): capitals and their spacing are wider.
  const headingLines = (name: string) => wrap(name.toLocaleUpperCase(), (labelWidth + 12) / 1.3, FONT);
  const headings = [headingLines(leftCountry), headingLines(rightCountry)];
  const header = HEADER + (Math.max(...headings.map((lines) => lines.length)) - 1) * LINE;

  const twinned = new Set(twinnings.flatMap((tw) => [tw.leftId, tw.rightId]));
  const linked = new Set([...twinned, ...links.flatMap((l) => [l.leftId, l.rightId])]);
  const leftLayout = layout(left, labelWidth, linked, header);
  const rightLayout = layout(right, labelWidth, linked, header);
  const height = Math.max(leftLayout.height, rightLayout.height);
  // The shorter column is centred against the taller one (below the headings).
  const shift = (h: number) => (height - h) / 2;
  const yOf = new Map<string, number>([
    ...leftLayout.rows.map((r) => [r.city.id, r.y + shift(leftLayout.height)] as const),
    ...rightLayout.rows.map((r) => [r.city.id, r.y + shift(rightLayout.height)] as const),
  ]);
  const curve = (a: number, b: number) => {
    const mid = (xLeft + xRight) / 2;
    return `M ${xLeft} ${a} C ${mid} ${a}, ${mid} ${b}, ${xRight} ${b}`;
  };
  const nameOf = new Map([...left, ...right].map((c) => [c.id, c.name]));

  return (
    <figure className="pairs-diagram" ref={ref}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="pairs-diagram__svg"
      >
        <title id={`${id}-title`}>{t('pairs.diagramTitle', { left: leftCountry, right: rightCountry })}</title>
        <desc id={`${id}-desc`}>
          {t('pairs.diagramDesc', { left: leftCountry, right: rightCountry })}
          {links.length > 0 && ` ${t('pairs.diagramDescLinks')}`}
        </desc>
        <g aria-hidden="true">
          {(['a', 'b'] as const).map((side, i) => (
            <text key={side} x={side === 'a' ? xLeft + 6 : xRight - 6} y={PAD + 12} textAnchor={side === 'a' ? 'end' : 'start'} fontSize={FONT} className={`pairs-diagram__country pairs-diagram__country--${side}`}>
              {headings[i].map((line, n) => (
                <tspan key={n} x={side === 'a' ? xLeft + 6 : xRight - 6} dy={n === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
          {links.map((link) => {
            const a = yOf.get(link.leftId);
            const b = yOf.get(link.rightId);
            if (a === undefined || b === undefined) return null;
            return (
              <path key={link.id} d={curve(a, b)} className="pairs-diagram__link">
                <title>{t('pairs.linkTitle', { a: nameOf.get(link.leftId), b: nameOf.get(link.rightId), formality: link.formality })}</title>
              </path>
            );
          })}
          {twinnings.map((tw) => {
            const a = yOf.get(tw.leftId);
            const b = yOf.get(tw.rightId);
            if (a === undefined || b === undefined) return null;
            return (
              <path
                key={tw.id}
                d={curve(a, b)}
                className={`pairs-diagram__twin pairs-diagram__twin--${tw.status.toLowerCase()}`}
                data-twinning-id={tw.id}
              >
                <title>{t('pairs.pairName', { a: nameOf.get(tw.leftId), b: nameOf.get(tw.rightId) })}</title>
              </path>
            );
          })}
          {leftLayout.rows.map((row) => (
            <CityLabel key={row.city.id} row={row} x={xLeft} dy={shift(leftLayout.height)} side="left" twinned={twinned.has(row.city.id)} />
          ))}
          {rightLayout.rows.map((row) => (
            <CityLabel key={row.city.id} row={row} x={xRight} dy={shift(rightLayout.height)} side="right" twinned={twinned.has(row.city.id)} />
          ))}
        </g>
      </svg>
      <figcaption className="pairs-diagram__legend">
        <span className="pairs-diagram__key">
          <svg aria-hidden="true" width="36" height="10"><line x1="2" y1="5" x2="34" y2="5" className="pairs-diagram__twin pairs-diagram__twin--active" /></svg>
          {t('pairs.legend.active')}
        </span>
        <span className="pairs-diagram__key">
          <svg aria-hidden="true" width="36" height="10"><line x1="2" y1="5" x2="34" y2="5" className="pairs-diagram__twin pairs-diagram__twin--dormant" /></svg>
          {t('pairs.legend.dormant')}
        </span>
        {links.length > 0 && (
          <span className="pairs-diagram__key">
            <svg aria-hidden="true" width="36" height="10"><line x1="2" y1="5" x2="34" y2="5" className="pairs-diagram__link" /></svg>
            {t('pairs.legend.link')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function CityLabel({ row, x, dy, side, twinned }: { row: Row; x: number; dy: number; side: 'left' | 'right'; twinned: boolean }) {
  const y = row.y + dy;
  const tx = side === 'left' ? x - 10 : x + 10;
  const firstBaseline = y - ((row.lines.length - 1) * LINE) / 2 + FONT * 0.35;
  return (
    <g className={`pairs-diagram__city${twinned ? ' is-twinned' : row.linked ? ' is-linked' : ''}`} data-city-id={row.city.id}>
      <circle cx={x} cy={y} r={twinned ? 6 : 4} className={`pairs-diagram__node pairs-diagram__node--${side === 'left' ? 'a' : 'b'}`} />
      <text x={tx} y={firstBaseline} textAnchor={side === 'left' ? 'end' : 'start'} fontSize={FONT}>
        {row.lines.map((line, i) => (
          <tspan key={i} x={tx} dy={i === 0 ? 0 : LINE}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The cities of one country, named and sorted for the reader. */
export function namedCities<T extends DiagramCity>(cities: T[], language: Language): Array<T & { name: string }> {
  return cities
    .map((c) => ({ ...c, name: cityName(c, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language === 'ko' ? 'ko' : 'en'));
}

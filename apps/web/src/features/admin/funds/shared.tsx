import { useOutletContext } from 'react-router';
import type { CombinedError } from 'urql';
import { ExplainedError } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Time } from '../../../components/Time';
import type { AdminFundQuery } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { zoneChoiceLabel } from '@app/rules';
import { KR_ZONE, UK_ZONE } from '../../../i18n/format';
import { adminFundMessages } from './messages';
import './funds.css';

/** How many rows a page of a console list holds. */
export const PAGE = 20;

export type AdminFundView = AdminFundQuery['fund'];

/** The fund the page belongs to, handed down by FundLayout. */
export function useFund(): AdminFundView {
  return useOutletContext<{ fund: AdminFundView }>().fund;
}

/** The currency a contributing country pays in: the fund lists its currencies in its countries' order. */
export function currencyOf(fund: Pick<AdminFundView, 'countryCodes' | 'currencies'>, countryCode: string): string {
  return fund.currencies[fund.countryCodes.indexOf(countryCode)] ?? '';
}

/** A country's name, or its code when the console knows no name for it. */
export function useCountryName(): (code: string) => string {
  const { t } = useMessages(adminFundMessages);
  return (code) => (code === 'GB' || code === 'KR' ? t(`countries.${code}`) : code);
}

const REASONS = ['INSUFFICIENT_FUNDS', 'CURRENCY_NOT_HELD', 'CALL_OPEN', 'ALREADY_MEMBER', 'ALREADY_ENDED', 'DECIDED'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason => REASONS.includes(value as Reason);

/** An API error; the fund's own refusals (a CONFLICT with a known reason) explained in the reader's language. */
export function FundsError({ error, onRetry }: { error?: CombinedError | null; onRetry?: () => void }) {
  const { t } = useMessages(adminFundMessages);
  return <ExplainedError error={error} onRetry={onRetry} explain={(reason) => (isReason(reason) ? t(`reasons.${reason}`) : null)} />;
}

/** The two countries' zones: times where the two sides meet are typed in one and shown in both. */
export const ZONES = [UK_ZONE, KR_ZONE] as const;

/** Which of the two countries' zones the typed times are in. */
export function ZoneChoice({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (zone: string) => void }) {
  const { language } = useMessages(adminFundMessages);
  return (
    <Field
      label={label}
      hint={hint}
      render={(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {ZONES.map((zone) => (
            <option key={zone} value={zone}>
              {zoneChoiceLabel(zone, language)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Instants being typed, as both countries' clocks will read them. */
export function BothZonesPreview({ label, times }: { label: string; times: Array<{ label: string; value: string | null }> }) {
  const shown = times.filter((time): time is { label: string; value: string } => !!time.value);
  if (!shown.length) return null;
  return (
    <div className="field__hint admin-funds__zones" aria-live="polite">
      <p>{label}</p>
      <ul>
        {shown.map((time) => (
          <li key={time.label}>
            {time.label}: <Time value={time.value} also={[...ZONES]} />
          </li>
        ))}
      </ul>
    </div>
  );
}

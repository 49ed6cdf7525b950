import { Field } from './Field';
import { browserZone, zoneOptions } from '../i18n/format';
import type { Language } from '../i18n';

/** A time-zone choice: the zones people here pick, plus `value`, `also` and the browser's own. */
export function ZoneField({ label, language, value, also = [], onChange }: { label: string; language: Language; value: string; also?: Array<string | null | undefined>; onChange: (zone: string) => void }) {
  const zones = zoneOptions(language, [value, ...also, browserZone()]);
  return (
    <Field
      label={label}
      render={(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

import { LocalText, TypedText } from '../../components/LocalText';
import { CalendarDate, Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { cityName } from '../../i18n/cities';
import { fundingMessages } from './messages';
import { formatMinor, moneyText } from '../../i18n/money';
import { type Application, type Side } from './documents';

/** A submitted application (or a draft for someone who is not a lead), as text and tables. */
export function ApplicationReadOnly({ application, sides }: { application: Pick<Application, 'submittedAt' | 'requested' | 'summary' | 'routeToBusinessAsUsual' | 'budgetLines' | 'milestones'>; sides: Side[] }) {
  const { t, language } = useMessages(fundingMessages);
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{t('application.form.title')}</h2>
      <dl className="meta">
        {application.submittedAt && (
          <>
            <dt>{t('application.submittedAt')}</dt>
            <dd>
              <Time value={application.submittedAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
          </>
        )}
        <dt>{t('application.requested')}</dt>
        <dd>{moneyText(application.requested, language) || '—'}</dd>
      </dl>
      <h3>{t('application.form.summary')}</h3>
      <LocalText value={application.summary} as="p" />
      {(application.routeToBusinessAsUsual.en || application.routeToBusinessAsUsual.ko) && (
        <>
          <h3>{t('application.form.route')}</h3>
          <LocalText value={application.routeToBusinessAsUsual} as="p" />
        </>
      )}
      <h3>{t('application.form.budget')}</h3>
      {sides.map((side) => {
        const lines = application.budgetLines.filter((l) => l.countryCode === side.countryCode);
        const total = lines.reduce((sum, l) => sum + BigInt(l.amountMinor), 0n);
        const city = cityName(side.city, language);
        return (
          <div key={side.countryCode} className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('application.form.side', { city, currency: side.currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('application.form.category')}</th>
                  <th scope="col">{t('application.form.description')}</th>
                  <th scope="col">{t('application.form.amount', { currency: side.currency })}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <td>{t(`category.${line.category}`)}</td>
                    <td>
                      <TypedText text={line.description} />
                    </td>
                    <td className="nowrap">{language === 'ko' ? line.amount.ko : line.amount.en}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('application.form.total', { city, amount: '' })}
                  </th>
                  <td className="nowrap">
                    <strong>{formatMinor(total, side.currency, language)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
      {application.milestones.length > 0 && (
        <>
          <h3>{t('application.form.milestones')}</h3>
          <ul className="list">
            {application.milestones.map((m, i) => (
              <li key={i}>
                <LocalText value={m.title} /> · <CalendarDate value={m.dueDate} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Share of voice of a unit over a period (/competitors/share-of-voice?unit=&from=&to=). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/index.ts';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { platformLabel } from '../../components/labels.ts';
import { unitOptions } from '../../components/units.ts';
import { onSubmit, useLoad, usePageTitle } from '../../hooks.ts';
import { competitorApi } from './api.ts';
import { kindLabel } from './labels.ts';

function lastFullMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export default function ShareOfVoicePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('competitors.sovTitle'));
  const [params, setParams] = useSearchParams();
  const units = useLoad(() => api.units.list(false), []);
  const fallback = lastFullMonth();
  const unit = params.get('unit') ?? '';
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const [form, setForm] = useState({ unit, from, to });
  const chosenUnit = unit || units.data?.[0]?.slug || '';
  const sov = useLoad(async () => (chosenUnit ? competitorApi.shareOfVoice({ unit: chosenUnit, from, to }) : null), [chosenUnit, from, to]);
  const numbers = new Intl.NumberFormat(i18n.language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
  const show = (v: number | null) => (v === null ? t('competitors.notDocumented') : numbers.format(v));

  return (
    <>
      <p>
        <Link to="/competitors">{t('competitors.back')}</Link>
      </p>
      <h1>{t('competitors.sovTitle')}</h1>
      <p className="subtitle">{t('competitors.sovIntro')}</p>
      <form className="filters card" onSubmit={onSubmit(() => setParams({ unit: form.unit || chosenUnit, from: form.from, to: form.to }, { replace: true }))}>
        <SelectField
          label={t('competitors.unit')}
          value={form.unit || chosenUnit}
          onChange={(e) => setForm((f) => ({ ...f, unit: e.target.value }))}
          options={unitOptions(units.data ?? [], { bySlug: true })}
        />
        <TextField label={t('competitors.from')} type="date" value={form.from} onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))} />
        <TextField label={t('competitors.to')} type="date" value={form.to} onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))} />
        <div className="field">
          <SubmitButton busy={sov.loading}>{t('competitors.show')}</SubmitButton>
        </div>
      </form>
      <Loaded data={sov.data} error={sov.error}>
        {(result) =>
          result === null ? null : (
            <section className="card" aria-labelledby="sov-result">
              <h2 id="sov-result">
                {t('competitors.share')}: <span data-testid="share-of-voice">{result.share === null ? '–' : `${numbers.format(result.share)} %`}</span>
              </h2>
              {result.share === null ? <p className="alert alert-warn">{t('competitors.notMeasured')}</p> : null}
              <p className="muted">{t('competitors.sovFormula')}</p>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('competitors.share')}</caption>
                  <tbody>
                    <tr>
                      <th scope="row">
                        {t('competitors.ownMentions')} ({t('competitors.ownAccounts', { count: result.own.accounts })})
                      </th>
                      <td className="num">{show(result.own.mentions)}</td>
                    </tr>
                    {result.competitors.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`/competitors/${encodeURIComponent(c.slug)}`}>{c.name}</Link> ({platformLabel(c.platform)}, {kindLabel(t, c.kind)})
                        </th>
                        <td className="num">{show(c.mentions)}</td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t('competitors.competitorMentions')}</th>
                      <td className="num">{show(result.competitorMentions)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </section>
          )
        }
      </Loaded>
    </>
  );
}

/** One competitor: its profile, its figures with their history, entry of a figure and CSV upload. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FigureBatch, type CompetitorMetric } from '../../../../src/contract/competitors.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { platformLabel } from '../../components/labels.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { check, numberOrNull, textOrNull } from '../../validation.ts';
import { competitorApi, type CompetitorDetail, type FigureBatchResult, type FigureOut } from './api.ts';
import { kindLabel, metricLabel, metricOptions } from './labels.ts';

export default function CompetitorPage() {
  const { competitor = '' } = useParams();
  const entry = useLoad(() => competitorApi.get(competitor), [competitor]);
  const figures = useLoad(() => competitorApi.figures(competitor), [competitor]);
  return (
    <Loaded data={entry.data} error={entry.error}>
      {(c) => <CompetitorView entry={c} figures={figures.data} figuresError={figures.error} onChanged={() => (figures.reload(), entry.reload())} />}
    </Loaded>
  );
}

function CompetitorView({ entry: c, figures, figuresError, onChanged }: { entry: CompetitorDetail; figures: FigureOut[] | undefined; figuresError: unknown; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  usePageTitle(c.name);
  const archive = useAction();
  const numbers = new Intl.NumberFormat(i18n.language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 2 });
  const when = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'nb' ? 'nb-NO' : 'en-GB');
  const toggleArchived = async () => {
    const done = await archive.run(() => competitorApi.update(c.id, { archived: !c.archived }));
    if (done) onChanged();
  };
  return (
    <>
      <p>
        <Link to="/competitors">{t('competitors.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{c.name}</h1>
          <p className="subtitle">
            {platformLabel(c.platform)}
            {c.handle ? ` · ${c.handle}` : ''} · {kindLabel(t, c.kind)} · {c.unit.name}
            {c.url ? (
              <>
                {' · '}
                <a href={c.url} rel="noreferrer noopener" target="_blank">
                  {c.url}
                </a>
              </>
            ) : null}
          </p>
        </div>
        {c.canEdit ? (
          <div className="actions">
            <Link to={`/competitors/${encodeURIComponent(c.slug)}/edit`} className="button">
              {t('competitors.edit')}
            </Link>
            <button type="button" className="button subtle" onClick={() => void toggleArchived()} disabled={archive.busy}>
              {c.archived ? t('competitors.restore') : t('competitors.archive')}
            </button>
          </div>
        ) : null}
      </div>
      <ProblemAlert error={archive.error} />
      {c.archived ? <p className="alert alert-warn">{t('competitors.archivedNotice')}</p> : null}
      {c.note ? <p>{c.note}</p> : null}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('competitors.figures')}</h2>
        <p className="muted">{t('competitors.figuresIntro')}</p>
        <Loaded data={figures} error={figuresError}>
          {(list) =>
            list.length === 0 ? (
              <p className="empty">{t('competitors.noFigures')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('competitors.figures')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('competitors.date')}</th>
                      <th scope="col">{t('competitors.metric')}</th>
                      <th scope="col" className="num">
                        {t('competitors.value')}
                      </th>
                      <th scope="col">{t('competitors.figureNote')}</th>
                      <th scope="col">{t('competitors.enteredBy')}</th>
                      <th scope="col">{t('competitors.history')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((f) => (
                      <tr key={`${f.metric}|${f.period}|${f.date}`}>
                        <td>{f.period === 'month' ? `${f.date.slice(0, 7)} (${t('competitors.month')})` : f.date}</td>
                        <th scope="row">{metricLabel(t, f.metric)}</th>
                        <td className="num">{numbers.format(f.value)}</td>
                        <td>{[f.note, f.fileName].filter(Boolean).join(' · ')}</td>
                        <td>
                          {f.enteredBy?.name ?? ''} {when(f.enteredAt)}
                        </td>
                        <td>
                          {f.history.map((h) => (
                            <div key={h.replacedAt + h.enteredAt}>
                              {t('competitors.historyEntry', {
                                value: numbers.format(h.value),
                                when: when(h.enteredAt),
                                who: h.enteredBy?.name ?? '–',
                                replaced: when(h.replacedAt),
                              })}
                            </div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>

      {c.canRecord ? (
        <div className="form-grid" style={{ marginTop: '1.5rem' }}>
          <FigureForm competitor={c.id} onSaved={onChanged} />
          <CsvForm competitor={c.id} onSaved={onChanged} />
        </div>
      ) : null}
    </>
  );
}

function ResultNotice({ result }: { result: FigureBatchResult | null }) {
  const { t } = useTranslation();
  return <Notice>{result ? t('competitors.result', { added: result.added, changed: result.changed, unchanged: result.unchanged }) : null}</Notice>;
}

function FigureForm({ competitor, onSaved }: { competitor: string; onSaved(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [form, setForm] = useState({ metric: '' as CompetitorMetric | '', date: '', value: '', note: '' });
  const [result, setResult] = useState<FigureBatchResult | null>(null);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = async () => {
    setResult(null);
    const figure = { metric: form.metric as CompetitorMetric, date: form.date.trim(), value: numberOrNull(form.value) as number, note: textOrNull(form.note) };
    const batch = { figures: [figure] };
    const local = Object.fromEntries(Object.entries(check(FigureBatch.shape.figures.element, figure)));
    const done = await action.run(() => competitorApi.record(competitor, batch), local);
    if (done) {
      setResult(done);
      setForm((f) => ({ ...f, value: '', note: '' }));
      onSaved();
    }
  };
  const errors = { ...action.fieldErrors };
  for (const [k, v] of Object.entries(action.fieldErrors)) {
    const field = k.split('.').at(-1);
    if (field && k.startsWith('figures')) errors[field] ??= v;
  }
  return (
    <form className="form card" noValidate onSubmit={onSubmit(submit)} aria-labelledby="enter-figure">
      <h2 id="enter-figure">{t('competitors.enterTitle')}</h2>
      <ProblemAlert error={action.error} />
      <ResultNotice result={result} />
      <SelectField
        label={t('competitors.metric')}
        value={form.metric}
        onChange={set('metric')}
        error={errors.metric}
        options={[{ value: '', label: t('competitors.chooseMetric'), disabled: true }, ...metricOptions(t)]}
      />
      <TextField label={t('competitors.date')} hint={t('competitors.dateHint')} value={form.date} onChange={set('date')} error={errors.date} placeholder="2026-03-01" />
      <TextField label={t('competitors.value')} inputMode="decimal" value={form.value} onChange={set('value')} error={errors.value} />
      <TextField label={t('competitors.figureNote')} value={form.note} onChange={set('note')} error={errors.note} optional />
      <SubmitButton busy={action.busy}>{t('competitors.enter')}</SubmitButton>
    </form>
  );
}

function CsvForm({ competitor, onSaved }: { competitor: string; onSaved(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<FigureBatchResult | null>(null);
  const submit = async () => {
    setResult(null);
    const file = input.current?.files?.[0];
    if (!file) return;
    const done = await action.run(() => competitorApi.uploadCsv(competitor, file));
    if (done) {
      setResult(done);
      onSaved();
    }
  };
  return (
    <form className="form card" noValidate onSubmit={onSubmit(submit)} aria-labelledby="upload-csv">
      <h2 id="upload-csv">{t('competitors.csvTitle')}</h2>
      <p className="hint">{t('competitors.csvIntro')}</p>
      <pre>
        <code>{'date,metric,value,note\n2026-03-01,followers,12500,profile\n2026-02,mentions,340,Meltwater'}</code>
      </pre>
      <ProblemAlert error={action.error} />
      <ResultNotice result={result} />
      <div className="field">
        <label htmlFor="competitor-csv">{t('competitors.csvFile')}</label>
        <input id="competitor-csv" type="file" accept=".csv,text/csv" ref={input} />
      </div>
      <SubmitButton busy={action.busy}>{t('competitors.upload')}</SubmitButton>
    </form>
  );
}

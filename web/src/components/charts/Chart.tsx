/**
 * <Chart spec={…} />: a chart spec (src/charts) drawn with ECharts in the browser, with the same
 * numbers as a table (a <details>, in the locale's formats, "ikke målt" for not measured) and
 * downloads of the picture (PNG, SVG, with the title) and the data (CSV, XLSX). ECharts and the
 * download writers load on first use, in their own chunks, so no page pays for them up front.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartLocale, ChartSpec } from '../../../../src/charts/spec.ts';
import { chartOption } from '../../../../src/charts/option.ts';
import { isLanguage } from '../../i18n/index.ts';
import { downloadFormats, hasData, mimeTypes, tableView, dataUrlBytes, type DownloadFormat } from './chart-helpers.ts';

type EChartsModule = typeof import('../../../../src/charts/echarts.ts');
type Instance = ReturnType<EChartsModule['echarts']['init']>;

const loadECharts = (): Promise<EChartsModule> => import('../../../../src/charts/echarts.ts');

/** The size of downloaded pictures (independent of the screen). */
const EXPORT_SIZE = { width: 960, height: 480 };

function save(bytes: Uint8Array, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(spec: ChartSpec, locale: ChartLocale, format: DownloadFormat): Promise<void> {
  const { chartCsv, chartXlsx, chartFileName } = await import('../../../../src/charts/downloads.ts');
  const name = chartFileName(spec, format);
  if (format === 'csv') return save(chartCsv(spec, locale), mimeTypes.csv, name);
  if (format === 'xlsx') return save(chartXlsx(spec, locale), mimeTypes.xlsx, name);
  const { echarts } = await loadECharts();
  const option = chartOption(spec, locale, { title: true });
  if (format === 'svg') {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...EXPORT_SIZE });
    try {
      chart.setOption(option);
      return save(new TextEncoder().encode(chart.renderToSVGString()), mimeTypes.svg, name);
    } finally {
      chart.dispose();
    }
  }
  const host = document.createElement('div');
  const chart = echarts.init(host, null, { renderer: 'canvas', ...EXPORT_SIZE });
  try {
    chart.setOption(option);
    return save(dataUrlBytes(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })), mimeTypes.png, name);
  } finally {
    chart.dispose();
  }
}

export function Chart({ spec, height = 320 }: { spec: ChartSpec; height?: number }) {
  const { t, i18n } = useTranslation();
  const locale: ChartLocale = isLanguage(i18n.language) ? i18n.language : 'nb';
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const [busy, setBusy] = useState<DownloadFormat | null>(null);
  const [downloadError, setDownloadError] = useState(false);
  const any = hasData(spec);

  // One ECharts instance per mounted chart, resized with its box, disposed on unmount.
  useEffect(() => {
    if (!any) return;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      ({ echarts }) => {
        if (disposed || !host.current) return;
        const instance = echarts.init(host.current, null, { renderer: 'svg' });
        chart.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(host.current);
        setState('drawn');
      },
      () => !disposed && setState('failed'),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [any]);

  // The option follows the spec and the language.
  useEffect(() => {
    if (state !== 'drawn' || !chart.current) return;
    try {
      chart.current.setOption(chartOption(spec, locale, { title: false }), { notMerge: true });
    } catch {
      setState('failed');
    }
  }, [spec, locale, state]);

  const table = tableView(spec, locale);
  const onDownload = (format: DownloadFormat) => {
    setBusy(format);
    setDownloadError(false);
    download(spec, locale, format)
      .catch(() => setDownloadError(true))
      .finally(() => setBusy(null));
  };

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={spec.description ? `${id}-desc` : undefined}>
      <div className="chart-head">
        <p className="chart-title" id={`${id}-title`}>
          {spec.title}
        </p>
        {any ? (
          <div className="actions" role="group" aria-label={t('charts.downloads')}>
            {downloadFormats.map((format) => (
              <button
                key={format}
                type="button"
                className="button subtle small"
                aria-label={t('charts.download', { title: spec.title, format: t(`charts.${format}`) })}
                disabled={busy !== null}
                aria-busy={busy === format}
                onClick={() => onDownload(format)}
              >
                {t(`charts.${format}`)}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {spec.description ? (
        <p className="hint" id={`${id}-desc`}>
          {spec.description}
        </p>
      ) : null}
      {downloadError ? (
        <p className="alert alert-error" role="alert">
          {t('charts.downloadFailed')}
        </p>
      ) : null}
      {!any ? (
        <p className="muted">{t('charts.noData')}</p>
      ) : (
        <>
          {state === 'loading' ? <p className="muted">{t('charts.loading')}</p> : null}
          {state === 'failed' ? (
            <p className="alert alert-error" role="alert">
              {t('charts.failed')}
            </p>
          ) : null}
          <div
            ref={host}
            className="chart-canvas"
            role="img"
            aria-label={t('charts.label', { title: spec.title })}
            style={{ width: '100%', height, display: state === 'failed' ? 'none' : undefined }}
          />
          <details className="chart-table">
            <summary>{t('charts.showTable')}</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('charts.tableCaption', { title: spec.title })}>
              <table className="table">
                <caption className="visually-hidden">{t('charts.tableCaption', { title: spec.title })}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c, i) => (
                      <th key={i} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                        {row.header}
                      </th>
                      {row.cells.map((cell, j) => (
                        <td key={j} className="num">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

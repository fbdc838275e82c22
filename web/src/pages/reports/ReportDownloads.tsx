/**
 * The report as files, in the interface language: PDF, print-ready HTML (opens in a new tab, to
 * print from the browser), XLSX and CSV. Plain links to the API: the browser sends the session
 * cookie, and the server names the file. Each link says which report and which format.
 */
import { useTranslation } from 'react-i18next';
import { reportFileUrl, type FileFormat, type ReportScopeQuery } from '../../api/reports.ts';
import { currentLanguage } from '../../i18n/index.ts';

const formats: readonly FileFormat[] = ['pdf', 'html', 'xlsx', 'csv'];

export function ReportDownloads({ kind, scope, period, title }: { kind: 'annual' | 'monthly'; scope: ReportScopeQuery; period: string; title: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <ul className="inline-list actions" aria-label={t('reports.downloadsLabel', { title })}>
        {formats.map((format) => {
          const href = reportFileUrl(kind, scope, period, format, lang);
          const name = t(`reports.format.${format}`);
          const label = t('reports.downloadAs', { title, format: name });
          return (
            <li key={format}>
              {format === 'html' ? (
                <a className="button" href={href} target="_blank" rel="noopener" aria-label={label}>
                  {name}
                </a>
              ) : (
                <a className="button" href={href} download aria-label={label}>
                  {name}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('reports.downloadsHint')}</p>
    </>
  );
}

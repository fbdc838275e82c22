/**
 * In a file report: which saved column mapping read the file (its name, who made it and when,
 * with a link to it), and for a known export with columns Målbar did not recognise, a button to
 * map the columns yourself.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exportKindLabel } from '../../components/statistics.ts';
import type { FileMapping } from '../../../../src/contract/column-mappings.ts';
import { useLoad } from '../../hooks.ts';
import { formatDate } from '../../i18n/index.ts';
import { mappingApi } from '../mappings/api.ts';

export function mappingPath(id: string): string {
  return `/settings/column-mappings/${encodeURIComponent(id)}`;
}

export function AppliedMappingNote({ applied, phase }: { applied: NonNullable<FileMapping['appliedMapping']>; phase: 'preview' | 'import' }) {
  const { t } = useTranslation();
  // Who made it and when: the mapping itself (readable by everyone who may import).
  const detail = useLoad(() => mappingApi.get(applied.id), [applied.id, applied.version]);
  const made = detail.data
    ? t('mapping.madeBy', { name: detail.data.createdBy?.name ?? t('mapping.unknownPerson'), date: formatDate(detail.data.createdAt, true) })
    : null;
  return (
    <p className="mapping-note">
      {phase === 'preview' ? t('mapping.appliedPreview') : t('mapping.appliedImport')}{' '}
      <Link to={mappingPath(applied.id)}>{applied.name}</Link>
      {made ? ` (${made})` : ''}.
    </p>
  );
}

export function MapYourselfButton({ file, onMap }: { file: string; onMap(): void }) {
  const { t } = useTranslation();
  return (
    <p>
      <span className="hint">{t('mapping.partlyKnown')}</span>{' '}
      <button type="button" className="button subtle small" onClick={onMap} aria-label={t('mapping.mapYourselfLabel', { file })}>
        {t('mapping.mapYourself')}
      </button>
    </p>
  );
}

/** The mapping the user made for an upload: whether it will be saved, and a way to change it before importing. */
export function OwnMappingNote({ saveAs, phase, onChange }: { saveAs: string; phase: 'preview' | 'import'; onChange: (() => void) | undefined }) {
  const { t } = useTranslation();
  if (phase === 'import' && saveAs) return null;
  return (
    <p className="mapping-note">
      {phase === 'import' ? t('mapping.ownImported') : saveAs ? t('mapping.ownWillSave', { name: saveAs }) : t('mapping.ownNotSaved')}{' '}
      {onChange ? (
        <button type="button" className="button subtle small" onClick={onChange}>
          {t('mapping.change')}
        </button>
      ) : null}
    </p>
  );
}

/** The kind of export in words, the kinds a column mapping reads ('mapped_daily', 'mapped_posts') included. */
export function kindText(t: TFunction, kind: string | null | undefined): string {
  if (kind === 'mapped_daily' || kind === 'mapped_posts') return t(`mapping.kind.${kind}`);
  return exportKindLabel(t, kind);
}

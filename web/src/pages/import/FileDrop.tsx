/**
 * Where files go in: a drop zone for many files or a ZIP, around a real file input (the label is
 * the button, so it works with the keyboard and screen readers; the input itself is hidden).
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function FileDrop({ onFiles, disabled = false }: { onFiles(files: File[]): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={`drop-zone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-text" id={`${id}-hint`}>
        {t('importPage.dropHere')}
      </p>
      <input
        ref={input}
        id={id}
        className="visually-hidden file-input"
        type="file"
        multiple
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared so that choosing the same file again (after an undo) is seen as a change.
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={id} className="button">
        {t('importPage.chooseFiles')}
      </label>
      <p className="hint">{t('importPage.fileTypes')}</p>
    </div>
  );
}

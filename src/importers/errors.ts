/**
 * Import failures say which file, row and column, and why. They are AppErrors with the
 * `validation_failed` code (a refused import changes nothing), with the location as a field issue.
 */
import { AppError } from '../core/errors.ts';

export interface ImportLocation {
  file: string;
  /** 1-based line/row in the file as a spreadsheet would number it. */
  row?: number;
  /** The column's header as in the file (or its 1-based number when there is no header). */
  column?: string | number;
}

export class ImportError extends AppError {
  readonly location: ImportLocation;

  constructor(location: ImportLocation, reason: string) {
    const where = [location.file, location.row !== undefined ? `row ${location.row}` : null, location.column !== undefined ? `column "${location.column}"` : null]
      .filter(Boolean)
      .join(', ');
    super('validation_failed', `${where}: ${reason}`, [{ path: where, message: reason }]);
    this.name = 'ImportError';
    this.location = location;
  }
}

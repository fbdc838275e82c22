/** Reads an .xlsx or .xls workbook, picking the reader by the file's magic bytes, never its name. Pure. */
import { sniffBinary } from './decode.ts';
import { ImportError } from '../errors.ts';
import { readXlsx } from './xlsx.ts';
import { readXls } from './xls.ts';
import type { Workbook } from './workbook.ts';

export function readWorkbook(bytes: Uint8Array, file: string): Workbook {
  const kind = sniffBinary(bytes);
  if (kind === 'zip') return readXlsx(bytes, { file });
  if (kind === 'xls') return readXls(bytes, { file });
  throw new ImportError({ file }, 'this is not an Excel workbook (.xlsx or .xls)');
}

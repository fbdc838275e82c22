/**
 * The backup file: one gzip stream of JSON Lines, written and read as a stream (an organisation
 * with millions of values never becomes one string), with gzip's CRC and length checked by zlib
 * on reading, and sha256 checksums of its own.
 *
 *   line 1                   the header: format name and version, Målbar version, migration, organisation, created at
 *   ["table","units"]        a table's section, followed by its rows (one to_jsonb object a line, in key order)
 *   …
 *   ["trailer",{…}]          the last line: per table its row count and the sha256 of its row lines (each with
 *                            its newline), and the sha256 of every byte before the trailer
 *
 * Rows are JSON objects and the section and trailer lines JSON arrays, so they can never be mistaken
 * for each other.
 *
 * The header and the trailer together are the manifest. `zcat FILE | head -1` shows what a file is.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { once } from 'node:events';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';

export const BACKUP_FORMAT = 'maalbar-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  maalbarVersion: z.string(),
  /** The last migration applied to the database the backup was made from. */
  migration: z.object({ tag: z.string(), hash: z.string(), createdAt: z.number() }),
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** The engine it was made on ('pglite' or 'postgres'), for information. */
  engine: z.string(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupTableEntry = z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type BackupTableEntry = z.infer<typeof BackupTableEntry>;

export const BackupTrailer = z.object({
  tables: z.array(BackupTableEntry),
  /** sha256 of every byte of the (uncompressed) file before the trailer line. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupTrailer = z.infer<typeof BackupTrailer>;

export interface BackupManifest extends BackupHeader {
  tables: BackupTableEntry[];
}

const damaged = (file: string, why: string) => new AppError('validation_failed', `${file} is not an intact Målbar backup (${why}); nothing was restored.`);

/** Writes a backup as a stream: header, then each table's rows, then the trailer. */
export class BackupWriter {
  private readonly gzip: Gzip;
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private readonly whole: Hash = createHash('sha256');
  private readonly tables: BackupTableEntry[] = [];
  private current: { name: string; rows: number; hash: Hash } | null = null;

  constructor(path: string) {
    this.gzip = createGzip({ level: 6 });
    this.out = createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.once('finish', resolve);
      this.out.once('error', reject);
      this.gzip.once('error', reject);
    });
    // Errors surface through `done`; without a listener they would crash the process first.
    this.done.catch(() => {});
  }

  /** Lines not yet handed to gzip: written in chunks of about 256 kB, not one call per row. */
  private pending: string[] = [];
  private pendingChars = 0;

  private async write(line: string): Promise<void> {
    this.whole.update(line);
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  async header(header: BackupHeader): Promise<void> {
    await this.write(JSON.stringify(header) + '\n');
  }

  async startTable(name: string): Promise<void> {
    this.endTable();
    this.current = { name, rows: 0, hash: createHash('sha256') };
    await this.write(JSON.stringify(['table', name]) + '\n');
  }

  /** One row as JSON text (no newlines: JSON text from the database escapes them). */
  async row(json: string): Promise<void> {
    const line = json + '\n';
    this.current!.rows++;
    this.current!.hash.update(line);
    await this.write(line);
  }

  private endTable(): void {
    if (this.current) this.tables.push({ name: this.current.name, rows: this.current.rows, sha256: this.current.hash.digest('hex') });
    this.current = null;
  }

  /** Writes the trailer and closes the file; returns the tables written. */
  async finish(): Promise<BackupTableEntry[]> {
    this.endTable();
    await this.flush();
    const trailer: BackupTrailer = { tables: this.tables, sha256: this.whole.digest('hex') };
    this.gzip.end(JSON.stringify(['trailer', trailer]) + '\n');
    await this.done;
    return this.tables;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(): void {
    this.gzip.destroy();
    this.out.destroy();
  }
}

/** The file's lines, uncompressed (gzip damage is reported as a damaged file). */
async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.once('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  // The pieces of a line not yet ended (a line can be large: a stored file in hex).
  let pieces: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        pieces.push(text.slice(start, end));
        yield pieces.join('');
        pieces = [];
        start = end + 1;
      }
      if (start < text.length) pieces.push(text.slice(start));
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `${file} does not exist.`);
    throw damaged(file, `the compressed data is damaged: ${(e as Error).message}`);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  const rest = pieces.join('') + decoder.end();
  if (rest.length > 0) yield rest;
}

function parseLine<T>(file: string, line: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw damaged(file, `${what} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(file, `${what} is not as expected`);
  return parsed.data;
}

const Section = z.tuple([z.literal('table'), z.string()]);
const Trailer = z.tuple([z.literal('trailer'), BackupTrailer]);

/**
 * Reads the whole file once and checks everything before anything is written: gzip's CRC, the
 * header, each table's row count and sha256, the checksum of the whole, and that nothing follows
 * the trailer. Returns the manifest.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const whole = createHash('sha256');
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const seen: BackupTableEntry[] = [];
  let current: { name: string; rows: number; hash: Hash } | null = null;
  const close = () => {
    if (current) seen.push({ name: current.name, rows: current.rows, sha256: current.hash.digest('hex') });
    current = null;
  };
  for await (const line of lines(file)) {
    if (trailer) throw damaged(file, 'data after the end');
    if (!header) {
      const first = parseLine(file, line, z.record(z.string(), z.unknown()), 'the header');
      if (first.format !== BACKUP_FORMAT) throw new AppError('validation_failed', `${file} is not a Målbar backup.`);
      if (first.version !== BACKUP_FORMAT_VERSION) {
        throw new AppError('validation_failed', `${file} is a Målbar backup of format version ${first.version}; this Målbar reads version ${BACKUP_FORMAT_VERSION}.`);
      }
      header = parseLine(file, line, BackupHeader, 'the header');
      whole.update(line + '\n');
      continue;
    }
    if (line.startsWith('["table",')) {
      close();
      current = { name: parseLine(file, line, Section, 'a table heading')[1], rows: 0, hash: createHash('sha256') };
      whole.update(line + '\n');
    } else if (line.startsWith('["trailer",')) {
      close();
      trailer = parseLine(file, line, Trailer, 'the trailer')[1];
    } else {
      if (!line.startsWith('{')) throw damaged(file, 'a line is neither a row nor a heading');
      if (!current) throw damaged(file, 'rows outside a table');
      current.rows++;
      current.hash.update(line + '\n');
      whole.update(line + '\n');
    }
  }
  if (!header) throw damaged(file, 'it is empty');
  if (!trailer) throw damaged(file, 'it ends early');
  if (JSON.stringify(trailer.tables) !== JSON.stringify(seen)) {
    const bad = trailer.tables.find((t, i) => JSON.stringify(t) !== JSON.stringify(seen[i]));
    throw damaged(file, `table ${bad?.name ?? '?'} does not match its checksum`);
  }
  if (trailer.sha256 !== whole.digest('hex')) throw damaged(file, 'its checksum does not match');
  return { ...header, tables: trailer.tables };
}

export type BackupItem = { kind: 'table'; name: string } | { kind: 'row'; json: string };

/** The tables and rows of a file that verifyBackup accepted, in file order. */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  let first = true;
  for await (const line of lines(file)) {
    if (first) {
      first = false;
    } else if (line.startsWith('["table",')) {
      yield { kind: 'table', name: (JSON.parse(line) as [string, string])[1] };
    } else if (line.startsWith('["trailer",')) {
      return;
    } else {
      yield { kind: 'row', json: line };
    }
  }
}

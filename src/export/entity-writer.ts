/**
 * A streaming writer of one kind of entity in one format, fed the API's JSON text of each entity.
 * It buffers, waits when the disk is behind, and writes to `<file>.partial` until it is closed,
 * so an interrupted run never leaves a file that looks complete.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { csvColumns, csvLine, type EntityKind } from './csv.js';

/** The file formats of an export. */
export type ExportFormat = 'json' | 'ndjson' | 'csv';

const FLUSH_AT = 64 * 1024;

/** Writes one file (`<dir>/<kind>.<format>`) entity by entity. */
export class EntityWriter {
  /** Entities written so far. */
  count = 0;
  private buffer = '';
  private readonly stream: WriteStream;
  private readonly columns: string[];
  /** The file's name while it is being written. */
  readonly partial: string;
  private failure: Error | undefined;

  constructor(
    dir: string,
    readonly kind: EntityKind,
    readonly format: ExportFormat,
  ) {
    this.file = join(dir, `${kind}.${format}`);
    this.partial = `${this.file}.partial`;
    this.stream = createWriteStream(this.partial);
    this.stream.on('error', (err) => (this.failure ??= err));
    this.columns = format === 'csv' ? csvColumns(kind) : [];
    if (format === 'json') this.buffer = '[';
    if (format === 'csv') this.buffer = csvLine(this.columns);
  }

  /** The finished file's path. */
  readonly file: string;

  /** Adds one entity, given as its API JSON text; returns a promise only when the caller must wait. */
  write(json: string): Promise<void> | undefined {
    if (this.format === 'json') this.buffer += `${this.count === 0 ? '' : ','}\n${json}`;
    else if (this.format === 'ndjson') this.buffer += `${json}\n`;
    else {
      const value = JSON.parse(json) as Record<string, unknown>;
      this.buffer += csvLine(this.columns.map((c) => value[c]));
    }
    this.count++;
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await this.drained();
    if (this.failure) throw this.failure;
  }

  /** Resolves once the stream wants more (or has closed after an error). */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  /** Writes the rest, closes the file and gives it its final name. */
  async close(): Promise<void> {
    if (this.format === 'json') this.buffer += this.count === 0 ? ']\n' : '\n]\n';
    await this.flush();
    if (!this.stream.closed) {
      this.stream.end();
      await once(this.stream, 'close');
    }
    if (this.failure) throw this.failure;
    await rename(this.partial, this.file);
  }

  /** Stops and removes the partial file (after a failure). */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.partial, { force: true });
  }
}

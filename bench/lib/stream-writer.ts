/**
 * Buffered, back-pressure-aware text writer: the generator produces millions of lines, so it
 * writes in ~1 MB chunks and waits for 'drain' instead of holding a whole file in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 1 << 20;

/** Appends text to one file; call `close()` to flush and wait for the file to be written. */
export class StreamWriter {
  private readonly out: WriteStream;
  private parts: string[] = [];
  private size = 0;
  /** Lines (records) written, for the caller's counts. */
  records = 0;

  constructor(readonly file: string) {
    this.out = createWriteStream(file, { encoding: 'utf8' });
  }

  /** Queues text; resolves at once unless a chunk had to wait for the disk. */
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes the rest and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** A YAML scalar: JSON's double-quoted form is also valid YAML, and safe for any text. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** One CSV field (RFC 4180 quoting only where needed). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line from its fields, ending in a newline. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

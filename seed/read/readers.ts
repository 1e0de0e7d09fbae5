/** The import formats, by file extension (lower case, without the dot). */
import type { Reader } from './reader.ts';
import { csvReader } from './csv-file.ts';
import { yamlReader } from './yaml-file.ts';

export const READERS: Readonly<Record<string, Reader>> = {
  yaml: yamlReader,
  yml: yamlReader,
  csv: csvReader,
};

/** The reader of a file extension, if it is a data format. */
export function readerFor(extension: string): Reader | undefined {
  return Object.hasOwn(READERS, extension) ? READERS[extension] : undefined;
}

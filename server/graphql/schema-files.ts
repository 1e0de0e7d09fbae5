/**
 * Reads the SDL of schema/: the hand-written files (one per feature) and schema/generated/, the
 * enums written from domain/ by `npm run codegen`. The codegen config reads the same two globs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));
const GENERATED_DIR = join(SCHEMA_DIR, 'generated');

/** Both globs, for tools that load the schema themselves (relative to the repository root). */
const SCHEMA_GLOBS = ['server/graphql/schema/*.graphql', 'server/graphql/schema/generated/*.graphql'];

function sdlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The SDL of every feature, in file-name order, then the generated enums. */
export function loadTypeDefs(): string[] {
  return [...sdlFiles(SCHEMA_DIR), ...sdlFiles(GENERATED_DIR)];
}

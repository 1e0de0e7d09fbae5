/**
 * The generated files are what `npm run codegen` would write now: the domain enums as SDL, the
 * resolver types and the page's operation types. A stale file fails here with the command to run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';
import { domainEnumSdl, ENUM_SDL_PATH } from '../../../server/graphql/enum-sdl.ts';
import { buildSchema } from '../../../server/graphql/schema.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const STALE = 'is stale: run npm run codegen';

describe('generated files', () => {
  it('enums.graphql is what domain/ defines', () => {
    expect(readFileSync(ENUM_SDL_PATH, 'utf8'), `enums.graphql ${STALE}`).toBe(domainEnumSdl());
  });

  it('the resolver and operation types are what codegen writes now', { timeout: 60_000 }, async () => {
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(Object.keys(config.generates).sort());
    for (const { filename, content } of outputs) {
      expect(readFileSync(resolve(ROOT, filename), 'utf8'), `${filename} ${STALE}`).toBe(content);
    }
  });

  it('every object type has its parent alias in server/graphql/parents.ts', () => {
    const resolverOutput = config.generates['server/graphql/generated/schema-types.ts'];
    const mappers = (resolverOutput as { config: { mappers: Record<string, string> } }).config.mappers;
    const schema = buildSchema();
    const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
    const objectTypes = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name))
      .map((t) => t.name)
      .sort();
    expect(Object.keys(mappers).sort()).toEqual(objectTypes);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config/env.ts';

const valid = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'secret' };

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(4000);
    expect(config.neo4j).toEqual({ uri: valid.NEO4J_URI, username: 'neo4j', password: 'secret', database: 'neo4j' });
    expect(config.adminToken).toBeUndefined();
    expect(config.queryTimeoutMs).toBe(15000);
  });

  it.each([
    [{ NEO4J_URI: undefined }, 'NEO4J_URI', 'is required'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI', 'must be a Neo4j URI'],
    [{ NEO4J_PASSWORD: undefined }, 'NEO4J_PASSWORD', 'is required'],
    [{ PORT: 'four thousand' }, 'PORT', 'four thousand'],
    [{ PORT: '70000' }, 'PORT', 'TCP port'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', 'staging'],
    [{ AIDGRAPH_ADMIN_TOKEN: 'short' }, 'AIDGRAPH_ADMIN_TOKEN', 'at least 16'],
    [{ NEO4J_DATABASE: 'no spaces allowed' }, 'NEO4J_DATABASE', 'database name'],
    [{ AIDGRAPH_QUERY_TIMEOUT_MS: '5' }, 'AIDGRAPH_QUERY_TIMEOUT_MS', 'at least 100'],
  ])('rejects %o naming %s', (patch, variable, fragment) => {
    const env = { ...valid, ...patch } as NodeJS.ProcessEnv;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete env[key];
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(variable);
    expect((caught as ConfigError).message).toContain(fragment);
  });
});

import { describe, expect, it } from 'vitest';
import { readEnv } from '@/env';

// Next.js types NODE_ENV as required on ProcessEnv; readEnv must cope without it.
const src = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('readEnv', () => {
  it('fills defaults from an empty environment', () => {
    const env = readEnv(src({}));
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: 'data', SEED_DEMO: false, NODE_ENV: 'development', DB_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([['1', true], ['true', true], ['0', false], ['false', false]])('reads SEED_DEMO %j as %s', (value, expected) => {
    expect(readEnv(src({ SEED_DEMO: value })).SEED_DEMO).toBe(expected);
  });

  it('accepts postgres URLs and coerces PORT', () => {
    const env = readEnv(src({ DATABASE_URL: 'postgresql://u:p@localhost:5432/db', TEST_DATABASE_URL: 'postgres://localhost/t', PORT: '8080' }));
    expect(env.DATABASE_URL).toBe('postgresql://u:p@localhost:5432/db');
    expect(env.PORT).toBe(8080);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['TEST_DATABASE_URL', 'http://localhost/db'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SEED_DEMO', 'yes'],
    ['DATA_DIR', ''],
    ['LOG_LEVEL', 'verbose'],
    ['METRICS_TOKEN', 'short'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    expect(() => readEnv(src({ [name]: value }))).toThrow(new RegExp(`Invalid environment variables:[\\s\\S]*\\b${name}:`));
  });
});

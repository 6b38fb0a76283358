import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('METRICS and PORT settings', () => {
  it.each([
    [{}, true, 8080],
    [{ METRICS: 'on', PORT: '9100' }, true, 9100],
    [{ METRICS: 'off' }, false, 8080],
  ])('%j gives metrics=%s on port %i', (env, metrics, port) => {
    const config = loadConfig(env);
    expect([config.metrics, config.port]).toEqual([metrics, port]);
  });

  it.each([{ METRICS: 'yes' }, { PORT: '0' }])('refuses %j with a message naming the variable', (env) => {
    const name = Object.keys(env)[0]!;
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('INBOX setting', () => {
  it.each([
    [{}, { sync: false }],
    [{ INBOX: 'sync' }, { sync: true }],
    [{ INBOX: 'off' }, undefined],
  ])('%j gives inbox %j', (env, inbox) => {
    expect(loadConfig(env).inbox).toEqual(inbox);
  });

  it('refuses another value with a message naming the variable', () => {
    expect(() => loadConfig({ INBOX: 'yes' })).toThrow(/INBOX/);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from '../../src/config.js';

describe('question log configuration', () => {
  it('defaults to a log at data/qantar.db kept 90 days, with a generated salt', () => {
    const config = loadConfig({});
    expect(config.databasePath).toBe(path.join(projectRoot, 'data', 'qantar.db'));
    expect(config.questionLog).toEqual({ salt: undefined, retentionDays: 90 });
  });

  it('reads every variable', () => {
    const config = loadConfig({ DATABASE_PATH: '/var/lib/qantar/log.db', LOG_SALT: 'a-long-enough-salt', LOG_RETENTION_DAYS: '30', QUESTION_LOG: 'on' });
    expect(config.databasePath).toBe('/var/lib/qantar/log.db');
    expect(config.questionLog).toEqual({ salt: 'a-long-enough-salt', retentionDays: 30 });
    expect(loadConfig({ QUESTION_LOG: 'off' }).questionLog).toBeUndefined();
  });

  it.each([
    ['QUESTION_LOG', 'yes'],
    ['LOG_RETENTION_DAYS', '0'],
    ['LOG_RETENTION_DAYS', 'ninety'],
    ['LOG_SALT', 'short'],
    ['DATABASE_PATH', '  '],
  ])('rejects %s=%j with an error naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: `));
  });
});

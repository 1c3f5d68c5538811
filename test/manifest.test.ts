import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../src/data/paths.js';

const schemaDir = projectPath('test', 'fixtures', 'slack-manifest-schema');
const readJson = (path: string) => JSON.parse(readFileSync(`${schemaDir}/${path}`, 'utf8')) as Record<string, unknown>;

// The top schema names its two versions by URL; offline, register the files under those URLs.
function validator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(
    readJson('schemas/manifest.schema.1.0.0.json'),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json',
  );
  ajv.addSchema(
    readJson('schemas/manifest.schema.2.0.0.json'),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json',
  );
  return ajv.compile(readJson('manifest.schema.json'));
}

describe('manifest.yml', () => {
  const validate = validator();
  const manifest = parse(readFileSync(projectPath('manifest.yml'), 'utf8')) as {
    features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean } };
    settings: {
      event_subscriptions: { bot_events: string[] };
      interactivity: { is_enabled: boolean };
      socket_mode_enabled: boolean;
    };
    oauth_config: { scopes: { bot: string[] } };
  };

  test('is valid against Slack’s official manifest schema', () => {
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  test.each([
    ['v1.manifest.valid.json', true],
    ['v2.manifest.valid.json', true],
    ['v1.manifest.invalid.json', false],
    ['v2.manifest.invalid.json', false],
  ])('the validator gives the schema’s own example %s: %s', (file, valid) => {
    expect(validate(readJson(`examples/${file}`))).toBe(valid);
  });

  test('declares what the app uses: /igrt, the events, interactivity, App Home, Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/igrt']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'app_home_opened']),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'channels:history']),
    );
  });
});

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

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    app_home: { home_tab_enabled: boolean };
    assistant_view?: { assistant_description: string };
  };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
  oauth_config: { scopes: { bot: string[] } };
}

const read = (file: string) => parse(readFileSync(projectPath(file), 'utf8')) as Manifest;
const socket = read('manifest.yml');
const http = read('manifest.http.yml');

/** A manifest without what only HTTP mode has: its request URLs and the Socket Mode switch. */
function withoutTransport(manifest: Manifest): unknown {
  const copy = structuredClone(manifest) as Manifest;
  for (const command of copy.features.slash_commands) delete command.url;
  delete copy.settings.event_subscriptions.request_url;
  delete copy.settings.interactivity.request_url;
  const { socket_mode_enabled: _mode, ...settings } = copy.settings;
  return { ...copy, settings };
}

describe('the Slack manifests', () => {
  const validate = validator();

  test.each([
    ['manifest.yml (Socket Mode)', socket],
    ['manifest.http.yml (HTTP mode)', http],
  ])('%s is valid against Slack’s official manifest schema', (_name, manifest) => {
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

  test.each([
    ['manifest.yml (Socket Mode)', socket],
    ['manifest.http.yml (HTTP mode)', http],
  ])(
    '%s declares what the app uses: /igrt, every event it listens for, interactivity, App Home, the assistant view, their scopes',
    (_name, manifest) => {
      expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/igrt']);
      expect(manifest.settings.event_subscriptions.bot_events).toEqual(
        expect.arrayContaining([
          'app_mention',
          'message.im',
          'message.mpim',
          'message.channels',
          'message.groups',
          'app_home_opened',
          'assistant_thread_started',
          'assistant_thread_context_changed',
        ]),
      );
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
      expect(manifest.features.app_home.home_tab_enabled).toBe(true);
      expect(manifest.features.assistant_view?.assistant_description).toBeTruthy();
      expect(manifest.oauth_config.scopes.bot).toEqual(
        expect.arrayContaining([
          'commands',
          'chat:write',
          'app_mentions:read',
          'im:history',
          'mpim:history',
          'channels:history',
          'groups:history',
          'users:read',
          'im:write',
          'files:write',
          'assistant:write',
        ]),
      );
    },
  );

  test('the two are one app: the same scopes, events and features, differing only in how Slack reaches it', () => {
    expect(withoutTransport(http)).toEqual(withoutTransport(socket));
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  test('Socket Mode has no request URLs; HTTP mode sends events, interactivity and /igrt to the one path the app serves', () => {
    expect(JSON.stringify(socket)).not.toMatch(/request_url|"url"/);
    const urls = [
      http.settings.event_subscriptions.request_url,
      http.settings.interactivity.request_url,
      ...http.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });
});

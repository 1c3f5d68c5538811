import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { assistant } from './assistant.js';
import { message } from './message.js';

/** Registers the event listeners. */
export function register(app: App, deps: SlackDeps): void {
  // Before the listeners: it takes DM thread messages (the assistant container's) and answers them the same way.
  app.assistant(assistant(deps));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.message(message(deps));
}

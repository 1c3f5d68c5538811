import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { assistant } from './assistant.js';
import { message } from './message.js';

/**
 * Registers the event listeners. app_mention and app_home_opened share one Bolt listener that
 * picks by event type: Bolt runs every registered listener's middleware chain for every request
 * (slash commands and button clicks included), so each listener fewer is a chain fewer each time.
 */
export function register(app: App, deps: SlackDeps): void {
  // Before the listeners: it takes DM thread messages (the assistant container's) and answers them the same way.
  app.assistant(assistant(deps));
  const mention = appMention(deps);
  const homeOpened = appHomeOpened(deps);
  app.event(/^(?:app_mention|app_home_opened)$/, async (args) => {
    if (args.event.type === 'app_mention') await mention(args as SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs);
    else if (args.event.type === 'app_home_opened')
      await homeOpened(args as SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs);
  });
  app.message(message(deps));
}

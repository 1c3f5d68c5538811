import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { igrtCommand } from './igrt.js';

/** Registers the slash commands. */
export function register(app: App, deps: SlackDeps): void {
  app.command('/igrt', igrtCommand(deps));
}

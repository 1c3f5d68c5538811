import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import { followUp } from './follow-up.js';
import { share } from './share.js';

/** Registers the interactive (button) listeners. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>({ action_id: ACTIONS.followUp }, followUp(deps));
  app.action<BlockButtonAction>({ action_id: ACTIONS.share }, share(deps));
  // "New case" is a follow-up whose reply is the reset phrase: it answers in place, like any follow-up button.
  app.action<BlockButtonAction>({ action_id: ACTIONS.newCase }, followUp(deps));
}

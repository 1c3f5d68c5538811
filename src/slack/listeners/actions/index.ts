import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { ACTIONS } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import { FEEDBACK_VIEW, feedbackDown, feedbackSubmitted, feedbackUp } from './feedback.js';
import { followUp } from './follow-up.js';
import { homeExample } from './home-example.js';
import { share } from './share.js';

/** Registers the interactive listeners: buttons (on answers and on App Home) and the feedback modal. */
export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>({ action_id: ACTIONS.followUp }, followUp(deps));
  app.action<BlockButtonAction>({ action_id: ACTIONS.share }, share(deps));
  // "New case" is a follow-up whose reply is the reset phrase: it answers in place, like any follow-up button.
  app.action<BlockButtonAction>({ action_id: ACTIONS.newCase }, followUp(deps));
  app.action<BlockButtonAction>({ action_id: ACTIONS.feedbackUp }, feedbackUp(deps));
  app.action<BlockButtonAction>({ action_id: ACTIONS.feedbackDown }, feedbackDown(deps));
  app.action<BlockButtonAction>({ action_id: ACTIONS.homeExample }, homeExample(deps));
  app.view<ViewSubmitAction>(FEEDBACK_VIEW, feedbackSubmitted(deps));
}

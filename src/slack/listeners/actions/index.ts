import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { ACTIONS } from '../../../render/blocks.js';
import type { SlackDeps } from '../../deps.js';
import type { ButtonClick } from './button-click.js';
import { FEEDBACK_VIEW, feedbackDown, feedbackSubmitted, feedbackUp } from './feedback.js';
import { followUp } from './follow-up.js';
import { homeExample } from './home-example.js';
import { share } from './share.js';

type ButtonListener = (click: ButtonClick) => Promise<void>;

/** The listener for a button's action_id, by the first of `routes` that matches it. */
export function routeButton(
  routes: readonly (readonly [string | RegExp, ButtonListener])[],
  actionId: string,
): ButtonListener | undefined {
  for (const [id, listener] of routes) if (typeof id === 'string' ? id === actionId : id.test(actionId)) return listener;
  return undefined;
}

/** One pattern that matches every action_id of `routes` and nothing else. */
export function anyActionId(routes: readonly (readonly [string | RegExp, ButtonListener])[]): RegExp {
  const literal = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${routes.map(([id]) => (typeof id === 'string' ? literal(id) : `(?:${id.source})`)).join('|')})$`);
}

/**
 * Registers the interactive listeners: buttons (on answers and on App Home) and the feedback modal.
 * Every button goes through one Bolt listener that picks its handler by action_id: Bolt runs each
 * registered listener's middleware chain for every request (a slash command walks all of them),
 * so six button listeners cost six chains on every command, one costs one.
 */
export function register(app: App, deps: SlackDeps): void {
  const follow = followUp(deps);
  const routes: (readonly [string | RegExp, ButtonListener])[] = [
    [ACTIONS.followUp, follow],
    [ACTIONS.share, share(deps)],
    // "New case" is a follow-up whose reply is the reset phrase: it answers in place, like any follow-up button.
    [ACTIONS.newCase, follow],
    [ACTIONS.feedbackUp, feedbackUp(deps)],
    [ACTIONS.feedbackDown, feedbackDown(deps)],
    [ACTIONS.homeExample, homeExample(deps)],
  ];
  app.action<BlockButtonAction>({ action_id: anyActionId(routes) }, async (click) => {
    await routeButton(routes, click.action.action_id)?.(click);
  });
  app.view<ViewSubmitAction>(FEEDBACK_VIEW, feedbackSubmitted(deps));
}

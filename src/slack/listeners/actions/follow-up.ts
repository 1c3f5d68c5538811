import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerButtonLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { postToResponseUrl } from '../../response-url.js';

/** A needs_info button: supplies the missing fact in the same thread and re-answers in place. */
export function followUp(deps: SlackDeps) {
  return async ({ ack, action, body }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    answerButtonLater(deps, action.value, {
      surface: 'button',
      user: body.user.id,
      shareable: Boolean(body.container?.is_ephemeral),
      deliver: (reply) => postToResponseUrl(body.response_url, { replace_original: true, ...reply }),
    });
  };
}

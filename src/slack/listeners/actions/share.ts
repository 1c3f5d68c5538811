import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerButtonLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { postToResponseUrl } from '../../response-url.js';

/** "Share in channel": posts the private answer for everyone, then removes the private copy. */
export function share(deps: SlackDeps) {
  return async ({ ack, action, body }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    answerButtonLater(deps, action.value, {
      surface: 'share',
      user: body.user.id,
      deliver: async (reply) => {
        await postToResponseUrl(body.response_url, { response_type: 'in_channel', replace_original: false, ...reply });
        await postToResponseUrl(body.response_url, { delete_original: true });
      },
    });
  };
}

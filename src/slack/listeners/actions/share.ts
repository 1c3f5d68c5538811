import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';
import { decodeButton } from '../../threads.js';

/** "Share in channel": posts the private answer for everyone, then removes the private copy. */
export function share(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeButton(action.value);
    if (!value) return;
    const { blocks, text } = await answerForSlack(deps, value.reply, value.thread, { user: body.user.id, surface: 'share' });
    await respond({ response_type: 'in_channel', replace_original: false, blocks, text });
    await respond({ delete_original: true });
  };
}

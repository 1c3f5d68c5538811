import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerButton } from '../../reply.js';

/** "Share in channel": posts the private answer for everyone, then removes the private copy. */
export function share(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const answered = await answerButton(deps, action.value, { user: body.user.id, surface: 'share' });
    if (!answered) return;
    await respond({ response_type: 'in_channel', replace_original: false, blocks: answered.blocks, text: answered.text });
    await respond({ delete_original: true });
  };
}

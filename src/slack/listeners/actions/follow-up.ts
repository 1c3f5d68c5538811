import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';
import { decodeButton } from '../../threads.js';

/** A needs_info button: supplies the missing fact in the same thread and re-answers in place. */
export function followUp(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeButton(action.value);
    if (!value) return;
    const ephemeral = Boolean(body.container?.is_ephemeral);
    const { blocks, text } = await answerForSlack(deps, value.reply, value.thread, {
      shareable: ephemeral,
      user: body.user.id,
      surface: 'button',
    });
    await respond({ replace_original: true, blocks, text });
  };
}

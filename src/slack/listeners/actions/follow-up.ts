import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerButton } from '../../reply.js';

/** A needs_info button: supplies the missing fact in the same thread and re-answers in place. */
export function followUp(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const shareable = Boolean(body.container?.is_ephemeral);
    const answered = await answerButton(deps, action.value, { shareable, user: body.user.id, surface: 'button' });
    if (answered) await respond({ replace_original: true, blocks: answered.blocks, text: answered.text });
  };
}

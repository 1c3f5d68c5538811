import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { failed } from '../../answer-later.js';
import { type AnswerRecord, loadRecord } from '../../answer-record.js';
import type { SlackDeps } from '../../deps.js';
import { expiredReply, failedReply, slowDownReply } from '../../reply.js';
import { postToResponseUrl } from '../../response-url.js';
import { privately } from './privately.js';

/**
 * "Share in channel": posts the stored answer — exactly the blocks the user saw, under
 * "<@user> shared:" and their question — and never re-runs the question. Once it is in the
 * channel the private copy goes. A refusal, an expired answer or a failure is told privately
 * and leaves the private answer where it is.
 */
export function share(deps: SlackDeps) {
  return async ({ ack, action, body }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const tell = privately(body);
    const user = body.user.id;
    try {
      if (deps.limiter && !deps.limiter.allow(user)) {
        deps.shed.refused('rate_limited', 'share');
        await tell(slowDownReply(deps));
        return;
      }
      const record = await loadRecord(deps.store, action.value ?? '');
      if (!record) {
        await tell(expiredReply(deps));
        return;
      }
      await postToResponseUrl(body.response_url, {
        response_type: 'in_channel',
        replace_original: false,
        ...shared(record, user),
      });
    } catch (error) {
      failed(deps, 'share', error);
      await tell(failedReply(deps)).catch((again: unknown) => failed(deps, 'share', again));
      return;
    }
    await postToResponseUrl(body.response_url, { delete_original: true }).catch((error: unknown) => failed(deps, 'share', error));
  };
}

/** The shared message: who shared it and the question, then the answer's own blocks without its Share button. */
export function shared(record: AnswerRecord, user: string): { blocks: KnownBlock[]; text: string } {
  const header: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: `<@${user}> shared: _${escapeMrkdwn(record.question.slice(0, 2000))}_` },
  };
  const blocks = (record.blocks as unknown as KnownBlock[]).filter((b) => b.block_id !== 'igrt_share');
  return { blocks: [header, ...blocks], text: `<@${user}> shared: ${record.text}` };
}

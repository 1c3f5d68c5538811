import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';
import { EVENT_TTL_MS, stripMention, threadKey } from '../../threads.js';

/** A mention in a channel: answered in the thread it started or belongs to, once however often Slack delivers it. */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id) return;
    if (!(await deps.dedupe.firstSeen(`message:${event.channel}:${event.ts}`, EVENT_TTL_MS))) return;
    const threadTs = event.thread_ts ?? event.ts;
    const question = stripMention(event.text ?? '', context.botUserId);
    const { blocks, text } = await answerForSlack(deps, question || 'help', threadKey(event.channel, threadTs), {
      ...(event.user ? { user: event.user } : {}),
      surface: 'mention',
    });
    await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, blocks, text });
  };
}

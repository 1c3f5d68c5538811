import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import type { SlackReply } from '../../reply.js';
import { EVENT_TTL_MS, stripMention, threadKey } from '../../threads.js';
import { uploadBeside } from '../../uploads.js';

/** A mention in a channel: answered in the thread it started or belongs to, once however often Slack delivers it. */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id) return;
    if (!(await deps.dedupe.firstSeen(`message:${event.channel}:${event.ts}`, EVENT_TTL_MS))) return;
    const threadTs = event.thread_ts ?? event.ts;
    const question = stripMention(event.text ?? '', context.botUserId);
    answerLater(deps, {
      question: question || 'help',
      thread: threadKey(event.channel, threadTs),
      surface: 'mention',
      ...(event.user ? { user: event.user } : {}),
      deliver: (reply) => client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...reply }),
      upload: uploadBeside(client, event.channel, threadTs),
      // Should the answer not post, the asker alone is told, by another method.
      ...(event.user
        ? {
            tellUndelivered: ({ text }: SlackReply) =>
              client.chat.postEphemeral({ channel: event.channel, user: event.user ?? '', thread_ts: threadTs, text }),
          }
        : {}),
    });
  };
}

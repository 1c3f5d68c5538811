import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import type { SlackReply } from '../../reply.js';
import { EVENT_TTL_MS, stripMention, threadKey } from '../../threads.js';
import { uploadBeside } from '../../uploads.js';

/**
 * Plain messages: every DM, and replies in a channel thread the bot already answered in.
 * Mentions in channels are left to app_mention; edits, joins and bots' messages are ignored.
 */
export function message(deps: SlackDeps) {
  return async ({ message: event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (event.subtype !== undefined || ('bot_id' in event && event.bot_id)) return;
    const text = 'text' in event ? (event.text ?? '') : '';
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    const direct = event.channel_type === 'im';
    if (!direct && (!threadTs || (context.botUserId && text.includes(`<@${context.botUserId}>`)))) return;
    const thread = threadKey(event.channel, threadTs ?? 'dm');
    if (!direct && !(await deps.store.get(thread))) return;
    if (!(await deps.dedupe.firstSeen(`message:${event.channel}:${event.ts}`, EVENT_TTL_MS))) return;
    const question = stripMention(text, context.botUserId);
    answerLater(deps, {
      question: question || 'help',
      thread,
      surface: direct ? 'dm' : 'thread',
      ...('user' in event && event.user ? { user: event.user } : {}),
      deliver: (reply) =>
        client.chat.postMessage({ channel: event.channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...reply }),
      upload: uploadBeside(client, event.channel, threadTs),
      // Should the answer not post, the asker alone is told, by another method.
      ...('user' in event && event.user
        ? {
            tellUndelivered: ({ text }: SlackReply) =>
              client.chat.postEphemeral({
                channel: event.channel,
                user: String(event.user),
                text,
                ...(threadTs ? { thread_ts: threadTs } : {}),
              }),
          }
        : {}),
    });
  };
}

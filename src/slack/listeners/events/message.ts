import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import type { SlackReply } from '../../reply.js';
import { EVENT_TTL_MS, stripMention, threadKey } from '../../threads.js';
import { uploadBeside } from '../../uploads.js';

/**
 * The message subtypes that are someone asking: a plain message, a thread reply also sent to
 * the channel ("Also send to channel": `thread_broadcast`), and a message with a file attached
 * (its text is the question). Edits, joins, bots' messages and the rest are not.
 */
const ASKING: ReadonlySet<string | undefined> = new Set([undefined, 'thread_broadcast', 'file_share']);

/** Where a message is answered, or undefined when it is not the bot's to answer. */
interface Answered {
  readonly thread: string;
  readonly threadTs: string | undefined;
  readonly surface: string;
}

/**
 * Plain messages: every DM; in a group DM, a message that mentions the bot (answered in its
 * thread — people talk among themselves there too) and replies in a thread the bot answered in;
 * in a channel, replies in a thread the bot answered in (mentions there are app_mention's).
 * Each message is answered once, whichever of message and app_mention comes first; `answering`
 * runs for a message that will be (the assistant container shows a status).
 */
export function message(deps: SlackDeps, answering?: () => void) {
  return async ({
    message: event,
    client,
    context,
  }: Pick<SlackEventMiddlewareArgs<'message'>, 'message'> & AllMiddlewareArgs): Promise<void> => {
    if (!ASKING.has(event.subtype) || ('bot_id' in event && event.bot_id)) return;
    const text = 'text' in event ? (event.text ?? '') : '';
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    const mentioned = Boolean(context.botUserId && text.includes(`<@${context.botUserId}>`));
    const answered = await answeredWhere(deps, event.channel_type, event.channel, event.ts, threadTs, mentioned);
    if (!answered) return;
    if (!(await deps.dedupe.firstSeen(`message:${event.channel}:${event.ts}`, EVENT_TTL_MS))) return;
    answering?.();
    const user = 'user' in event && event.user ? event.user : undefined;
    const at = answered.threadTs;
    answerLater(deps, {
      question: stripMention(text, context.botUserId) || 'help',
      thread: answered.thread,
      surface: answered.surface,
      ...(user ? { user } : {}),
      deliver: (reply) => client.chat.postMessage({ channel: event.channel, ...(at ? { thread_ts: at } : {}), ...reply }),
      upload: uploadBeside(client, event.channel, at),
      // Should the answer not post, the asker alone is told, by another method.
      ...(user
        ? {
            tellUndelivered: ({ text }: SlackReply) =>
              client.chat.postEphemeral({ channel: event.channel, user, text, ...(at ? { thread_ts: at } : {}) }),
          }
        : {}),
    });
  };
}

async function answeredWhere(
  deps: SlackDeps,
  channelType: string,
  channel: string,
  ts: string,
  threadTs: string | undefined,
  mentioned: boolean,
): Promise<Answered | undefined> {
  if (channelType === 'im') return { thread: threadKey(channel, threadTs ?? 'dm'), threadTs, surface: 'dm' };
  const group = channelType === 'mpim';
  if (group && mentioned) return { thread: threadKey(channel, threadTs ?? ts), threadTs: threadTs ?? ts, surface: 'group_dm' };
  if (!threadTs || mentioned) return undefined;
  const thread = threadKey(channel, threadTs);
  if (!(await deps.store.get(thread))) return undefined;
  return { thread, threadTs, surface: group ? 'group_dm' : 'thread' };
}

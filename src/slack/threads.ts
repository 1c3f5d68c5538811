/** How long an event is remembered for de-duplication: longer than Slack's retries last. */
export const EVENT_TTL_MS = 10 * 60 * 1000;

/** The context key of a channel thread: channel plus the ts of the message that started it. */
export function threadKey(channel: string, threadTs: string): string {
  return `thread:${channel}:${threadTs}`;
}

/**
 * How long a slash-command conversation lasts after its last turn. `/igrt` questions in a row are
 * usually one case being worked; after half an hour the next one is taken as a new conversation.
 * (Channel threads and DMs keep their context as long as the store does.)
 */
export const COMMAND_CONVERSATION_MS = 30 * 60 * 1000;

/** Whether a context key is a slash-command conversation's. */
export function isCommandThread(key: string): boolean {
  return key.startsWith('command:');
}

/** The context key of a user's slash-command conversation in one channel. */
export function commandKey(team: string, channel: string, user: string): string {
  return `command:${team}:${channel}:${user}`;
}

/** The question without the leading bot mention ("<@U123> is IGRT …" → "is IGRT …"). */
export function stripMention(text: string, botUserId?: string): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/** What a button carries back: the reply to send and the thread it belongs to. */
export interface ButtonValue {
  readonly reply: string;
  readonly thread: string;
}

/** Encodes a button value (Slack allows 2,000 characters). */
export function encodeButton(value: ButtonValue): string {
  return JSON.stringify({ r: value.reply.slice(0, 1500), t: value.thread.slice(0, 400) });
}

/** Decodes a button value, or undefined for anything not ours. */
export function decodeButton(raw: string | undefined): ButtonValue | undefined {
  try {
    const value = JSON.parse(raw ?? '') as { r?: unknown; t?: unknown };
    return typeof value.r === 'string' && typeof value.t === 'string' ? { reply: value.r, thread: value.t } : undefined;
  } catch {
    return undefined;
  }
}

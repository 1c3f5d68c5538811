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

/** The context key of someone who clicked a button on another person's answer: their own fork of that thread. */
export function forkKey(thread: string, user: string): string {
  return `fork:${user}:${thread}`;
}

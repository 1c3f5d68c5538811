/**
 * Escapes text for Slack mrkdwn so what a user typed is shown, never acted on: `<!channel>`
 * or `<@U123>` become plain text, not a mention.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to a limit, ending with an ellipsis when it had to cut. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - 1)).trimEnd()}…`;
}

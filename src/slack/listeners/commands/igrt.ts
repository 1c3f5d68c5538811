import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerForSlack } from '../../reply.js';
import { commandKey } from '../../threads.js';

/** `/igrt <question>`: acknowledged at once, answered privately through the response URL with a "Share" button. */
export function igrtCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Let the acknowledgement (and other requests' acks) go out before the answer's CPU work.
    await new Promise((resolve) => setImmediate(resolve));
    const question = command.text.trim() || 'help';
    const thread = commandKey(command.team_id, command.channel_id, command.user_id);
    const shareable = !/^\s*help\s*$/i.test(question);
    const { blocks, text } = await answerForSlack(deps, question, thread, {
      shareable,
      user: command.user_id,
      surface: 'command',
    });
    await respond({ response_type: 'ephemeral', blocks, text });
  };
}

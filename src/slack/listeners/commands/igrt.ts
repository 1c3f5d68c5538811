import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerLater } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { commandKey } from '../../threads.js';

/** `/igrt <question>`: acknowledged at once, answered privately through the response URL with a "Share" button. */
export function igrtCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const question = command.text.trim() || 'help';
    answerLater(deps, {
      question,
      thread: commandKey(command.team_id, command.channel_id, command.user_id),
      surface: 'command',
      user: command.user_id,
      shareable: !/^\s*help\s*$/i.test(question),
      deliver: (reply) => respond({ response_type: 'ephemeral', ...reply }),
    });
  };
}

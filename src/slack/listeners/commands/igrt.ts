import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { queueAnswer, refusal } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { postToResponseUrl } from '../../response-url.js';
import { commandKey } from '../../threads.js';
import { uploadToDm } from '../../uploads.js';

/**
 * `/igrt <question>`: acknowledged at once and answered privately through the response URL,
 * with a "Share" button. A refusal (rate limit, busy) rides in the acknowledgement itself,
 * so shedding load costs no extra request.
 */
export function igrtCommand(deps: SlackDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const refused = refusal(deps, command.user_id, 'command');
    if (refused) {
      // Text only: the refusal is a sentence, and under overload every byte of it is CPU.
      await ack({ response_type: 'ephemeral', text: refused.text });
      return;
    }
    await ack();
    const question = command.text.trim() || 'help';
    queueAnswer(deps, {
      question,
      thread: commandKey(command.team_id, command.channel_id, command.user_id),
      surface: 'command',
      user: command.user_id,
      shareable: !/^\s*help\s*$/i.test(question),
      deliver: (reply) => postToResponseUrl(command.response_url, { response_type: 'ephemeral', ...reply }),
      // The answer is private, so what it cannot hold goes to the asker's DM, never the channel.
      upload: uploadToDm(client, command.user_id),
    });
  };
}

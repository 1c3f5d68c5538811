import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerInAck, refusal } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { postToResponseUrl } from '../../response-url.js';
import { commandKey } from '../../threads.js';
import { uploadToDm } from '../../uploads.js';

/**
 * `/igrt <question>`: answered privately, with a "Share" button — in the acknowledgement itself
 * when the answer is ready within the budget (`COMMAND_ACK_BUDGET_MS`), else acknowledged at the
 * budget and answered through the response URL. A refusal (rate limit, busy) rides in the
 * acknowledgement too, so shedding load costs no extra request.
 */
export function igrtCommand(deps: SlackDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const refused = refusal(deps, command.user_id, 'command');
    if (refused) {
      // Text only: the refusal is a sentence, and under overload every byte of it is CPU.
      await ack({ response_type: 'ephemeral', text: refused.text });
      return;
    }
    const question = command.text.trim() || 'help';
    await answerInAck(
      deps,
      {
        question,
        thread: commandKey(command.team_id, command.channel_id, command.user_id),
        surface: 'command',
        user: command.user_id,
        shareable: !/^\s*help\s*$/i.test(question),
        deliver: (reply) => postToResponseUrl(command.response_url, { response_type: 'ephemeral', ...reply }),
        // The answer is private, so what it cannot hold goes to the asker's DM, never the channel.
        upload: uploadToDm(client, command.user_id),
      },
      // The same message the response URL would be sent: the acknowledgement replaces that post.
      (reply) => (reply ? ack({ response_type: 'ephemeral', ...reply }) : ack()),
      deps.commandAckBudgetMs,
    );
  };
}

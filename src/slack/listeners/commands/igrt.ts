import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type AcceptedQuestion, answerInAck, refusal } from '../../answer-later.js';
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
    await answerInAck(
      deps,
      accept(command, client),
      // The same message the response URL would be sent: the acknowledgement replaces that post.
      (reply) => (reply ? ack({ response_type: 'ephemeral', ...reply }) : ack()),
      deps.commandAckBudgetMs,
    );
  };
}

type Command = SlackCommandMiddlewareArgs['command'];

/**
 * The command as a question to answer. Built apart from the listener, so its closures hold the
 * command and the client only: a question queued behind a backlog does not keep the request,
 * its response and Bolt's acknowledgement alive while it waits.
 */
function accept(command: Command, client: AllMiddlewareArgs['client']): AcceptedQuestion {
  const question = command.text.trim() || 'help';
  const responseUrl = command.response_url;
  return {
    question,
    thread: commandKey(command.team_id, command.channel_id, command.user_id),
    surface: 'command',
    user: command.user_id,
    shareable: !/^\s*help\s*$/i.test(question),
    deliver: (reply) => postToResponseUrl(responseUrl, { response_type: 'ephemeral', ...reply }),
    // The answer is private, so what it cannot hold goes to the asker's DM, never the channel.
    upload: uploadToDm(client, command.user_id),
  };
}

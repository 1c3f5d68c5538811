import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { answerLater, failed } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { homeView } from '../../home-view.js';
import type { SlackReply } from '../../reply.js';
import { threadKey } from '../../threads.js';
import { uploadBeside } from '../../uploads.js';
import type { ButtonClick } from './button-click.js';

/**
 * An example's Ask button on the App Home tab: the example is asked for real, through the same
 * pipeline, and answered in the user's DM with the bot (conversations.open, scope im:write),
 * under the question it asked. The DM's conversation is the one a follow-up there continues.
 * A click carries no response URL, so should even the DM not open, the Home tab says so.
 */
export function homeExample(deps: SlackDeps) {
  return async ({ ack, action, body, client }: ButtonClick): Promise<void> => {
    await ack();
    const user = body.user.id;
    const question = (action.value ?? '').trim();
    if (!question) return;
    let channel: string | undefined;
    try {
      channel = (await client.conversations.open({ users: user })).channel?.id;
      if (!channel) throw new Error('conversations.open gave no DM channel');
    } catch (error) {
      failed(deps, 'home', error, 'dm_failed');
      await client.views
        .publish({
          user_id: user,
          view: homeView(
            deps.pipeline.corpus,
            'I could not open our DM to answer that. Please try again in a moment, or ask with /igrt.',
          ),
        })
        .catch((again: unknown) => failed(deps, 'home', again));
      return;
    }
    const dm = channel;
    const asked = (reply: SlackReply): SlackReply => ({ ...reply, blocks: [askedFromHome(question), ...reply.blocks] });
    answerLater(deps, {
      question,
      thread: threadKey(dm, 'dm'),
      surface: 'home',
      user,
      deliver: (reply) => client.chat.postMessage({ channel: dm, ...asked(reply) }),
      upload: uploadBeside(client, dm),
    });
  };
}

/** "You asked (from Home): …", above the answer, since the question was not typed in the DM. */
function askedFromHome(question: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `You asked (from Home): _${escapeMrkdwn(question)}_` }] };
}

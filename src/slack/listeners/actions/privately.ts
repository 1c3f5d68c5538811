import type { BlockAction } from '@slack/bolt';
import type { SlackReply } from '../../reply.js';
import { postToResponseUrl } from '../../response-url.js';

/**
 * Tells the person who clicked something only they see (an ephemeral message through the
 * click's response URL), leaving the message they clicked exactly as it was: refusals,
 * failures, expired answers and answers to someone else's buttons all go this way.
 */
export function privately(body: BlockAction): (reply: SlackReply) => Promise<void> {
  return (reply) => postToResponseUrl(body.response_url, { response_type: 'ephemeral', replace_original: false, ...reply });
}

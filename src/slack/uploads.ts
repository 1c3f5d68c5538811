import type { webApi } from '@slack/bolt';
import type { ReplyFile } from '../render/blocks.js';

/** How a reply's file (a claim table longer than a message holds) reaches the asker. */
export type Upload = (file: ReplyFile) => Promise<unknown>;

/** Beside the answer, in its channel or thread (files.uploadV2: upload URL, upload, completion). */
export function uploadBeside(client: webApi.WebClient, channel: string, threadTs?: string): Upload {
  return (file) =>
    threadTs
      ? client.files.uploadV2({ channel_id: channel, thread_ts: threadTs, ...file })
      : client.files.uploadV2({ channel_id: channel, ...file });
}

/** To the asker's DM with the bot: where a private answer's file goes, never the channel (needs im:write). */
export function uploadToDm(client: webApi.WebClient, user: string): Upload {
  return async (file) => {
    const dm = await client.conversations.open({ users: user });
    if (!dm.channel?.id) throw new Error('conversations.open gave no DM channel');
    return client.files.uploadV2({ channel_id: dm.channel.id, ...file });
  };
}

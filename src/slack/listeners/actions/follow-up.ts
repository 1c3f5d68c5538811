import type { KnownBlock } from '@slack/types';
import type { ThreadState } from '../../../context/store.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { answerLater, failed } from '../../answer-later.js';
import { type AnswerRecord, loadRecord, parseFollowUpValue } from '../../answer-record.js';
import type { SlackDeps } from '../../deps.js';
import { expiredReply, type SlackReply } from '../../reply.js';
import { postToResponseUrl } from '../../response-url.js';
import { forkKey } from '../../threads.js';
import { uploadBeside, uploadToDm } from '../../uploads.js';
import type { ButtonClick } from './button-click.js';
import { privately } from './privately.js';

/**
 * A follow-up button (a needs_info option). The button belongs to the answer's asker: their
 * click answers in the thread with attribution ("<@U> chose palliative") — in place for a
 * private answer, as a thread reply for a public one. Anyone else's click is answered to them
 * privately, in a fork of the thread's context, so the asker's message and context are
 * untouched. Refusals and failures are told privately; nothing replaces the answer.
 */
export function followUp(deps: SlackDeps) {
  return async ({ ack, action, body, client }: ButtonClick): Promise<void> => {
    await ack();
    const tell = privately(body);
    const clicked = parseFollowUpValue(action.value);
    const user = body.user.id;
    const record = clicked ? await loadRecord(deps.store, clicked.id).catch(() => undefined) : undefined;
    const option = clicked && record?.options[clicked.index];
    if (!record || !option) {
      await tell(expiredReply(deps)).catch((error: unknown) => failed(deps, 'button', error));
      return;
    }
    const attributed = (reply: SlackReply): SlackReply => ({
      ...reply,
      blocks: [chose(user, option.label), ...reply.blocks],
      text: `<@${user}> chose ${escapeMrkdwn(option.label)}: ${reply.text}`,
    });
    if (user !== record.owner) {
      answerLater(deps, {
        question: option.reply,
        thread: await fork(deps, record, user),
        surface: 'button',
        user,
        deliver: tell,
        tell,
        upload: uploadToDm(client, user),
      });
      return;
    }
    const ephemeral = Boolean(body.container?.is_ephemeral);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs = body.message?.thread_ts ?? body.message?.ts;
    const inThread = !ephemeral && channel && threadTs ? { channel, threadTs } : undefined;
    answerLater(deps, {
      question: option.reply,
      thread: record.thread,
      surface: 'button',
      user,
      shareable: ephemeral,
      deliver: (reply) =>
        inThread
          ? client.chat.postMessage({ channel: inThread.channel, thread_ts: inThread.threadTs, ...attributed(reply) })
          : postToResponseUrl(body.response_url, { replace_original: true, ...attributed(reply) }),
      tell,
      upload: inThread ? uploadBeside(client, inThread.channel, inThread.threadTs) : uploadToDm(client, user),
    });
  };
}

/** "<@U> chose palliative", above the answer the choice gave. */
function chose(user: string, label: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `<@${user}> chose *${escapeMrkdwn(label)}*` }] };
}

/** The clicker's own copy of the thread, started from the context the answer was given in. */
async function fork(deps: SlackDeps, record: AnswerRecord, user: string): Promise<string> {
  const key = forkKey(record.thread, user);
  try {
    if (!(await deps.store.get(key))) {
      const base = (record.state as ThreadState | undefined) ?? (await deps.store.get(record.thread));
      if (base) await deps.store.set(key, base);
    }
  } catch (error) {
    // Without its context the fork still answers the choice; the asker's context is never touched.
    failed(deps, 'button', error, 'fork_failed');
  }
  return key;
}

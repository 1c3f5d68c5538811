import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { FeedbackEntry } from '../../../context/feedback-store.js';
import { failed } from '../../answer-later.js';
import { type AnswerRecord, loadRecord } from '../../answer-record.js';
import type { SlackDeps } from '../../deps.js';
import { expiredReply, failedReply, type SlackReply } from '../../reply.js';
import type { ButtonClick } from './button-click.js';
import { privately } from './privately.js';

/** The 👎 modal's callback id, and its two optional inputs. */
export const FEEDBACK_VIEW = 'igrt_feedback';
const WRONG = 'igrt_feedback_wrong';
const CORRECTION = 'igrt_feedback_correction';

const THANKS: SlackReply = { text: 'Thanks — noted.', blocks: [] };

/** 👍: kept at once and thanked privately. */
export function feedbackUp(deps: SlackDeps) {
  return async ({ ack, action, body }: ButtonClick): Promise<void> => {
    await ack();
    const tell = privately(body);
    try {
      const record = await loadRecord(deps.store, action.value ?? '');
      if (!record) return await tell(expiredReply(deps));
      await deps.feedback?.add(entry(record, 'up'));
      await tell(THANKS);
    } catch (error) {
      failed(deps, 'feedback', error);
      await tell(failedReply(deps)).catch(() => {});
    }
  };
}

/** 👎: opens a modal asking what was wrong and the right fact (both optional); the trigger lasts 3 s, so this comes first. */
export function feedbackDown(deps: SlackDeps) {
  return async ({ ack, action, body, client }: ButtonClick): Promise<void> => {
    await ack();
    await client.views
      .open({ trigger_id: body.trigger_id, view: feedbackModal(action.value ?? '') })
      .catch(async (error: unknown) => {
        failed(deps, 'feedback', error);
        await privately(body)(failedReply(deps)).catch(() => {});
      });
  };
}

/** The 👎 modal submitted: the answer's record plus what the user wrote, kept scrubbed. */
export function feedbackSubmitted(deps: SlackDeps) {
  return async ({ ack, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = (block: string) => view.state.values[block]?.[block]?.value?.trim() || undefined;
    try {
      const record = await loadRecord(deps.store, view.private_metadata);
      if (!record) return;
      const wrong = value(WRONG);
      const correction = value(CORRECTION);
      await deps.feedback?.add({ ...entry(record, 'down'), ...(wrong ? { wrong } : {}), ...(correction ? { correction } : {}) });
    } catch (error) {
      failed(deps, 'feedback', error);
    }
  };
}

function entry(record: AnswerRecord, rating: 'up' | 'down'): FeedbackEntry {
  return {
    at: new Date().toISOString(),
    rating,
    question: record.question,
    intent: record.intent,
    given: record.determinations,
    answer: record.text,
  };
}

function feedbackModal(id: string): ModalView {
  const input = (block: string, label: string, hint: string) => ({
    type: 'input' as const,
    block_id: block,
    optional: true,
    label: { type: 'plain_text' as const, text: label },
    hint: { type: 'plain_text' as const, text: hint },
    element: { type: 'plain_text_input' as const, action_id: block, multiline: true, max_length: 1000 },
  });
  return {
    type: 'modal',
    callback_id: FEEDBACK_VIEW,
    private_metadata: id,
    title: { type: 'plain_text', text: 'What was wrong?' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input(WRONG, 'What was wrong (optional)', 'E.g. it read the case as curative; the determination should differ.'),
      input(
        CORRECTION,
        'The right fact (optional)',
        'E.g. palliative; PTV overlaps a prior field. No names or record numbers, please.',
      ),
    ],
  };
}

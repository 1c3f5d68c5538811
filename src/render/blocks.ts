import type { KnownBlock } from '@slack/types';
import { EXTERNAL_MARKER } from '../codes/citation.js';
import type { Answer, ClaimView, Finding } from '../contract/answer.js';
import type { Corpus } from '../policy/corpus.js';
import { claimTable } from './claim-table.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';
import {
  carriedLine,
  changeLine,
  claimTitle,
  confirmLine,
  conflictLine,
  dateLine,
  payerName,
  policyHeading,
  understoodLine,
} from './text.js';
import { DETERMINATION_WORDS } from './words.js';

/**
 * Slack's limits that a message must stay within. `messageBytes` is the blocks together (their
 * JSON): Slack refuses a message past about 13,200 characters of blocks with
 * `msg_blocks_too_long` although every block is within its own limit — the number is not
 * published, so a margin is kept below what has been seen to fail.
 */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  field: 2000,
  header: 150,
  buttonText: 75,
  value: 2000,
  actionId: 255,
  messageBytes: 12_000,
};

/** What the Slack adapter asks for beyond the answer itself. */
export interface BlockOptions {
  /** Adds a "Share in channel" button carrying this value (private slash-command answers). */
  readonly shareValue?: string;
  /** What a follow-up button carries back for a reply (the adapter adds its thread). */
  readonly buttonValue?: (reply: string) => string;
  /** Adds 👍/👎 feedback buttons carrying this value (the stored answer's id). */
  readonly feedbackValue?: string;
}

/** Action ids the listeners register for. */
export const ACTIONS = {
  followUp: /^igrt_follow_up_\d+$/,
  share: 'igrt_share',
  feedbackUp: 'igrt_feedback_up',
  feedbackDown: 'igrt_feedback_down',
  newCase: 'igrt_new_case',
  /** An example question's Ask button on the App Home tab. */
  homeExample: 'igrt_home_example',
} as const;

/** What the New case button sends, as a reply in its thread (the reset phrase of intents/case-cues.yaml). */
export const NEW_CASE_REPLY = 'new case';

const DISCLAIMER = 'Policy guidance, not a coverage guarantee. Check the member’s benefits and the current policy.';

/** Content too long for a message, to be sent beside it as a file (files.uploadV2). */
export interface ReplyFile {
  readonly filename: string;
  readonly title: string;
  readonly content: string;
}

/** Renders an Answer as Block Kit blocks plus the notification fallback text, within Slack's limits. */
export function renderBlocks(
  corpus: Corpus,
  answer: Answer,
  options: BlockOptions = {},
): { blocks: KnownBlock[]; text: string; file?: ReplyFile } {
  const blocks: KnownBlock[] = [];
  // A code not valid on the date of service is said before anything else.
  if (answer.lead?.length) blocks.push(section(answer.lead.map((l) => `*${escapeMrkdwn(changeLine(l))}*`).join('\n')));
  if (
    answer.carried?.length &&
    (answer.claim || answer.findings.length === 0 || answer.intent === 'policy_info' || answer.intent === 'code_lookup')
  ) {
    blocks.push(context(carriedLine(answer.carried)));
  }
  // A claim table takes what room the rest of the message leaves, so it is filled in last.
  let claim: { parts: ClaimParts; at: number } | undefined;
  if (answer.claim) {
    const parts = claimParts(corpus, answer, answer.claim);
    blocks.push(...parts.before);
    claim = { parts, at: blocks.length };
    blocks.push(...parts.after);
  } else if (answer.findings.length === 0 || answer.intent === 'policy_info' || answer.intent === 'code_lookup') {
    blocks.push(...textBlocks(answer));
  } else {
    blocks.push(header(headline(corpus, answer)));
    const said = [
      ...(answer.notices ?? []),
      ...(answer.carried?.length ? [carriedLine(answer.carried)] : []),
      ...(answer.understood?.length ? [understoodLine(answer.understood)] : []),
      ...(answer.conflicts ?? []).map(conflictLine),
      ...(answer.confirm ?? []).map(confirmLine),
      ...(answer.dateOfService ? [dateLine(answer.dateOfService)] : []),
    ];
    if (said.length > 0) blocks.push(context(said.join('\n')));
    if (answer.findings.length > 1) blocks.push(sideBySide(corpus, answer.findings));
    for (const finding of answer.findings) blocks.push(...findingBlocks(corpus, finding, answer.findings.length > 1));
  }
  if (answer.also?.length) blocks.push(section(`*You also asked:*\n${answer.also.map(escapeMrkdwn).join('\n')}`));
  if (answer.followUp && answer.followUp.options.length > 0) {
    blocks.push(section(`*${escapeMrkdwn(answer.followUp.question)}*`));
    blocks.push({
      type: 'actions',
      block_id: 'igrt_follow_up',
      elements: answer.followUp.options.slice(0, 25).map((option, i) => ({
        type: 'button',
        action_id: `igrt_follow_up_${i}`,
        text: { type: 'plain_text', text: clip(option.label, LIMITS.buttonText) },
        value: clip(options.buttonValue ? options.buttonValue(option.reply) : option.reply, LIMITS.value),
      })),
    });
  }
  if (answer.carried?.length) {
    blocks.push({
      type: 'actions',
      block_id: 'igrt_new_case',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.newCase,
          text: { type: 'plain_text', text: 'New case' },
          value: clip(options.buttonValue ? options.buttonValue(NEW_CASE_REPLY) : NEW_CASE_REPLY, LIMITS.value),
        },
      ],
    });
  }
  if (options.shareValue !== undefined) {
    blocks.push({
      type: 'actions',
      block_id: 'igrt_share',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.share,
          text: { type: 'plain_text', text: 'Share in channel' },
          value: clip(options.shareValue, LIMITS.value),
        },
      ],
    });
  }
  if (options.feedbackValue !== undefined) {
    const value = clip(options.feedbackValue, LIMITS.value);
    blocks.push({
      type: 'actions',
      block_id: 'igrt_feedback',
      elements: [
        { type: 'button', action_id: ACTIONS.feedbackUp, text: { type: 'plain_text', text: '👍', emoji: true }, value },
        { type: 'button', action_id: ACTIONS.feedbackDown, text: { type: 'plain_text', text: '👎', emoji: true }, value },
      ],
    });
  }
  blocks.push(context(DISCLAIMER));
  const text = clip(escapeMrkdwn(fallback(corpus, answer)), LIMITS.sectionText);
  if (!claim) return { blocks: withinBlockLimit(blocks), text };
  const table = claimTableBlocks(claim.parts, blocks);
  blocks.splice(claim.at, 0, ...table.blocks);
  return table.file ? { blocks, text, file: table.file } : { blocks, text };
}

function headline(corpus: Corpus, answer: Answer): string {
  if (answer.intent === 'compare' || answer.findings.length > 1) {
    return `Compare: ${answer.findings.map((f) => payerName(corpus, f.payer)).join(' vs ')}`;
  }
  const only = answer.findings[0] as Finding;
  const { mark, words } = DETERMINATION_WORDS[only.determination];
  return `${mark} ${words}`;
}

function findingBlocks(corpus: Corpus, finding: Finding, many: boolean): KnownBlock[] {
  const { mark, words } = DETERMINATION_WORDS[finding.determination];
  const title = escapeMrkdwn(policyHeading(corpus, finding.payer));
  const lines = [`*${title}*`, ...(many ? [`${mark} *${words}*`] : []), escapeMrkdwn(finding.reason)];
  if (finding.subject) lines.unshift(`*${escapeMrkdwn(finding.subject)}*`);
  if (finding.patient) lines.unshift(`*Patient:* ${escapeMrkdwn(finding.patient)}`);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (finding.citation.excerpt.startsWith(EXTERNAL_MARKER)) {
    blocks.push(section(`_Source: ${escapeMrkdwn(finding.citation.excerpt)}_`));
  } else if (finding.citation.excerpt) {
    blocks.push(
      section(
        `> ${escapeMrkdwn(finding.citation.excerpt).replace(/\n/g, '\n> ')}\n_Policy section ${escapeMrkdwn(finding.citation.section)}_`,
      ),
    );
  }
  const extra = [
    ...finding.assumed.map((a) => `Assumed — ${a}`),
    ...finding.notes.map((n) => `Note — ${n}`),
    ...finding.changes.map(changeLine),
  ];
  if (extra.length > 0) blocks.push(context(extra.join('\n')));
  return blocks;
}

function sideBySide(corpus: Corpus, findings: readonly Finding[]): KnownBlock {
  return {
    type: 'section',
    fields: findings.slice(0, 10).map((f) => {
      const { mark, words } = DETERMINATION_WORDS[f.determination];
      const payer = payerName(corpus, f.payer);
      return {
        type: 'mrkdwn',
        text: clip(`*${escapeMrkdwn(payer)}*\n${mark} ${words}\n_${escapeMrkdwn(f.citation.section)}_`, LIMITS.field),
      };
    }),
  };
}

function textBlocks(answer: Answer): KnownBlock[] {
  const title =
    answer.intent === 'code_lookup'
      ? '🔎 Code lookup'
      : answer.intent === 'policy_info'
        ? 'ℹ️ Policy information'
        : '🤖 IGRT policy assistant';
  const paragraphs = answer.text.split(/\n{2,}/).filter((p) => p.trim());
  return [header(title), ...paragraphs.slice(0, 40).map((p) => section(escapeMrkdwn(p)))];
}

/** A claim check's blocks around its table, and the table itself (filled in by `claimTableBlocks`). */
interface ClaimParts {
  readonly before: KnownBlock[];
  readonly after: KnownBlock[];
  readonly head: string;
  readonly rows: readonly string[];
  readonly file: ReplyFile;
}

/** A claim check: its title and date, then (later) the verdict table, then the summary and its notes. */
function claimParts(corpus: Corpus, answer: Answer, claim: ClaimView): ClaimParts {
  const table = claimTable(claim.rows, (id) => payerName(corpus, id));
  const title = [...(answer.notices ?? []), claimTitle(corpus, claim)];
  if (answer.dateOfService) title.push(dateLine(answer.dateOfService));
  const after = [
    ...(answer.summary ? [`*Summary:* ${escapeMrkdwn(answer.summary)}`] : []),
    ...[...(answer.assumptions ?? []), ...(answer.changes ?? []).map(changeLine)].map(escapeMrkdwn),
  ];
  const [head = '', ...rows] = table.split('\n');
  return {
    before: [header('🧾 Claim check'), context(title.join('\n'))],
    after: after.length > 0 ? [section(after.join('\n'))] : [],
    head,
    rows,
    file: { filename: 'claim-check.txt', title: claimTitle(corpus, claim), content: table },
  };
}

function hiddenNote(hidden: number): KnownBlock {
  return section(
    `_${hidden} more line(s) than a message holds: the whole table follows as the file claim-check.txt (in a DM for a private answer)._`,
  );
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The verdict table as preformatted sections, every line that fits in what the rest of the
 * message (`others`) leaves of Slack's size and block limits, split between rows. Lines that do
 * not fit are said ("N more line(s) …") and the whole table is `file`: nothing is dropped silently.
 */
function claimTableBlocks(parts: ClaimParts, others: readonly KnownBlock[]): { blocks: KnownBlock[]; file?: ReplyFile } {
  const budget = {
    bytes: LIMITS.messageBytes - bytesOf(others) - bytesOf(hiddenNote(parts.rows.length)),
    sections: LIMITS.blocks - others.length - 1,
  };
  const room = LIMITS.sectionText - 8;
  const top = escapeMrkdwn(parts.head);
  const preformatted = (text: string) => section(`\`\`\`${text}\`\`\``);
  const blocks: KnownBlock[] = [];
  let used = 0;
  let shown = 0;
  let text = top;
  let count = 0;
  const close = () => {
    const block = preformatted(text);
    blocks.push(block);
    used += bytesOf(block);
    text = top;
    count = 0;
  };
  for (const row of parts.rows) {
    const line = clip(escapeMrkdwn(row), room - top.length - 1);
    if (count > 0 && text.length + 1 + line.length > room) close();
    if (blocks.length >= budget.sections) break;
    const candidate = `${text}\n${line}`;
    if (used + bytesOf(preformatted(candidate)) > budget.bytes) break;
    text = candidate;
    count += 1;
    shown += 1;
  }
  if (count > 0) close();
  const hidden = parts.rows.length - shown;
  return hidden > 0 ? { blocks: [...blocks, hiddenNote(hidden)], file: parts.file } : { blocks };
}

function fallback(corpus: Corpus, answer: Answer): string {
  if (answer.findings.length === 0) return answer.text;
  return answer.findings.map((f) => `${payerName(corpus, f.payer)}: ${DETERMINATION_WORDS[f.determination].words}`).join(' · ');
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.header), emoji: true } };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(text), LIMITS.field) }] };
}

/** Keeps a message within the block limit, keeping the last blocks (follow-up question and buttons, Share, feedback, disclaimer). */
function withinBlockLimit(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const tail = blocks.slice(-5);
  return [
    ...blocks.slice(0, LIMITS.blocks - tail.length - 1),
    section('_…more in the full answer (ask in a DM or narrow the question)._'),
    ...tail,
  ];
}

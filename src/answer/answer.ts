import { mergeTurn, type Turn } from '../context/merge.js';
import type { ContextStore } from '../context/store.js';
import type { Answer, DateUsed } from '../contract/answer.js';
import { dateOfService } from '../nlu/details.js';
import { MAX_QUESTION_LENGTH } from '../nlu/normalise.js';
import { parseQuestion } from '../nlu/parse.js';
import { renderText } from '../render/text.js';
import { helpAnswer, outOfScopeAnswer, unknownPayerAnswer } from './canned.js';
import { caseAnswer } from './case-answer.js';
import { claimAnswer } from './claim-answer.js';
import { codeLookup } from './code-lookup.js';
import { defaultPipeline, type Pipeline } from './pipeline.js';
import { policyInfo } from './policy-info.js';

/** Where a question comes from: its thread (for follow-ups) and the store that remembers threads. */
export interface AskContext {
  readonly threadId?: string;
  readonly store?: ContextStore;
  /** The date answers are stated against when the question gives no date of service (YYYY-MM-DD). */
  readonly today?: string;
  readonly pipeline?: Pipeline;
}

function pipelineOf(context: AskContext): Pipeline {
  return context.pipeline ?? defaultPipeline();
}

/** Answers one question: parse → merge thread context → evaluate → retrieve excerpts → compose. Never throws for user input. */
export async function answer(question: unknown, context: AskContext = {}): Promise<Answer> {
  if (typeof question !== 'string') return helpAnswer(pipelineOf(context), 'I can only read text questions.');
  const pipeline = pipelineOf(context);
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const parsed = parseQuestion(pipeline, question, today);
  if (parsed.empty) return helpAnswer(pipeline, 'I didn’t catch a question there.');
  const { threadId, store } = context;
  const previous = threadId && store ? await store.get(threadId) : undefined;
  const turn = mergeTurn(parsed, previous, pipeline.corpus);
  if (parsed.otherPayers.length > 0 && parsed.payers.length === 0 && turn.intent !== 'help') {
    return unknownPayerAnswer(pipeline, turn.intent, parsed.otherPayers);
  }
  const date = dateOfService(parsed.dateOfService, today);
  const composed =
    parsed.claimCheck && turn.intent !== 'help' && turn.intent !== 'out_of_scope'
      ? claimAnswer(pipeline, turn, parsed.codes, date)
      : compose(pipeline, turn, question, (parsed.scores.billing ?? 0) > 0, date, parsed.codeChoice);
  if (threadId && store && turn.intent !== 'help' && turn.intent !== 'out_of_scope') {
    await store.set(threadId, {
      intent: turn.intent,
      facts: turn.facts,
      payers: turn.payers,
      ...(Object.keys(turn.excluded).length > 0 ? { excluded: turn.excluded } : {}),
      ...(composed.followUp ? { awaiting: composed.followUp.fact } : {}),
    });
  }
  const notices = [
    parsed.truncated ? `(Your message was long; I read its first ${MAX_QUESTION_LENGTH} characters.)` : '',
    parsed.otherPayers.length > 0 ? `(I have no policy for ${parsed.otherPayers.join(', ')}; it is left out.)` : '',
  ].filter(Boolean);
  const structured = notices.length > 0 ? { ...composed, notices } : composed;
  return { ...structured, text: renderText(pipeline.corpus, structured) };
}

/** The answer for the turn's intent; `text` is the body for answers with no structured view (see renderText). */
function compose(
  pipeline: Pipeline,
  turn: Turn,
  question: string,
  billingWords: boolean,
  date: DateUsed,
  codeChoice: boolean,
): Answer {
  const facts = { ...turn.facts, ...(turn.payers.length > 0 ? { payer: turn.payers } : {}) };
  // "Which code for IGRT in HOPPS?" names no code to look up: the policy's coding text answers it.
  const codes = Array.isArray(turn.facts.codes) ? turn.facts.codes : [];
  const intent = turn.intent === 'code_lookup' && codes.length === 0 ? 'policy_info' : turn.intent;
  switch (intent) {
    case 'help':
      return helpAnswer(pipeline);
    case 'out_of_scope':
      return outOfScopeAnswer(pipeline);
    case 'policy_info': {
      const payers = turn.payers.length > 0 ? turn.payers : [...pipeline.corpus.policies.keys()];
      const { findings, lines } = policyInfo(pipeline, payers, question);
      return { intent: 'policy_info', findings, text: lines.join('\n\n'), facts };
    }
    case 'code_lookup': {
      const { findings, lines } = codeLookup(pipeline, codes, date.date, codeChoice);
      return { intent: 'code_lookup', findings, text: lines.join('\n'), facts, dateOfService: date };
    }
    default:
      return { ...caseAnswer(pipeline, turn, question, billingWords, date), facts };
  }
}

import { carriedIntoNewCase, caseBoundary } from '../context/case-boundary.js';
import { mergeTurn, type Turn } from '../context/merge.js';
import type { ContextStore, ThreadState } from '../context/store.js';
import { type Answer, CASE_INTENTS, type DateUsed } from '../contract/answer.js';
import { dateOfService } from '../nlu/details.js';
import { neutralise } from '../nlu/instructions.js';
import { MAX_QUESTION_LENGTH } from '../nlu/normalise.js';
import { type ParsedQuestion, parseQuestion } from '../nlu/parse.js';
import { renderText } from '../render/text.js';
import { helpAnswer, newCaseAnswer, outOfScopeAnswer, unknownPayerAnswer } from './canned.js';
import { caseAnswer } from './case-answer.js';
import { claimAnswer } from './claim-answer.js';
import { codeLookup, methodLookup } from './code-lookup.js';
import { describeCarried } from './describe-facts.js';
import { localDate } from './local-date.js';
import { answerPerPatient } from './patients.js';
import { defaultPipeline, type Pipeline } from './pipeline.js';
import { policyInfo } from './policy-info.js';

/** Where a question comes from: its thread (for follow-ups) and the store that remembers threads. */
export interface AskContext {
  readonly threadId?: string;
  readonly store?: ContextStore;
  /** The date answers are stated against when the question gives no date of service (YYYY-MM-DD). */
  readonly today?: string;
  /** The clock (tests inject it); today is its date in `timeZone`. */
  readonly now?: Date;
  /** The asker's IANA time zone, for what "today" means to them; UTC when not given. */
  readonly timeZone?: string;
  /** A conversation idle longer than this starts afresh (slash commands: shorter than the store keeps threads). */
  readonly maxIdleMs?: number;
  readonly pipeline?: Pipeline;
}

function pipelineOf(context: AskContext): Pipeline {
  return context.pipeline ?? defaultPipeline();
}

/** Answers one question: parse → merge thread context → evaluate → retrieve excerpts → compose. Never throws for user input. */
export async function answer(raw: unknown, context: AskContext = {}): Promise<Answer> {
  if (typeof raw !== 'string') return helpAnswer(pipelineOf(context), 'I can only read text questions.');
  const pipeline = pipelineOf(context);
  const now = context.now ?? new Date();
  const today = context.today ?? localDate(now, context.timeZone);
  // Instructions aimed at the bot and pasted machine output are set aside before anything is read.
  const { text: asked, instructions, machineLines } = neutralise(pipeline.instructions, raw);
  const parsed = parseQuestion(pipeline, asked, today);
  if (parsed.empty || (instructions + machineLines > 0 && !parsed.inDomain))
    return setAside(pipeline, instructions, machineLines);
  const question = asked;
  const { threadId, store } = context;
  const stored = threadId && store ? await store.get(threadId) : undefined;
  const fresh =
    stored && !(context.maxIdleMs !== undefined && stored.at !== undefined && now.getTime() - stored.at > context.maxIdleMs);
  const boundary = caseBoundary(pipeline.caseCues, question, parsed, fresh ? stored : undefined);
  if (boundary === 'reset') {
    if (threadId && store) await store.set(threadId, { intent: 'help', facts: {}, payers: [], at: now.getTime() });
    return newCaseAnswer(pipeline);
  }
  const { administrative, patient } = pipeline.caseCues;
  const keep = boundary === 'new' ? administrative : boundary === 'new-target' ? [...administrative, ...patient] : undefined;
  const previous = fresh && stored ? (keep ? carriedIntoNewCase(stored, keep) : stored) : undefined;
  const turn = mergeTurn(parsed, previous, pipeline.corpus, boundary === 'said-same');
  if (parsed.otherPayers.length > 0 && parsed.payers.length === 0 && turn.intent !== 'help') {
    return unknownPayerAnswer(pipeline, turn.intent, parsed.otherPayers);
  }
  const date: DateUsed =
    !parsed.dateOfService && previous?.dateOfService
      ? { date: previous.dateOfService.date, from: 'earlier', written: previous.dateOfService.written }
      : dateOfService(parsed.dateOfService, today);
  const answered = turn.intent !== 'help' && turn.intent !== 'out_of_scope';
  const composed =
    parsed.claimCheck && answered
      ? claimAnswer(pipeline, turn, parsed.codes, date)
      : withPolicyFacts(
          pipeline,
          compose(pipeline, turn, question, (parsed.scores.billing ?? 0) > 0, date, parsed),
          parsed,
          question,
        );
  // Patients on different plans are answered each on their own facts; otherwise no finding comes from the mixture.
  const alone = { today, now, pipeline, ...(context.timeZone ? { timeZone: context.timeZone } : {}) };
  // Numbered items ("1) … 2) …") are patients only when each names its own payer; named patients always are.
  const perPatient =
    answered && CASE_INTENTS.has(composed.intent) && !parsed.claimCheck
      ? await answerPerPatient(pipeline, question, today, (part) => answer(part, alone))
      : undefined;
  const oneCase = perPatient ?? ((parsed.patients ?? 1) > 1 ? oneCaseAtATime(composed) : composed);
  if (threadId && store && answered)
    await store.set(threadId, threadState(turn, oneCase, parsed.age ?? previous?.age, date, now));
  const carried = answered && previous ? carriedLabels(pipeline, turn, parsed, previous, oneCase, date) : [];
  const notices = [
    instructions > 0 ? IGNORED_INSTRUCTION : '',
    parsed.truncated ? `(Your message was long; I read its first ${MAX_QUESTION_LENGTH} characters.)` : '',
    parsed.otherPayers.length > 0 ? `(I have no policy for ${parsed.otherPayers.join(', ')}; it is left out.)` : '',
    // "<payer B> is owned by <payer A>, so …": what that payer is to one here, as the policy's own scope allows.
    ...new Set(parsed.otherPayers.flatMap((n) => pipeline.lexicon.payerRelations.get(n) ?? [])),
  ].filter(Boolean);
  const said = [...(oneCase.notices ?? []), ...notices];
  const structured = {
    ...oneCase,
    ...(said.length > 0 ? { notices: said } : {}),
    ...(carried.length > 0 ? { carried } : {}),
  };
  return { ...structured, text: renderText(pipeline.corpus, structured) };
}

/**
 * A message about two patients ("Pt A (payer 1) prostate … Pt B (payer 2) rib met …") mixes their
 * facts: no finding is given from the mixture; each case is asked for on its own.
 */
function oneCaseAtATime(composed: Answer): Answer {
  if (!CASE_INTENTS.has(composed.intent) || composed.findings.length === 0) return composed;
  const reason = 'This message describes more than one patient; ask about one patient at a time so their facts are not mixed.';
  return {
    ...composed,
    findings: composed.findings.map((f) => ({
      ...f,
      determination: 'needs_info' as const,
      missing: ['diagnosis'],
      reason,
      assumed: [],
    })),
    notices: [...(composed.notices ?? []), `(${reason})`],
  };
}

const IGNORED_INSTRUCTION =
  '(Part of your message read as an instruction to me rather than a question; I set it aside. My answers come only from the policies.)';

/** The reply when nothing is left to read once instructions and machine output are set aside. */
function setAside(pipeline: Pipeline, instructions: number, machineLines: number): Answer {
  if (instructions > 0) {
    const structured = { ...outOfScopeAnswer(pipeline), notices: [IGNORED_INSTRUCTION] };
    return { ...structured, text: renderText(pipeline.corpus, structured) };
  }
  if (machineLines > 0) {
    return helpAnswer(
      pipeline,
      `I couldn’t find an IGRT question in that: it reads as ${machineLines} lines of machine output (log lines). Ask about a case, a code or a policy and I’ll answer from the policies.`,
    );
  }
  return helpAnswer(pipeline, 'I didn’t catch a question there.');
}

/** What the thread keeps after a turn: the case, the fact asked for, the date of service, the age, and when. */
function threadState(turn: Turn, composed: Answer, age: number | undefined, date: DateUsed, now: Date): ThreadState {
  return {
    intent: turn.intent,
    facts: turn.facts,
    payers: turn.payers,
    ...(Object.keys(turn.excluded).length > 0 ? { excluded: turn.excluded } : {}),
    ...(Object.keys(turn.earlier).length > 0 ? { earlier: turn.earlier } : {}),
    ...(composed.followUp ? { awaiting: composed.followUp.fact } : {}),
    ...(date.from !== 'today' ? { dateOfService: { date: date.date, written: date.written ?? date.date } } : {}),
    ...(age !== undefined ? { age } : {}),
    at: now.getTime(),
  };
}

/** The earlier facts this answer used, said back; the date of service only where the answer is stated for one. */
function carriedLabels(
  pipeline: Pipeline,
  turn: Turn,
  parsed: ReturnType<typeof parseQuestion>,
  previous: ThreadState,
  composed: Answer,
  date: DateUsed,
): string[] {
  const labels = describeCarried(pipeline.corpus, turn, parsed, previous);
  if (date.from === 'earlier' && composed.dateOfService) labels.push(`date of service ${date.date}`);
  return labels;
}

/** A case answered with the question about the policy asked beside it ("… and what's its number?"), if any. */
function withPolicyFacts(pipeline: Pipeline, composed: Answer, parsed: ParsedQuestion, question: string): Answer {
  if (parsed.also !== 'policy_info' || !CASE_INTENTS.has(composed.intent)) return composed;
  const payers = parsed.payers.length > 0 ? parsed.payers : [...pipeline.corpus.policies.keys()];
  const { lines } = policyInfo(pipeline, payers, question);
  return lines.length > 0 ? { ...composed, also: lines } : composed;
}

/** The answer for the turn's intent; `text` is the body for answers with no structured view (see renderText). */
function compose(
  pipeline: Pipeline,
  turn: Turn,
  question: string,
  billingWords: boolean,
  date: DateUsed,
  parsed: Pick<ParsedQuestion, 'codeChoice' | 'methods'>,
): Answer {
  const facts = { ...turn.facts, ...(turn.payers.length > 0 ? { payer: turn.payers } : {}) };
  // "Which code for IGRT in HOPPS?" names no code to look up: the policy's coding text answers it.
  const codes = Array.isArray(turn.facts.codes) ? turn.facts.codes : [];
  // "Which code for CBCT?" names a method instead: the codes that report it answer.
  const lookup = turn.intent === 'code_lookup' && codes.length === 0;
  const byMethod = lookup && parsed.methods.length > 0;
  const intent = lookup && !byMethod ? 'policy_info' : turn.intent;
  switch (intent) {
    case 'help':
      return helpAnswer(pipeline);
    case 'out_of_scope':
      return outOfScopeAnswer(pipeline);
    case 'policy_info': {
      // "Does this policy apply to them?" with who they are stated: the scope rules answer it.
      const population = Object.keys(turn.facts).some((fact) => pipeline.corpus.facts[fact]?.population);
      if (population) {
        const scoped = caseAnswer(pipeline, { ...turn, intent: 'coverage' }, question, false, date);
        if (scoped.findings.some((f) => f.determination === 'not_applicable')) return { ...scoped, facts };
      }
      const payers = turn.payers.length > 0 ? turn.payers : [...pipeline.corpus.policies.keys()];
      const { findings, lines } = policyInfo(pipeline, payers, question);
      return { intent: 'policy_info', findings, text: lines.join('\n\n'), facts };
    }
    case 'code_lookup': {
      const { findings, lines } = byMethod
        ? methodLookup(pipeline, parsed.methods, date.date)
        : codeLookup(pipeline, codes, date.date, parsed.codeChoice);
      return { intent: 'code_lookup', findings, text: lines.join('\n'), facts, dateOfService: date };
    }
    default:
      return { ...caseAnswer(pipeline, turn, question, billingWords, date), facts };
  }
}

import { impliedFacts, isIgrtMethod } from '../codes/facts.js';
import type { CodeTable } from '../codes/table.js';
import type { Intent } from '../contract/answer.js';
import type { Corpus } from '../policy/corpus.js';
import type { Facts, FactValue } from '../policy/facts.js';
import { askedParts } from './asked.js';
import { assertMentions } from './assertion.js';
import { type CodeMention, extractCodes, isClaimCheck } from './codes.js';
import type { AssertionCues } from './cues.js';
import {
  agesOn,
  dateOfService as dateUsed,
  extractAge,
  extractBirth,
  extractDate,
  type StatedDate,
  withoutBirth,
} from './details.js';
import { type Found, findPhrases } from './extract.js';
import { histologyPhrases } from './histology.js';
import { inPastClause, pastRadiation, readHistory } from './history.js';
import { type IcdTable, icdPhrases, readIcdCodes } from './icd10.js';
import { type MethodTable, methodMentions, methodPairs } from './igrt-methods.js';
import { CODE_PATTERN, type IntentModel, scoreIntents } from './intents.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import { type DayReading, readDays } from './method-days.js';
import { endsSentence, MAX_QUESTION_LENGTH, normaliseText, tokenise } from './normalise.js';
import { labelsTwoPatients } from './patients.js';
import { compilePattern, longestAt, matchAt, type Pattern } from './patterns.js';
import {
  type Composed,
  composedOrganProximity,
  composedReirradiation,
  composedSamePlace,
  earlierTreatments,
  placesSaidTreated,
  type ReirradiationTable,
  readClauses,
  relationsAimedAtOrgans,
} from './reirradiation.js';
import { resolveFacts, type UnsureFact } from './resolve-facts.js';

/** What one message says, before any thread context is merged in. */
export interface ParsedQuestion {
  /** The intent the words point to, or undefined when they point nowhere (a bare follow-up). */
  readonly intent: Intent | undefined;
  readonly scores: Readonly<Partial<Record<Intent, number>>>;
  readonly facts: Facts;
  readonly conflicts: readonly { fact: string; values: readonly FactValue[] }[];
  /** Enum values ruled out ("not prone"). */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** Facts read from doubtful wording; kept out of `facts` until confirmed. */
  readonly unsure: readonly UnsureFact[];
  /** Facts stated as a what-if, for this answer only. */
  readonly whatIf: Facts;
  readonly payers: readonly string[];
  readonly codes: readonly CodeMention[];
  readonly dateOfService?: StatedDate;
  readonly age?: number;
  /** Whether it speaks of this bot's subject at all (recognised facts, codes or domain words). */
  readonly inDomain: boolean;
  readonly truncated: boolean;
  readonly empty: boolean;
  readonly yesNo?: boolean;
  /** A policy question that names no topic of its own ("what does <payer A> say about that?"): in a thread, about the case. */
  readonly topicless?: true;
  /** A choice between codes ("bill 77421 or G6002?"): which one to report. */
  readonly codeChoice: boolean;
  /** A list of claim lines to check ("check 77385 77387-TC G6002 …"). */
  readonly claimCheck: boolean;
  /** Payers named that have no policy here (Aetna, Cigna …). */
  readonly otherPayers: readonly string[];
  /** More than one patient described: the facts read are no single case. */
  readonly patients?: number;
  /** A second question beside the case's: one about the policy itself. */
  readonly also?: 'policy_info';
  /** IGRT methods named by their words or devices (ids of intents/igrt-methods.yaml), each once. */
  readonly methods: readonly string[];
}

/** The loaded language data the parser needs. */
export interface NluModel {
  readonly corpus: Corpus;
  readonly lexicon: Lexicon;
  readonly cues: AssertionCues;
  readonly intents: IntentModel;
  readonly codes: CodeTable;
  /** ICD-10-CM codes → diagnosis facts (intents/icd10.yaml). */
  readonly icd: IcdTable;
  /** IGRT methods and the devices that name them (intents/igrt-methods.yaml). */
  readonly methods: MethodTable;
  /** Relations and references that compose a re-irradiation reading (intents/reirradiation.yaml). */
  readonly reirradiation: ReirradiationTable;
}

/** A choice between two codes ("77421 or G6002?"): which to report, not two methods. */
const CODE_CHOICE = new RegExp(
  `\\b${CODE_PATTERN}(?:[- ]?(?:tc|26))?\\s*(?:,\\s*)?\\b(?:or|vs\\.?|versus|instead of|rather than)\\s+(?:cpt |hcpcs |code )?${CODE_PATTERN}\\b`,
);

/** Parses one message: normalise → extract facts, codes, ages, dates → score intent templates. */
export function parseQuestion(model: NluModel, raw: string, today = new Date().toISOString().slice(0, 10)): ParsedQuestion {
  const truncated = raw.length > MAX_QUESTION_LENGTH;
  // ICD-10-CM codes are read first and stand as one placeholder word, so their digits are not a date or a dose.
  const icd = readIcdCodes(model.icd, normaliseText(truncated ? raw.slice(0, MAX_QUESTION_LENGTH) : raw));
  const text = icd.text;
  const empty = !/[a-z0-9]/.test(text);
  const tokens = tokenise(text);
  const phrases = findPhrases(tokens, model);
  const cues = phrases.cues;
  // Codes and histology endings add readings where no lexicon phrase stood; one assertion pass settles all.
  const extra = [...icdPhrases(tokens, icd.codes), ...histologyPhrases(tokens, phrases.found, model.lexicon)];
  const all = extra.length > 0 ? [...phrases.found, ...extra].sort((a, b) => a.start - b.start) : phrases.found;
  // The clauses as the composed readings below see them, read once for all of them.
  const clauses = readClauses(model.reirradiation, tokens, cues);
  // "same region as the cord" places the target by an organ; it is not re-irradiation.
  const aimed = relationsAimedAtOrgans(model.reirradiation, tokens, all, clauses);
  // "that lobe got SBRT in 2023", "overlaps the SRS cavity treated 2024": the earlier treatment's modality, not this one's.
  const before = earlierTreatments(all, clauses);
  // "the same area was never treated": the statement says whether that place was treated, not "same area" alone.
  const placed = placesSaidTreated(all, clauses);
  // "Hx: SBRT 54/3 to a RUL nodule in 2021": a line of history names an earlier course.
  // "got 8 Gy to the R femur last year": radiation given in a clause set in the past is history too.
  const history = readHistory(
    model.reirradiation,
    tokens,
    all,
    pastRadiation(model.reirradiation, tokens, clauses.clauses, cues),
  );
  const dropped = new Set([
    ...aimed,
    ...before,
    ...placed,
    ...dismissedBySite(all),
    ...policyReferences(model.lexicon, tokens, all),
    ...coursesBefore(tokens, all),
    ...(history?.earlier ?? []),
  ]);
  // "SBRT was discussed at TB but we're doing 3D": a treatment only weighed gives way to one stated.
  for (const f of givingWay(all, dropped, weighed(model.lexicon, tokens))) dropped.add(f);
  // "1st course 2021 was electrons …, now curative 3D": a modality set in the past is an earlier course's.
  for (const f of givingWay(all, dropped, inPastClause(model.reirradiation, tokens, clauses.clauses))) dropped.add(f);
  const found = dropped.size > 0 ? all.filter((f) => !dropped.has(f)) : all;
  const corrections = cues.filter((c) => c.kinds.includes('correction')).map((c) => c.start);
  const resolved = resolveFacts(assertMentions(tokens, found, cues, model.cues), model.corpus, corrections);
  // "when did policy 139 take effect?": a policy named by its number names its payer.
  const numbered = resolved.payers.length === 0 ? payersByNumber(model.corpus, text) : [];
  const stated = numbered.length > 0 ? { ...resolved, payers: numbered } : resolved;
  const codes = extractCodes(text);
  // "12 yo — typo, 72 yo": an age after the last correction replaces one before it.
  const lastCorrection = corrections.at(-1);
  const age = (lastCorrection === undefined ? undefined : extractAge(tokens.slice(lastCorrection).join(' '))) ?? extractAge(text);
  const dateOfService = extractDate(withoutBirth(text));
  const birth = extractBirth(text);

  const facts: Record<string, FactValue> = { ...stated.facts, ...bySite(found, stated.facts) };
  const settled = settledBySite(found, stated.unsure, facts);
  Object.assign(facts, settled);
  for (const mention of codes) Object.assign(facts, { ...impliedFacts(model.codes, mention.code), ...facts });
  if (codes.length > 0) facts.codes = codes.map((c) => c.code);
  // Echoed back ("C61 → prostate cancer"), a code with no mapping included, so nothing is guessed unseen.
  if (icd.codes.length > 0) facts.icdCodes = icd.codes.map((c) => c.echo);
  // "77421 or G6002?" asks which code to report, not whether two methods were used.
  const codeChoice = CODE_CHOICE.test(text);
  const unsure = stated.unsure.filter((u) => settled[u.fact] === undefined);
  // An IGRT method named ("stereoscopic kV", "ExacTrac") says the question is ours, whatever else it says.
  const mentions = methodMentions(
    model.methods,
    tokens,
    cues,
    found,
    (t) => hasDigit(t) && isIgrtMethod(model.codes, t.toUpperCase()),
  );
  if (!codeChoice) {
    // Two different methods named by any of their words, devices or codes ("CBCT then ExacTrac"), and on which days.
    const pairs = methodPairs(tokens, mentions);
    const together = pairs.length > 0 || new Set(codes.map((c) => c.code).filter((c) => isIgrtMethod(model.codes, c))).size >= 2;
    const said = { tokens, cues, transparent: model.cues.transparent, found, mentions, pairs };
    sameDay(facts, unsure, together, readDays(model.methods.days, said));
  }
  const modifier = codes.find((c) => c.modifier)?.modifier;
  if (modifier) facts.modifier = modifier === 'TC' ? 'tc' : 'professional';
  if (age !== undefined) facts.age = age < 18 ? 'pediatric' : 'adult';
  const clauseText = { tokens, cues, transparent: model.cues.transparent, found };
  // "that area got 20/5 in 2022": the same place, treated, earlier. It says where, so it settles a
  // bare history ("had RT") or a negation whose reach was unclear when it reads the same way.
  if (facts.priorIrradiation === undefined) samePlace(unsure, facts, composedSamePlace(clauseText, clauses));
  // "overlaps the 2019 field", "retreating the same region": composed in a clause, read only where no phrase said it either way.
  // "right next to the old prostate PTV" says where a bare history ("had prostate RT in 2018") was.
  const saidPrior = unsure.some((u) => u.fact === 'priorIrradiation');
  const composed = facts.priorIrradiation === undefined ? composedReirradiation(clauseText, clauses) : undefined;
  if (composed === 'stated') settlePrior(unsure, facts, true);
  else if (!saidPrior && (composed === 'hedged' || composed === 'measured'))
    unsure.push({
      fact: 'priorIrradiation',
      value: true,
      negated: false,
      doubt: { kind: composed === 'hedged' ? 'hedge' : 'distance' },
    });
  // Radiation in a line of history or a clause set in the past: where it was is asked, unless it was a level this course treats again.
  if (history?.radiation && facts.priorIrradiation === undefined && !unsure.some((u) => u.fact === 'priorIrradiation')) {
    if (history.samePlace) facts.priorIrradiation = true;
    else unsure.push({ fact: 'priorIrradiation', value: true, negated: false, doubt: { kind: 'proximity' } });
  }
  // "IMRT request for a meningioma is still pending UM review": a state said further on in the IMRT's sentence is asked about.
  const imrt = found.filter((f) => f.phrase.entry.set.modality === 'imrt');
  if (
    facts.imrtApproved === undefined &&
    !unsure.some((u) => u.fact === 'imrtApproved') &&
    imrt.some((f) => stateLater(model.lexicon, tokens, f, ['awaiting', 'refused']))
  )
    unsure.push({ fact: 'imrtApproved', value: false, negated: false, doubt: { kind: 'ambiguous' } });
  // "whole pelvis now, boost not started", "before the boost": a phase not begun may not be the one asked about.
  const boost = found.filter((f) => f.phrase.entry.set.boost === true);
  if (facts.boost === true && boost.length > 0 && boost.every((f) => notBegun(model.lexicon, tokens, f))) {
    delete facts.boost;
    unsure.push({ fact: 'boost', value: true, negated: false, doubt: { kind: 'ambiguous' } });
  }
  // "PTV abuts the spinal cord", "within 5 mm of the brainstem": a relation and an organ at risk in one clause.
  organProximity(facts, unsure, composedOrganProximity(clauseText, clauses));
  if (age === undefined && birth) {
    // A birth date gives the age on the date of service; a birth year alone may leave it at 17 or 18.
    const groups = new Set(agesOn(birth, dateUsed(dateOfService, today).date).map((a) => (a < 18 ? 'pediatric' : 'adult')));
    const [group] = groups;
    if (groups.size === 1 && group) facts.age = group;
    else unsure.push({ fact: 'age', value: 'pediatric', negated: false, doubt: { kind: 'ambiguous' } });
  }

  const otherPayers = namedIn(tokens, model.lexicon.otherPayers);
  // An age alone ("a UTI in a 70yo") says nothing of the subject: a question about anything may give one.
  const recognised =
    Object.keys(facts).filter((fact) => fact !== 'age').length +
    Object.keys(stated.whatIf).length +
    Object.keys(stated.excluded).length +
    unsure.length +
    stated.payers.length +
    stated.conflicts.length;
  const aboutPayers =
    stated.payers.length >= 2 ||
    /\b(payers?|policies|both|each|two|they|them|other (policy|plan|payer|one))\b|^\s*compare\b/.test(text);
  const score = (part: string) => scoreIntents(model.intents, part);
  // "Which code for CBCT?": a method named, with no case around it, is looked up like a code.
  const methodAlone = mentions.length > 0 && facts.modality === undefined && facts.diagnosis === undefined;
  const pick = (scores: Partial<Record<Intent, number>>) =>
    pickIntent(model.intents.order, scores, codes.length > 0 || methodAlone, aboutPayers);
  // A question sentence outranks what the rest of the message mentions; when it says too
  // little to pick an intent ("ok?"), the whole message does.
  const { asked, questions: only } = askedParts(text);
  const askedScores = asked === undefined ? undefined : score(asked);
  // The question sentences alone decide when they clearly favour one intent; else with the sentence before.
  // A terse question ("allowed?") leans on what came before it.
  const onlyScores = only === undefined || only.split(' ').length < 4 ? undefined : score(only).scores;
  const clear = onlyScores && clearWinner(onlyScores) ? pick(onlyScores) : undefined;
  const askedIntent = askedScores && pick(askedScores.scores);
  const { scores: scored, topicless } = askedIntent && askedScores ? askedScores : score(text);
  const framed = askedIntent ?? pick(scored);
  // It settles only whether a case is asked about as coverage or as billing: a comparison the message
  // frames ("<payer A> vs <payer B>: … IGRT?") or a policy question beside the case stays what the message makes it.
  const picked = clear !== undefined && framed !== undefined && CASE_ONLY.has(clear) && CASE_ONLY.has(framed) ? clear : framed;
  // "Can we bill 77387 or G6002 in addition to the SRS codes?": a choice of codes in a case is billing;
  // so is "IMRT in the office: which code do we put down for the ultrasound guidance?", a method's code in a case.
  const codeInCase =
    facts.modality !== undefined &&
    ((picked === 'code_lookup' && (scored.billing ?? 0) > 0) ||
      (picked === 'policy_info' && mentions.length > 0 && WHICH_CODE.test(text)));
  const chosen = codeInCase ? 'billing' : picked;
  // "Does the policy apply to a FIDE-SNP, and is IGRT necessary with IMRT?": a case and a question
  // about the policy; the case is answered, and the policy question after it.
  const asksCase = facts.modality !== undefined || facts.diagnosis !== undefined;
  const caseIntent = (scored.billing ?? 0) > (scored.coverage ?? 0) ? 'billing' : 'coverage';
  const both =
    chosen === 'policy_info' &&
    asksCase &&
    Math.max(scored.coverage ?? 0, scored.billing ?? 0) >= 2 &&
    SECOND_QUESTION.test(text);
  // "Does <payer A>'s policy cover a <payer B> member getting curative cervix 3D?": a whole case asked as a
  // policy question is a case question, when the case words weigh as much.
  const wholeCase = facts.modality !== undefined && facts.diagnosis !== undefined;
  // A policy question that names no topic ("… what does <payer A> say?") weighs nothing against it.
  const ownTopic = (scored.policy_info ?? 0) - (topicless.policy_info ?? 0);
  const asCase = chosen === 'policy_info' && wholeCase && Math.max(scored.coverage ?? 0, scored.billing ?? 0) >= ownTopic;
  const intent = both || asCase ? caseIntent : chosen;
  const pointsBack = intent === 'policy_info' && ownTopic <= 0;
  // "When was the policy last reviewed?" names no payer or treatment, yet is plainly ours.
  const aboutThePolicy = intent === 'policy_info' && /\bpolic(y|ies)\b/.test(text);
  const inDomain = recognised > 0 || mentions.length > 0 || aboutThePolicy || model.intents.domain.test(text);
  const yesNo = /^(yes|yeah|yep|y|correct|true|it is|they are|no|nope|n|false|it is not|not)\b[\s.!]*$/.test(text)
    ? /^(yes|yeah|yep|y|correct|true|it is|they are)\b/.test(text)
    : undefined;
  return {
    intent,
    scores: scored,
    facts,
    conflicts: stated.conflicts,
    excluded: stated.excluded,
    unsure,
    whatIf: stated.whatIf,
    payers: stated.payers,
    codes,
    ...(dateOfService ? { dateOfService } : {}),
    ...(age !== undefined ? { age } : {}),
    inDomain: inDomain || otherPayers.length > 0,
    codeChoice,
    claimCheck: isClaimCheck(text, codes),
    otherPayers,
    ...(both ? { also: 'policy_info' as const } : {}),
    ...(pointsBack ? { topicless: true as const } : {}),
    ...(labelsTwoPatients(text) ? { patients: 2 } : {}),
    methods: [...new Set(mentions.filter((m) => !m.method.startsWith('code ')).map((m) => m.method))],
    truncated,
    empty,
    ...(yesNo !== undefined ? { yesNo } : {}),
  };
}

/**
 * Settles whether more than one IGRT method is used on one day: different days said or shown
 * ("Monday kV, Tuesday CBCT") say no, over "two methods"; methods named together say yes unless
 * a day relation says otherwise; days that leave it open make it a reading to confirm, so the
 * answer asks where a one-method-per-day rule turns on it.
 */
function sameDay(facts: Record<string, FactValue>, unsure: UnsureFact[], together: boolean, days: DayReading): void {
  if (days === 'apart') facts.multipleMethodsSameDay = false;
  else if (days === 'unclear' && (together || facts.multipleMethodsSameDay === true)) {
    delete facts.multipleMethodsSameDay;
    unsure.push({ fact: 'multipleMethodsSameDay', value: true, negated: false, doubt: { kind: 'days' } });
  } else if (together) facts.multipleMethodsSameDay ??= true;
}

/** Settles re-irradiation from a same-place reading (see composedSamePlace). */
function samePlace(unsure: UnsureFact[], facts: Record<string, FactValue>, composed: Composed): void {
  if (composed === undefined) return;
  const readings = unsure.filter((u) => u.fact === 'priorIrradiation');
  if (composed === 'stated' || composed === 'negated') settlePrior(unsure, facts, composed === 'stated');
  else if (readings.length === 0) {
    const scope = composed === 'scope';
    const kind = scope ? 'scope' : composed === 'undated' ? 'when' : composed === 'otherTreatment' ? 'treatment' : 'hedge';
    unsure.push({ fact: 'priorIrradiation', value: !scope, negated: scope, doubt: { kind } });
  }
}

/** Settles re-irradiation from a composed reading where the phrases read it only with a doubt it resolves. */
function settlePrior(unsure: UnsureFact[], facts: Record<string, FactValue>, value: boolean): void {
  const readings = unsure.filter((u) => u.fact === 'priorIrradiation');
  if (!readings.every((u) => u.value === value && PLACED.has(u.doubt.kind))) return;
  for (let i = unsure.length - 1; i >= 0; i--) if (unsure[i]?.fact === 'priorIrradiation') unsure.splice(i, 1);
  facts.priorIrradiation = value;
}

/** Doubts a composed reading resolves: where a history was, how far a negation reached. */
const PLACED: ReadonlySet<string> = new Set(['proximity', 'scope']);

/**
 * Settles closeness to a critical structure from a composed reading, over what single phrases
 * said: a relation the lexicon's cues could not place ("does not overlap the cord") or
 * misread ("3 mm away from the brainstem" is close, not far). A stated closeness stands.
 */
function organProximity(facts: Record<string, FactValue>, unsure: UnsureFact[], composed: Composed): void {
  if (composed === undefined || facts.criticalStructure === true) return;
  for (let i = unsure.length - 1; i >= 0; i--) if (unsure[i]?.fact === 'criticalStructure') unsure.splice(i, 1);
  if (composed === 'stated' || composed === 'negated') {
    facts.criticalStructure = composed === 'stated';
    return;
  }
  delete facts.criticalStructure;
  // A negation whose reach is unclear is read as the lexicon reads one: "not close", to confirm.
  const scope = composed === 'scope';
  const kind = scope ? 'scope' : composed === 'hedged' ? 'hedge' : 'distance';
  unsure.push({ fact: 'criticalStructure', value: !scope, negated: scope, doubt: { kind } });
}

/**
 * The names that stand somewhere in the tokens, in list order, joined. Loops, not closures: a
 * closure per name and word was a third of what reading a question allocated.
 */
function namedIn(tokens: readonly string[], names: readonly (readonly string[])[]): string[] {
  const named: string[] = [];
  for (const name of names) {
    for (let i = 0; i < tokens.length; i++) {
      let k = 0;
      while (k < name.length && tokens[i + k] === name[k]) k++;
      if (k === name.length) {
        named.push(name.join(' '));
        break;
      }
    }
  }
  return named;
}

/** What a platform named ("CyberKnife") says once the site is known: SRS in the brain, SBRT elsewhere. */
function bySite(found: readonly { phrase: { entry: LexiconEntry } }[], facts: Facts): Facts {
  const diagnosis = facts.diagnosis;
  if (typeof diagnosis !== 'string') return {};
  for (const { phrase } of found) {
    const rule = phrase.entry.bySite;
    if (!rule || !Object.entries(phrase.entry.set).every(([f, v]) => facts[f] === v)) continue;
    return rule.sites.includes(diagnosis) ? {} : rule.else;
  }
  return {};
}

/**
 * A course said to come before this one ("boost after WBI", "s/p IMRT to the prostate bed") is
 * history: its modality or whole-organ course is not this treatment's. Only phrases that say
 * nothing but a course are read so ("after IMRT was denied" still says the denial).
 */
function coursesBefore(tokens: readonly string[], found: readonly Found[]): Found[] {
  const isCourse = (f: Found) => {
    const { set } = f.phrase.entry;
    return set.boost === false || (set.modality !== undefined && Object.keys(set).every((k) => COURSE_FACTS.has(k)));
  };
  const courses = found.filter(isCourse);
  // "after 3D whole breast": a course word may stand between "after" and the course it names.
  const courseEndingAt = (i: number) => courses.find((c) => c.end - 1 === i);
  return courses.filter((f) => {
    let i = f.start - 1;
    for (let c = courseEndingAt(i); DETERMINER_WORDS.has(tokens[i] as string) || c; c = courseEndingAt(i))
      i = c ? c.start - 1 : i - 1;
    // "s/p" reads as the two words "s" "p".
    return i >= 0 && (AFTER_WORDS.has(tokens[i] as string) || (tokens[i] === 'p' && tokens[i - 1] === 's'));
  });
}
/**
 * Modality phrases that give way (`yields`) to another modality still standing: "SBRT was
 * discussed … 3D", "1st course 2021 was electrons …, now 3D". When every modality would give way,
 * none does: the treatment is still one of them.
 */
function givingWay(found: readonly Found[], dropped: ReadonlySet<unknown>, yields: (f: Found) => boolean): Found[] {
  const modal = found.filter((f) => f.phrase.entry.set.modality !== undefined && !dropped.has(f));
  if (modal.length < 2) return [];
  const giving = modal.filter(yields);
  return giving.length < modal.length ? giving : [];
}

/**
 * Whether a phrase is said only to have been weighed ("SBRT was discussed", "we considered
 * protons"; lexicon classes `weighed_after`, `weighed_before`).
 */
function weighed(lexicon: Lexicon, tokens: readonly string[]): (f: Found) => boolean {
  const after = classPatterns(lexicon, 'weighed_after');
  const before = classPatterns(lexicon, 'weighed_before');
  return (f) => {
    if (longestAt(tokens, f.end, after) > 0) return true;
    let i = f.start;
    while (i > 0 && DETERMINER_WORDS.has(tokens[i - 1] as string)) i--;
    return before.some((p) => matchAt(tokens, i - p.length, p) !== undefined);
  };
}

/** Diagnoses named only as a part of a policy ("does the bone-met exclusion knock out IGRT?", lexicon class `policy_parts`). */
function policyReferences(lexicon: Lexicon, tokens: readonly string[], found: readonly Found[]): Found[] {
  const diagnoses = found.filter((f) => f.phrase.entry.set.diagnosis !== undefined);
  if (diagnoses.length === 0) return [];
  const parts = classPatterns(lexicon, 'policy_parts');
  return diagnoses.filter((f) => longestAt(tokens, f.end, parts) > 0);
}

/**
 * Whether a phrase is said, further on in its sentence, to be in one of the states of the lexicon
 * classes named: an IMRT pending or refused (`awaiting`, `refused`: "the IMRT request for a
 * parasagittal meningioma is still pending UM review"). Next to the IMRT, the lexicon's approval
 * phrases read it already.
 */
function stateLater(lexicon: Lexicon, tokens: readonly string[], f: Found, classes: readonly string[]): boolean {
  const states = classPatterns(lexicon, ...classes);
  // To the sentence's end: "still", a terminator for negations, often comes just before the state.
  for (let i = f.end; i < tokens.length && !endsSentence(tokens[i]); i++) if (longestAt(tokens, i, states) > 0) return true;
  return false;
}

/** Whether a phase is said not to have begun: a state after it (`not_begun`) or a word ahead of it (`ahead_of`: "before the boost"). */
function notBegun(lexicon: Lexicon, tokens: readonly string[], f: Found): boolean {
  if (stateLater(lexicon, tokens, f, ['not_begun'])) return true;
  return classPatterns(lexicon, 'ahead_of').some(
    (p) => f.start >= p.length && matchAt(tokens, f.start - p.length, p) !== undefined,
  );
}

/**
 * Lexicon word classes' phrases as patterns, compiled once per lexicon and set of names (one array
 * each, so longestAt's word index for it is built once too).
 */
const classCache = new WeakMap<object, Map<string, readonly Pattern[]>>();
function classPatterns(lexicon: Lexicon, ...names: string[]): readonly Pattern[] {
  let byNames = classCache.get(lexicon.classes);
  if (!byNames) {
    byNames = new Map();
    classCache.set(lexicon.classes, byNames);
  }
  const key = names.join(' ');
  let patterns = byNames.get(key);
  if (!patterns) {
    patterns = names.flatMap((name) => (lexicon.classes[name] ?? []).map(compilePattern));
    byNames.set(key, patterns);
  }
  return patterns;
}

const COURSE_FACTS: ReadonlySet<string> = new Set(['modality', 'beam', 'boost', 'apbi', 'diagnosis']);
const AFTER_WORDS: ReadonlySet<string> = new Set(['after', 'following', 'completed', 'finished', 'post', 'since']);
const DETERMINER_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'her', 'his', 'their', 'prior', 'previous']);

/**
 * Doubtful phrases a diagnosis stated beside them dismisses (lexicon `dismissedBy`): the femur in
 * "Ewing sarcoma of the femur" is where the sarcoma is, not a bony metastasis.
 */
function dismissedBySite(found: readonly { phrase: { entry: LexiconEntry } }[]): typeof found {
  if (!found.some((f) => f.phrase.entry.dismissedBy)) return [];
  const stated = new Set(
    found.flatMap(({ phrase: { entry } }) =>
      entry.asserts !== 'doubt' && typeof entry.set.diagnosis === 'string' ? [entry.set.diagnosis] : [],
    ),
  );
  return found.filter((f) => f.phrase.entry.dismissedBy?.diagnosis.some((d) => stated.has(d)));
}

/** Doubtful readings the case's diagnosis settles (lexicon `settledBy`: SRT on the skin is superficial RT). */
function settledBySite(
  found: readonly { phrase: { entry: LexiconEntry } }[],
  unsure: readonly UnsureFact[],
  facts: Facts,
): Record<string, FactValue> {
  const settled: Record<string, FactValue> = {};
  const diagnosis = facts.diagnosis;
  if (typeof diagnosis !== 'string') return settled;
  for (const { phrase } of found) {
    const { entry } = phrase;
    if (entry.asserts !== 'doubt' || !entry.settledBy?.diagnosis.includes(diagnosis)) continue;
    for (const [fact, value] of Object.entries(entry.set)) {
      const reading = unsure.find((u) => u.fact === fact && u.value === value && !u.negated && u.doubt.kind === 'ambiguous');
      if (reading && facts[fact] === undefined) settled[fact] = value;
    }
  }
  return settled;
}

/** Two questions in one message: two question marks, or a second one joined on ("…, and is it …", "btw"). */
const SECOND_QUESTION =
  /\?.*\S.*\?|\b(btw|also|and (is|are|does|do|can|will|would|should|what|which|how|when|who)|or (do|does|is|are|should|can|must) (we|i|you|they|it)|plus)\b/;

function pickIntent(
  order: readonly Intent[],
  scores: Partial<Record<Intent, number>>,
  hasCodes: boolean,
  aboutPayers: boolean,
): Intent | undefined {
  let best: Intent | undefined;
  let bestScore = 0;
  for (const intent of order) {
    let score = scores[intent] ?? 0;
    // Code questions need a code to look up; without one the cue words mean billing.
    if (intent === 'code_lookup' && !hasCodes) score = Math.min(score, 2);
    // "HOPD vs POS 11" compares settings, not payers.
    if (intent === 'compare' && !aboutPayers) score = 0;
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  // A lone "IGRT?" or "imaging" is too weak to start a question of its own.
  return bestScore >= 2 ? best : undefined;
}

const CASE_ONLY: ReadonlySet<Intent> = new Set(['coverage', 'billing']);
/** A question for the code to report ("which code do we put down", "what CPT"). */
const WHICH_CODE = /\b(what|which)\s+(cpt |hcpcs )?(code|codes|cpt|cpts|hcpcs|g ?codes?)\b/;

/**
 * Whether a word holds a digit. Every code of codes.yaml does (its schema says so: 77387, 0197T,
 * G6001), and no upper-casing makes one: a word without one is not upper-cased and looked up.
 */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether one intent scores above every other. */
function clearWinner(scores: Partial<Record<Intent, number>>): boolean {
  const [first = 0, second = 0] = Object.values(scores)
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => b - a);
  return first > second;
}

/** The payers whose policy a message names by its number ("policy 139", "MP #139"). */
function payersByNumber(corpus: Corpus, text: string): string[] {
  const said = new Set(
    [...text.matchAll(/\b(?:policy|policies|mp|medical policy)\s*(?:no\.?|number|#)?\s*(\d{1,4})\b/g)].map((m) => m[1]),
  );
  if (said.size === 0) return [];
  return [...corpus.policies.values()]
    .filter((p) => p.doc.policyNumber !== undefined && said.has(p.doc.policyNumber))
    .map((p) => p.doc.id);
}

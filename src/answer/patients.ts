import { type Answer, CASE_INTENTS } from '../contract/answer.js';
import { parseQuestion } from '../nlu/parse.js';
import { patientParts } from '../nlu/patients.js';
import { understoodLine } from '../render/text.js';
import type { Pipeline } from './pipeline.js';

/**
 * A message about patients on different plans ("Pt A (payer 1) prostate … Pt B (payer 2) rib met
 * …") answered one patient at a time: each payer's finding comes from its own patient's facts,
 * marked with the patient's label. Undefined when the patients cannot be told apart by payer
 * (the caller then gives no finding from the mixture).
 */
export async function answerPerPatient(
  pipeline: Pipeline,
  question: string,
  today: string,
  ask: (part: string) => Promise<Answer>,
): Promise<Answer | undefined> {
  const says = (sentence: string) => {
    const p = parseQuestion(pipeline, sentence, today);
    return Object.keys(p.facts).length + p.payers.length + p.unsure.length + p.codes.length > 0;
  };
  const cut = patientParts(question, (sentence) => !says(sentence));
  if (!cut) return undefined;
  const { parts } = cut;
  const payers = parts.map((part) => parseQuestion(pipeline, part.text, today).payers);
  // Each patient's own payer, none shared: then a payer's finding is about one patient only.
  const named = payers.flat();
  if (payers.some((p) => p.length === 0) || new Set(named).size !== named.length) return undefined;
  const answers = await Promise.all(parts.map((part) => ask(part.text)));
  if (answers.some((a) => !CASE_INTENTS.has(a.intent))) return undefined;
  const findings = answers.flatMap((a, i) =>
    a.findings.filter((f) => payers[i]?.includes(f.payer)).map((f) => ({ ...f, patient: parts[i]?.label ?? '' })),
  );
  const first = answers[0] as Answer;
  const labels = parts.map((p) => p.label).join(', ');
  const understood = answers.map((a, i) => (a.understood?.length ? `(${parts[i]?.label}: ${understoodLine(a.understood)})` : ''));
  return {
    intent: first.intent,
    findings,
    text: '',
    facts: {},
    ...(first.dateOfService ? { dateOfService: first.dateOfService } : {}),
    notices: [
      `(This message is about more than one patient (${labels}); each is answered on its own facts.)`,
      ...understood,
    ].filter(Boolean),
  };
}

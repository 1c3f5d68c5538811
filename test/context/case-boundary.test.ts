import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import type { Answer } from '../../src/contract/answer.js';

const TODAY = '2026-11-22';

async function converse(turns: readonly string[]): Promise<Answer[]> {
  const store = new MemoryContextStore();
  const answers: Answer[] = [];
  for (const q of turns) answers.push(await answer(q, { store, threadId: 't', today: TODAY }));
  return answers;
}

const LUNG = 'CVS 3dcrt lung palliative, near prior RT field';

describe('case boundaries: which facts a turn carries', () => {
  test.each([
    // [rule, turns, facts the last answer must not hold, facts it must hold, what it says it carried]
    [
      'a new diagnosis starts a new case: the payer carries, clinical facts do not',
      [LUNG, 'IGRT with 3DCRT for rectal cancer?'],
      ['treatmentIntent', 'priorIrradiation'],
      ['diagnosis', 'modality'],
      ['CVS Health'],
    ],
    [
      'a new patient ("next pt") starts a new case even with no new site',
      [LUNG, 'next pt: 3dcrt, curative'],
      ['priorIrradiation', 'diagnosis'],
      ['treatmentIntent'],
      ['CVS Health'],
    ],
    [
      'another age is another patient',
      ['Horizon 3DCRT prostate 70 yo, prone', '8 year old 3DCRT prostate'],
      ['position'],
      ['age'],
      ['Horizon BCBSNJ'],
    ],
    [
      '"same patient" carries the case even to a new site',
      [LUNG, 'same patient, rectal cancer now'],
      [],
      ['treatmentIntent', 'priorIrradiation'],
      ['CVS Health', 'palliative'],
    ],
    [
      'a bare fact is a follow-up',
      ['CVS 3dcrt lung', 'curative'],
      [],
      ['diagnosis', 'modality', 'treatmentIntent'],
      ['CVS Health', 'lung cancer'],
    ],
    [
      '"what about …" another payer is a follow-up',
      [LUNG, 'what about Horizon?'],
      [],
      ['treatmentIntent', 'priorIrradiation', 'diagnosis'],
      ['palliative'],
    ],
    [
      'a modality and site stated together restate the case',
      ['CVS palliative IMRT, near prior RT', 'IGRT with 3DCRT for lung cancer?'],
      ['treatmentIntent', 'priorIrradiation'],
      ['diagnosis'],
      ['CVS Health'],
    ],
    [
      'the setting is administrative: it carries into a new case',
      ['Horizon hospital outpatient 3dcrt lung palliative', 'IGRT with 3DCRT for rectal cancer?'],
      ['treatmentIntent'],
      ['setting'],
      ['Horizon BCBSNJ'],
    ],
    [
      'another target of the same patient keeps the patient, not what was said of the last target',
      [
        'Horizon 70 yo, retreating a T10 met, 20 Gy/5 3D, PTV overlaps the prior 30/10 field',
        'same pt also has a new painful R femoral shaft met, 8 Gy x1 3D',
      ],
      ['priorIrradiation'],
      ['age', 'modality'],
      ['Horizon BCBSNJ', 'adult'],
    ],
    [
      '"another lesion" is another target',
      [LUNG, 'another lesion in the L lung, 3D'],
      ['priorIrradiation', 'treatmentIntent'],
      ['modality'],
      ['CVS Health'],
    ],
  ] as const)('%s', async (_rule, turns, dropped, kept, carried) => {
    const last = (await converse(turns)).at(-1) as Answer;
    for (const fact of dropped) expect(last.facts[fact], fact).toBeUndefined();
    for (const fact of kept) expect(last.facts[fact], fact).toBeDefined();
    for (const label of carried) expect(last.carried ?? []).toContain(label);
    expect(last.text).toContain('From earlier:');
  });

  test.each([
    [
      '"ok and if …" keeps the billing question',
      [
        'Horizon: we are billing IGRT along with IMRT in the HOPD. separately payable?',
        'ok and if it were our freestanding office instead?',
      ],
      'billing',
    ],
    [
      '"what does <payer> say about that?" asks about the case',
      ['under Horizon is IGRT separately billable with IMRT in a freestanding clinic?', 'what does CVS say about that?'],
      'billing',
    ],
    [
      'another treatment with a fact only necessity reads re-asks the case',
      [
        'CVS pt, pancreas SBRT 33/5 on the CyberKnife - can we bill the tracking?',
        'what if they switch to conventional 3D 50.4 with chemo, curative?',
      ],
      'coverage',
    ],
    [
      'asked in billing words it stays billing',
      [
        'CVS pt, pancreas SBRT 33/5 on the CyberKnife - can we bill the tracking?',
        'what if they switch to 3D, curative — can we bill it?',
      ],
      'billing',
    ],
  ] as const)('%s', async (_rule, turns, intent) => {
    expect((await converse(turns)).at(-1)?.intent).toBe(intent);
  });

  test('an age alone in a thread is a follow-up, not a stray message', async () => {
    const [, older] = await converse(['Horizon IMRT prostate', '19 years old']);
    expect(older?.intent).toBe('coverage');
    expect(older?.findings.map((f) => f.determination)).toEqual(['medically_necessary']);
  });

  test('lung → rectal: the rectal case is not answered with the lung patient’s facts', async () => {
    const [, rectal] = await converse([LUNG, 'IGRT with 3DCRT for rectal cancer?']);
    expect(rectal?.findings.map((f) => f.determination)).toEqual(['needs_info']);
    expect(rectal?.understood?.map((u) => u.label)).not.toContain('palliative');
    expect(rectal?.text).not.toContain('previously irradiated area: yes');
    expect(rectal?.text).toContain('From earlier: CVS Health');
  });

  // intents/case-cues.yaml sameCase × persons: each way of naming the same patient keeps the case's question.
  test.each(['kid', 'patient', 'pt', 'case', 'lady', 'member'])(
    'a policy-worded question about the same %s is a follow-up of the case, with the payer switched',
    async (person) => {
      const [, other] = await converse(['Horizon 70 yo sarcoma, IMRT — igrt?', `what does cvs say for the same ${person}`]);
      expect(other?.intent).toBe('coverage');
      expect(other?.findings.map((f) => [f.payer, f.determination])).toEqual([['cvs', 'medically_necessary']]);
      expect(other?.carried).toEqual(expect.arrayContaining(['sarcoma', 'IMRT']));
    },
  );

  test('a policy question that does not say it is about the case stays a policy question', async () => {
    const [, info] = await converse(['Horizon 70 yo sarcoma, IMRT — igrt?', 'what is the effective date of the cvs policy?']);
    expect(info?.intent).toBe('policy_info');
  });

  test.each(['new case', 'new', 'New case.', 'start over'])('"%s" alone resets the conversation', async (reset) => {
    const [, cleared, next] = await converse([LUNG, reset, 'what about Horizon?']);
    expect(cleared?.text).toMatch(/^New case/);
    expect(next?.facts.treatmentIntent).toBeUndefined();
    expect(next?.carried).toBeUndefined();
  });

  test('a date of service carries across turns until a turn states another', async () => {
    const [first, second, third] = await converse([
      'horizon, freestanding office, dos 4/15/2025, can I bill 77387 with 3dcrt prostate?',
      'what about in the hospital?',
      'and on 2026-02-01?',
    ]);
    expect(first?.dateOfService).toMatchObject({ date: '2025-04-15', from: 'question' });
    expect(second?.dateOfService).toMatchObject({ date: '2025-04-15', from: 'earlier' });
    expect(second?.text).toContain('Date of service 2025-04-15, from earlier in this conversation');
    expect(second?.carried).toContain('date of service 2025-04-15');
    expect(third?.dateOfService).toMatchObject({ date: '2026-02-01', from: 'question' });
  });

  test('a conversation idle past its lifetime starts afresh', async () => {
    const store = new MemoryContextStore();
    const at = (iso: string) => ({ store, threadId: 'c', now: new Date(iso), maxIdleMs: 30 * 60 * 1000 });
    await answer(LUNG, at('2026-11-22T10:00:00Z'));
    expect((await answer('what about Horizon?', at('2026-11-22T10:20:00Z'))).facts.treatmentIntent).toBe('palliative');
    expect((await answer('what about CVS?', at('2026-11-22T11:00:00Z'))).facts.treatmentIntent).toBeUndefined();
  });
});

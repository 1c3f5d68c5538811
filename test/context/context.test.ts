import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';

const byPayer = (a: Awaited<ReturnType<typeof answer>>) => Object.fromEntries(a.findings.map((f) => [f.payer, f.determination]));

describe('thread context', () => {
  test('a follow-up naming another payer keeps the case; a bare reply fills the missing fact', async () => {
    const store = new MemoryContextStore();
    const ask = (q: string) => answer(q, { store, threadId: 't' });
    expect(byPayer(await ask('Horizon 3DCRT lung cancer'))).toEqual({ horizon: 'medically_necessary' });
    const cvs = await ask('and for CVS?');
    expect(byPayer(cvs)).toEqual({ cvs: 'needs_info' });
    expect(cvs.findings[0]?.missing).toContain('treatmentIntent');
    expect(cvs.followUp?.options.map((o) => o.reply)).toEqual(expect.arrayContaining(['curative', 'palliative']));
    expect(byPayer(await ask('it is palliative'))).toEqual({ cvs: 'not_medically_necessary' });
    expect(byPayer(await ask('yes the PTV is near a previously irradiated area'))).toEqual({ cvs: 'medically_necessary' });
  });

  test('a yes/no reply answers the yes/no fact the bot asked for', async () => {
    const store = new MemoryContextStore();
    const first = await answer('CVS whole brain radiation for brain mets, 3DCRT, curative', { store, threadId: 'wb' });
    expect(first.followUp?.fact).toBe('hippocampalSparing');
    expect(byPayer(await answer('no', { store, threadId: 'wb' }))).toEqual({ cvs: 'not_medically_necessary' });
  });

  test('a new diagnosis drops the old one’s set-up facts', async () => {
    const store = new MemoryContextStore();
    await answer('Horizon 3DCRT rectal prone on a belly board', { store, threadId: 'dx' });
    const breast = await answer('what about breast?', { store, threadId: 'dx' });
    expect(breast.facts.position).toBeUndefined();
    expect(byPayer(breast)).toEqual({ horizon: 'needs_info' });
  });

  test('"compare with X" in a thread compares every payer on the thread’s case', async () => {
    const store = new MemoryContextStore();
    await answer('CVS 3DCRT prostate, curative', { store, threadId: 'cmp' });
    const compared = await answer('compare with Horizon', { store, threadId: 'cmp' });
    expect(compared.intent).toBe('compare');
    expect(byPayer(compared)).toEqual({ cvs: 'medically_necessary', horizon: 'medically_necessary' });
  });

  test('threads do not leak into each other', async () => {
    const store = new MemoryContextStore();
    await answer('Horizon IMRT', { store, threadId: 'a' });
    expect((await answer('what about CVS?', { store, threadId: 'b' })).findings.map((f) => f.determination)).toEqual([
      'needs_info',
    ]);
  });

  test('the store is bounded and expires', async () => {
    let now = 0;
    const store = new MemoryContextStore({ maxThreads: 3, ttlMs: 1000, now: () => now });
    for (const id of ['a', 'b', 'c', 'd']) await store.set(id, { intent: 'coverage', facts: {}, payers: [] });
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeUndefined();
    now = 2000;
    expect(await store.get('d')).toBeUndefined();
  });
});

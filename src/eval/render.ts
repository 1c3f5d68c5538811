import { BOUNDARY, phraseTokens, tokenise } from '../nlu/normalise.js';
import type { Facts, FactValue } from '../policy/facts.js';
import type { Filler, Frame } from './frames.js';
import type { Rendering } from './phrases.js';
import type { CodeMeaning } from './say.js';

/** One clause of a question: how it says its facts, and which of the case's facts it was chosen for. */
export interface Fragment {
  readonly rendering: Rendering;
  readonly covers: readonly string[];
}

/** How two positive fragments are joined when nothing forces a comma. */
export type Join = 'space' | 'comma' | 'and';

/** A question before it is written out: metamorphic tests vary one part and write it again. */
export interface Draft {
  readonly frame: Frame;
  /** Undefined for frames that name no payer. */
  readonly payer?: Rendering;
  readonly fragments: readonly Fragment[];
  readonly joins: readonly Join[];
  /** A clause that says nothing about the case: before the question, after it, or after the first fragment. */
  readonly filler?: { readonly filler: Filler; readonly at: 'start' | 'middle' | 'end' };
}

/** Writes drafts out as text; knows the lexicon's word pairs so a space never fuses two phrases into a third. */
export class Renderer {
  private readonly pairs: ReadonlySet<string>;

  constructor(
    phrases: readonly string[],
    private readonly meaning: CodeMeaning,
  ) {
    const pairs = new Set<string>();
    for (const phrase of phrases) {
      const tokens = phraseTokens(phrase);
      for (let i = 1; i < tokens.length; i++) pairs.add(`${tokens[i - 1]} ${tokens[i]}`);
    }
    this.pairs = pairs;
  }

  /** The question as a user would type it. */
  text(draft: Draft): string {
    let x = '';
    const { filler } = draft;
    draft.fragments.forEach((fragment, i) => {
      if (i === 0) {
        x = fragment.rendering.text;
        if (filler?.at === 'middle') x += `, ${filler.filler.text.replace(/[!.]+$/, '')},`;
        return;
      }
      const before = draft.fragments[i - 1] as Fragment;
      // "without A, B and C" reads as a list the negation distributes over: no "and" after one.
      const negatedEarlier = draft.fragments.slice(0, i).some((f) => f.rendering.form === 'pre');
      const join = draft.joins[i - 1] === 'and' && negatedEarlier ? 'comma' : (draft.joins[i - 1] ?? 'comma');
      const separator = i === 1 && filler?.at === 'middle' ? ' ' : this.separator(before.rendering, fragment.rendering, join);
      x += separator + fragment.rendering.text;
    });
    if (filler?.at === 'middle' && draft.fragments.length === 1) x = x.replace(/,$/, '');
    let text = draft.frame.text.replace('{x}', x).replace('{payer}', draft.payer?.text ?? '');
    if (filler?.at === 'start') text = `${filler.filler.text.replace(/[!.]+$/, '')}: ${text}`;
    if (filler?.at === 'end') text = `${text} ${filler.filler.text}`;
    return text;
  }

  /**
   * Every fact the draft's words state: its fragments' settings, any code the frame names, and
   * what those codes state on their own where no phrase says it (the parse reads "77387" as an
   * IGRT code too; a truth without it would differ from the parse wherever a rule reads igrtCode).
   */
  facts(draft: Draft): Facts {
    const facts: Record<string, FactValue> = {};
    for (const fragment of draft.fragments) Object.assign(facts, fragment.rendering.sets);
    if (draft.frame.code) facts.codes = [...((facts.codes as string[] | undefined) ?? []), draft.frame.code];
    const codes = Array.isArray(facts.codes) ? facts.codes : [];
    for (const code of codes) for (const [f, v] of Object.entries(this.meaning(code))) facts[f] ??= v;
    return facts;
  }

  /**
   * A negated or proximity clause must end at a comma, or its cue would reach the next phrase;
   * a post cue ("cord not involved") must start one, or it would reach back over the phrase before.
   */
  private separator(before: Rendering, after: Rendering, join: Join): string {
    // A proximity cue reaches on like a negation ("abutting the cord liver" would make the liver an organ at risk).
    const cued = (r: Rendering) => r.form === 'pre' || r.form === 'post' || r.form === 'near';
    if (cued(before) || cued(after)) return ', ';
    if (join === 'comma') return ', ';
    const last = tokenise(before.text)
      .filter((t) => t !== BOUNDARY)
      .at(-1);
    const first = tokenise(after.text).filter((t) => t !== BOUNDARY)[0];
    if (this.pairs.has(`${last} ${first}`)) return ', ';
    return join === 'and' ? ' and ' : ' ';
  }
}

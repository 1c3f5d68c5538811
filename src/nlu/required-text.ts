import { compiledValue, contentHash, recordCompiled } from '../data/snapshot.js';

/**
 * Text a regular expression cannot match without: a list of strings of which any match holds
 * at least one (lower-cased for a case-insensitive expression), or undefined when no such list
 * is found. Compiling an expression costs far more than searching a short question for a few
 * words, and a cold start compiles every intent cue it tries (a fifth of a one-question `ask`):
 * a cue whose required text is absent cannot match, so it is not tried.
 *
 * Read from the expression's source for the syntax the data uses: literal characters and
 * escaped punctuation, groups, alternation, quantifiers, classes, anchors and lookarounds.
 * Anything else (a backreference, a /u or /v expression, a non-ASCII character) gives
 * undefined or ends a run of literal text, so the answer is only ever weaker, never wrong.
 */
export function requiredText(source: string, flags: string): readonly string[] | undefined {
  if (/[uv]/.test(flags)) return undefined;
  try {
    const parser = new Parser(source, flags.includes('i'));
    const need = parser.alternation();
    return parser.done() ? need : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each item with the text its pattern cannot match without. Reading that from the sources is
 * slower than the compiling it saves when done at every start, so the build keeps the results,
 * keyed by the hash of the very sources they were read from.
 */
export function withRequiredText<T extends { pattern: RegExp }>(
  cues: readonly T[],
): (T & { required: readonly string[] | undefined })[] {
  const sources = cues.map((cue) => `${cue.pattern.flags}/${cue.pattern.source}`);
  const key = `required-text:${contentHash(sources.join('\n'))}`;
  const kept = compiledValue(key) as (readonly string[] | null)[] | undefined;
  const required = kept ?? cues.map((cue) => requiredText(cue.pattern.source, cue.pattern.flags) ?? null);
  recordCompiled(key, () => required);
  return cues.map((cue, i) => ({ ...cue, required: required[i] ?? undefined }));
}

/** Whether a text can hold a match, as far as its required text tells (lower-case the text for a case-insensitive expression). */
export function mayMatch(required: readonly string[] | undefined, text: string): boolean {
  if (required === undefined) return true;
  const pairs = textPairs.of(text);
  for (const part of required) if (pairs.mayHold(part) && text.includes(part)) return true;
  return false;
}

/**
 * The pairs of adjacent characters a text holds, to rule a part out before searching for it:
 * every pair of a part stands in any text that contains it. The intent cues' 450-odd parts are
 * checked against each question two or three times, and a search per part was a tenth of
 * answer() (most parts are absent, and ruling one out here is a table lookup or two). A pair
 * is marked in a 64K-entry table by its two low bytes; characters past U+00FF can share an
 * entry, which only lets a search through, never rules one out wrongly.
 */
class TextPairs {
  private readonly marks = new Uint32Array(1 << 16);
  private mark = 0;
  private text: string | undefined;

  /** The pairs of `text`, marked anew unless it is the text marked last. */
  of(text: string): this {
    if (text === this.text) return this;
    if (this.mark === 0xffff_ffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    for (let i = 1; i < text.length; i++) this.marks[pairKey(text.charCodeAt(i - 1), text.charCodeAt(i))] = mark;
    this.text = text;
    return this;
  }

  /** False when some pair of `part` is not in the text (so neither is `part`); a part of one character may always be. */
  mayHold(part: string): boolean {
    for (let i = 1; i < part.length; i++) {
      if (this.marks[pairKey(part.charCodeAt(i - 1), part.charCodeAt(i))] !== this.mark) return false;
    }
    return true;
  }
}

const pairKey = (a: number, b: number) => ((a & 0xff) << 8) | (b & 0xff);
const textPairs = new TextPairs();

/** An expression with its required text, tried only on text that holds it. */
export interface Guarded {
  readonly pattern: RegExp;
  readonly required: readonly string[] | undefined;
}

/** Whether any of the expressions matches the text; each is tried (and so compiled) only where it may match. */
export function anyMatches(guarded: readonly Guarded[], text: string): boolean {
  let lower: string | undefined;
  return guarded.some((g) => {
    if (g.required !== undefined) {
      lower ??= text.toLowerCase();
      if (!mayMatch(g.required, lower)) return false;
    }
    return g.pattern.test(text);
  });
}

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^[\\/.?*+()[\]{}|^$\-=!:,'"#&%@~`<> ]$/;

/** A recursive-descent reading of the source; each method returns its part's required text. */
class Parser {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly fold: boolean,
  ) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** a|b|c: each branch's required text, joined; undefined when any branch has none. */
  alternation(): readonly string[] | undefined {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === undefined)) return undefined;
    return [...new Set(branches.flat() as string[])];
  }

  /** Terms one after another: runs of literal characters, and the best of the terms' own required text. */
  private sequence(): readonly string[] | undefined {
    let best: readonly string[] | undefined;
    let run = '';
    const keep = (need: readonly string[] | undefined) => {
      if (need && need.length > 0 && (best === undefined || weakest(need) > weakest(best))) best = need;
    };
    const endRun = () => {
      if (run) keep([run]);
      run = '';
    };
    while (this.at < this.source.length) {
      const c = this.source[this.at] as string;
      if (c === '|' || c === ')') break;
      const term = this.term();
      const quantifier = this.quantifier();
      if (term.literal !== undefined && quantifier === 'one') {
        run += term.literal;
        continue;
      }
      // A quantified character belongs to the run only once (at least), then ends it.
      if (term.literal !== undefined && quantifier === 'some') {
        run += term.literal;
        endRun();
        continue;
      }
      endRun();
      if (quantifier !== 'optional') keep(term.need);
    }
    endRun();
    return best;
  }

  /** One atom: a literal character, or a group, class or escape with what it requires. */
  private term(): { literal?: string; need?: readonly string[] } {
    const c = this.source[this.at++] as string;
    if (c === '(') {
      let lookaround: 'positive' | 'negative' | undefined;
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.source.startsWith('?=', this.at) || this.source.startsWith('?<=', this.at)) {
        this.at += this.source[this.at + 1] === '<' ? 3 : 2;
        lookaround = 'positive';
      } else if (this.source.startsWith('?!', this.at) || this.source.startsWith('?<!', this.at)) {
        this.at += this.source[this.at + 1] === '<' ? 3 : 2;
        lookaround = 'negative';
      } else if (this.source[this.at] === '?') throw new Error('unread group syntax');
      const need = this.alternation();
      if (this.source[this.at++] !== ')') throw new Error('unclosed group');
      return lookaround === 'negative' ? {} : { ...(need ? { need } : {}) };
    }
    if (c === '[') {
      // A class: skipped (its characters are alternatives, none required alone).
      if (this.source[this.at] === '^') this.at++;
      if (this.source[this.at] === ']') this.at++;
      while (this.source[this.at] !== ']') {
        if (this.at >= this.source.length) throw new Error('unclosed class');
        if (this.source[this.at] === '\\') this.at++;
        this.at++;
      }
      this.at++;
      return {};
    }
    if (c === '\\') {
      const e = this.source[this.at++];
      if (e === undefined) throw new Error('trailing backslash');
      if (/[1-9k]/.test(e)) throw new Error('backreference');
      if (/[uxc]/.test(e)) throw new Error('unread escape');
      return LITERAL_ESCAPE.test(e) ? { literal: e } : {};
    }
    if (c === '.' || c === '^' || c === '$') return {};
    if (/[*+?{}]/.test(c)) throw new Error('quantifier without a term');
    // Letters, digits and other ASCII stand for themselves (folded when the expression ignores case).
    if (c.charCodeAt(0) > 0x7e) return {};
    return { literal: this.fold ? c.toLowerCase() : c };
  }

  /** The quantifier after a term, if any: whether the term must occur once, at least once, or may be absent. */
  private quantifier(): 'one' | 'some' | 'optional' {
    const c = this.source[this.at];
    let kind: 'one' | 'some' | 'optional' = 'one';
    if (c === '?' || c === '*') {
      this.at++;
      kind = 'optional';
    } else if (c === '+') {
      this.at++;
      kind = 'some';
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Error('unread braces');
      this.at += m[0].length;
      const min = Number(m[1]);
      kind = min === 0 ? 'optional' : m[2] === undefined && min === 1 ? 'one' : 'some';
    } else return 'one';
    if (this.source[this.at] === '?') this.at++;
    return kind;
  }
}

/** How selective a required list is: its shortest string's length. */
function weakest(need: readonly string[]): number {
  return Math.min(...need.map((s) => s.length));
}

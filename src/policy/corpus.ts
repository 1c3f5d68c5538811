import { readdirSync } from 'node:fs';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { type Condition, type FactDef, FactTable, PolicyDoc, type Rule, RuleFile, type Section } from './schema.js';
import { leaves } from './walk-condition.js';

/** One payer's policy: its document, sections by id, and its rules. */
export interface Policy {
  readonly doc: PolicyDoc;
  readonly sections: ReadonlyMap<string, Section>;
  readonly rules: RuleFile;
}

/** Everything loaded from `policy-corpus/`, validated and cross-checked. */
export interface Corpus {
  readonly facts: Readonly<Record<string, FactDef>>;
  readonly policies: ReadonlyMap<string, Policy>;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Loads and cross-checks the corpus in `dir`; throws DataError naming file, path and reason. */
export function loadCorpus(dir = projectPath('policy-corpus')): Corpus {
  const factsFile = `${dir}/facts.yaml`;
  const { facts } = loadYaml(factsFile, FactTable);
  checkFactTable(factsFile, facts);

  const docs = new Map<string, PolicyDoc>();
  for (const name of yamlFiles(`${dir}/policies`)) {
    const file = `${dir}/policies/${name}`;
    const doc = loadYaml(file, PolicyDoc);
    if (docs.has(doc.id)) throw new DataError(file, `policy id "${doc.id}" is used twice`);
    docs.set(doc.id, doc);
  }

  const policies = new Map<string, Policy>();
  for (const name of yamlFiles(`${dir}/rules`)) {
    const file = `${dir}/rules/${name}`;
    const rules = loadYaml(file, RuleFile);
    const doc = docs.get(rules.policy);
    if (!doc) throw new DataError(file, `policy: no policy document has id "${rules.policy}"`);
    const sections = new Map(doc.sections.map((s) => [s.id, s]));
    checkRules(file, rules, sections, facts);
    const cited: [string, string | undefined][] = [
      ['population.section', doc.population.section],
      ['topics.indications', doc.topics.indications],
      ['topics.plans.section', doc.topics.plans?.section],
    ];
    for (const [path, section] of cited) {
      if (section !== undefined && !sections.has(section)) throw new DataError(file, `${path}: no section "${section}"`);
    }
    policies.set(doc.id, { doc, sections, rules });
  }
  for (const id of docs.keys()) {
    if (!policies.has(id)) throw new DataError(`${dir}/rules`, `policy "${id}" has no rule file`);
  }
  return { facts, policies };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

function checkFactTable(file: string, facts: Record<string, FactDef>): void {
  for (const [name, def] of Object.entries(facts)) {
    for (const other of def.resetBy ?? []) {
      if (!facts[other]) throw new DataError(file, `facts.${name}.resetBy: unknown fact "${other}"`);
    }
    if (def.kind !== 'enum') continue;
    const values = Object.keys(def.values);
    for (const [value, info] of Object.entries(def.values)) {
      for (const parent of info.isA ?? []) {
        if (!values.includes(parent)) throw new DataError(file, `facts.${name}.values.${value}.isA: unknown value "${parent}"`);
      }
      for (const [fact, implied] of Object.entries(info.implies ?? {})) {
        const target = facts[fact];
        const fits =
          target?.kind === 'enum'
            ? typeof implied === 'string' && implied in target.values
            : target?.kind === 'boolean' && typeof implied === 'boolean';
        if (!fits)
          throw new DataError(file, `facts.${name}.values.${value}.implies: "${fact}" cannot be ${JSON.stringify(implied)}`);
      }
    }
    for (const value of [...(def.offer ?? []), ...(def.prefer ?? []), ...(def.default === undefined ? [] : [def.default])]) {
      if (!values.includes(value))
        throw new DataError(file, `facts.${name}: offer/prefer/default names unknown value "${value}"`);
    }
  }
}

function checkRules(file: string, rules: RuleFile, sections: Map<string, Section>, facts: Record<string, FactDef>): void {
  const seen = new Set<string>();
  const entries: { path: string; id: string; section: string; when: Condition; quote?: string | undefined }[] = [
    ...Object.entries(rules.questions).flatMap(([question, list]) =>
      (list ?? []).map((rule: Rule, i) => ({ path: `questions.${question}[${i}]`, ...rule })),
    ),
    ...rules.notes.map((note, i) => ({ path: `notes[${i}]`, ...note })),
  ];
  // Sections are quoted by many rules: each is normalised once.
  const normalised = new Map<Section, string>();
  const normalisedText = (section: Section) => {
    let text = normalised.get(section);
    if (text === undefined) {
      text = normalise(section.text);
      normalised.set(section, text);
    }
    return text;
  };
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new DataError(file, `${entry.path}.id: "${entry.id}" is used twice`);
    seen.add(entry.id);
    const section = sections.get(entry.section);
    if (!section) throw new DataError(file, `${entry.path}.section: no section "${entry.section}" in the policy`);
    if (entry.quote !== undefined && !normalisedText(section).includes(normalise(entry.quote))) {
      throw new DataError(file, `${entry.path}.quote: not verbatim text of section ${entry.section}`);
    }
    for (const leaf of leaves(entry.when)) checkLeaf(file, `${entry.path}.when`, leaf, facts);
  }
}

function checkLeaf(file: string, path: string, leaf: ReturnType<typeof leaves>[number], facts: Record<string, FactDef>): void {
  const def = facts[leaf.fact];
  if (!def) throw new DataError(file, `${path}: unknown fact "${leaf.fact}"`);
  if ('in' in leaf) {
    if (def.kind !== 'enum') throw new DataError(file, `${path}: "in" needs an enum fact, ${leaf.fact} is ${def.kind}`);
    for (const value of leaf.in) {
      if (!(value in def.values)) throw new DataError(file, `${path}: ${leaf.fact} has no value "${value}"`);
    }
  }
  if ('is' in leaf && def.kind !== 'boolean')
    throw new DataError(file, `${path}: "is" needs a boolean fact, ${leaf.fact} is ${def.kind}`);
  if ('has' in leaf && def.kind !== 'codes')
    throw new DataError(file, `${path}: "has" needs a codes fact, ${leaf.fact} is ${def.kind}`);
}

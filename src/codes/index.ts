// The code library the answer pipeline calls: load the table once, then ask on a date of service.

export { changeNotes } from './changes.js';
export { citationOf, EXTERNAL_MARKER, sourceLabel } from './citation.js';
export { type ClaimCheck, checkClaim } from './claim.js';
export { type ClaimLine, lineLabel } from './claim-line.js';
export { impliedFacts, isIgrtMethod } from './facts.js';
export { lineFinding, relationFinding } from './finding.js';
export { checkLine, datedCheck, type LineCheck, type LineVerdict } from './line.js';
export { type CodeLookup, lookupCode } from './lookup.js';
export { asSetting, type CodeQuestion, type PayerQuestion } from './question.js';
export { type Relation, relation, type Verdict } from './relation.js';
export { type CodeState, codeState, currentCodes } from './state.js';
export { type CodeTable, loadCodeTable } from './table.js';

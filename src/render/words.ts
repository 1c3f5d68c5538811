import type { Determination } from '../contract/determination.js';

/** How each determination reads to a person, with a mark that survives plain text. */
export const DETERMINATION_WORDS: Readonly<Record<Determination, { mark: string; words: string }>> = {
  medically_necessary: { mark: '✅', words: 'IGRT is medically necessary' },
  not_medically_necessary: { mark: '⛔', words: 'IGRT is not medically necessary' },
  bundled: { mark: '📦', words: 'Bundled — IGRT is not reported separately' },
  separately_billable: { mark: '💲', words: 'Separately billable' },
  do_not_bill: { mark: '🚫', words: 'Do not bill' },
  not_applicable: { mark: '➖', words: 'The policy does not apply to this member' },
  not_addressed: { mark: '🤷', words: 'The policy does not address this' },
  needs_info: { mark: '❓', words: 'I need more information to answer' },
  info: { mark: 'ℹ️', words: 'Policy information' },
};

/** Kleene's three-valued truth: a fact nobody stated is neither true nor false. */
export type Truth = 'met' | 'not_met' | 'unknown';

export function and(values: Iterable<Truth>): Truth {
  let result: Truth = 'met';
  for (const value of values) {
    if (value === 'not_met') return 'not_met';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

export function or(values: Iterable<Truth>): Truth {
  let result: Truth = 'not_met';
  for (const value of values) {
    if (value === 'met') return 'met';
    if (value === 'unknown') result = 'unknown';
  }
  return result;
}

export function not(value: Truth): Truth {
  if (value === 'unknown') return value;
  return value === 'met' ? 'not_met' : 'met';
}

// Identifiers a question about a patient may carry. CPT/HCPCS codes (77387, 0197T, G6001)
// are five characters and stay readable; longer digit runs are treated as record numbers.
const PATTERNS: readonly [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  [/\b\d{3}-\d{2}-\d{4}\b/g, '[ssn]'],
  [/\b(?:mrn|medical record(?: number)?|record #?|acct|account|member id|id)\s*[:#]?\s*[\w-]{4,}/gi, '[id]'],
  [/(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, '[phone]'],
  [/\b(?:dob|d\.o\.b\.|born|date of birth)\s*[:#]?\s*\S+/gi, '[dob]'],
  [/\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/g, '[date]'],
  [/\b(19|20)\d{2}-\d{2}-\d{2}\b/g, '[date]'],
  [/\b\d{6,}\b/g, '[number]'],
];

/** Replaces patient identifiers (record numbers, dates, SSNs, phones, e-mails) with placeholders. */
export function redactIdentifiers(text: string): string {
  return PATTERNS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

const SECRET_VALUE = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+)/g;

/** Removes Slack tokens from any text that might reach a log line. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_VALUE, '[secret]');
}

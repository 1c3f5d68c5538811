// Identifiers a question about a patient may carry, masked before question text may be logged.
// CPT/HCPCS codes (77387, 0197T, G6001, 77387-TC) are five characters and stay readable; longer
// digit runs are treated as record numbers. Order matters: e-mails before anything numeric,
// labelled identifiers before bare numbers, dates before phones.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\b\d{3}[- ]\d{2}[- ]\d{4}\b/g, '[ssn]'],
  [
    /\b(?:mrn|medical record|record(?=\s*(?:number|no\b|#))|acc(?:oun)?t|(?:member|patient|pt|subscriber) id|id(?=\s*[:#]))(?:\s*(?:number|no\.?|#))?\s*[:#]?\s*(?=[\w-]*\d)[\w-]{3,}/gi,
    '[id]',
  ],
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g, '[date]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[date]'],
  [/\b\d{1,2}\/\d{1,2}\b/g, '[date]'],
  [new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?:,?\s+\d{4}\b)?`, 'gi'), '[date]'],
  [new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+\d{4}\b`, 'gi'), '[date]'],
  [new RegExp(String.raw`\b${MONTH}\s+\d{4}\b`, 'gi'), '[date]'],
  [/\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\s*[:#]?\s*(?![\s:#[])[^\s,;]+/gi, '[dob]'],
  [/(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, '[phone]'],
  [/\+\d[\d\s().-]{7,}\d/g, '[phone]'],
  [/\b[a-z]{0,3}\d{6,}[a-z]{0,2}\b/gi, '[number]'],
];

/** Replaces patient identifiers (record numbers, dates, SSNs, phones, e-mails) with placeholders, keeping procedure codes. */
export function redactIdentifiers(text: string): string {
  return PATTERNS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

// Slack tokens of every kind, bearer/basic credentials, and long hex strings (signing secrets).
const SECRET_VALUES: readonly (readonly [RegExp, string])[] = [
  [/\bxox[abposre]-[\w-]+/g, '[secret]'],
  [/\bxapp-[\w-]+/g, '[secret]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [secret]'],
  [/\b[a-f0-9]{32,}\b/gi, '[secret]'],
];

/** Removes Slack tokens and other credentials from any text that might reach a log line. */
export function redactSecrets(text: string): string {
  return SECRET_VALUES.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

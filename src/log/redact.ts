// Identifiers a question about a patient may carry, masked before question text may be logged.
// CPT/HCPCS codes (77387, 0197T, G6001, 77387-TC) are five characters and stay readable; longer
// digit runs are treated as record numbers. Order matters: e-mails before anything numeric,
// date-times before dates, labelled identifiers (MRN, DOB, age, a name after "pt") before bare
// numbers and dates, dates before phones.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
// Any date wording the patterns below mask, as one alternative (for "DOB <date>").
const ANY_DATE = String.raw`(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|${MONTH}\s+${DAY},?\s+\d{4}|${DAY}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{4}|\d{4})`;
// A capitalised word, as names are written ("Smith", "O'Neil", "Anne-Marie").
// Written in capitals only, a modality or an acronym after "pt" ("pt IMRT") is not taken for one.
const NAME = String.raw`[A-Z](?:[a-z]+|['\u2019][A-Z][a-z]+)(?:['\u2019-][A-Z]?[a-z]+)*`;

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/gi, '[datetime]'],
  [
    new RegExp(
      String.raw`\b(?:dob|d\.o\.b\.?|date of birth|yob|year of birth|born(?:\s+(?:on|in))?)\s*[:#]?\s*(?:${ANY_DATE}\b|(?![\s:#[])[^\s,;]+)`,
      'gi',
    ),
    '[dob]',
  ],
  [
    // Record numbers, also written in groups ("MRN: 123 456 78", "MRN 123-456").
    /\b(?:mrn|medical record|record(?=\s*(?:number|no\b|#))|acc(?:oun)?t|(?:member|patient|pt|subscriber) id|id(?=\s*[:#]))(?:\s*(?:number|no\.?|#))?\s*[:#]?\s*(?=[\w-]*\d)[\w-]+(?:[\s.-]\d{1,4}\b)*/gi,
    '[id]',
  ],
  [/\b\d{3}[- ]\d{2}[- ]\d{4}\b/g, '[ssn]'],
  // Ages: "67 yo", "67-year-old", "67 y/o", "67 yrs", "aged 67", "age: 67".
  [/\b\d{1,3}\s*-?\s*(?:y\/o|y\.o\.?|yo|yoa|yrs?(?:\s*old)?|years?(?:\s*-?\s*old)?)(?![\w/])/gi, '[age]'],
  [/\bage(?:d)?\s*[:=]?\s*\d{1,3}\b/gi, '[age]'],
  // A name after a title or "pt"/"patient"/"name": the cue stays, the name goes.
  // After a title the name may be written in lower case ("mrs smith"); "MR" (imaging) and "MS" are not titles.
  [
    new RegExp(String.raw`\b(Mrs?|Ms|Miss|Mx|mrs?|MRS)\b(\.?\s+)[A-Za-z][a-z'\u2019]+(?:-[A-Za-z]?[a-z]+)*(?:\s+${NAME})?`, 'g'),
    '$1$2[name]',
  ],
  [
    new RegExp(String.raw`\b((?:[Pp]t|[Pp]atient|PT|PATIENT|[Nn]ame[sd]?|NAME)\b\.?\s*:?\s*)${NAME}(?:\s+${NAME}){0,2}`, 'g'),
    '$1[name]',
  ],
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g, '[date]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[date]'],
  [/\b\d{1,2}\/\d{1,2}\b/g, '[date]'],
  [new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?:,?\s+\d{4}\b)?`, 'gi'), '[date]'],
  [new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+\d{4}\b`, 'gi'), '[date]'],
  [new RegExp(String.raw`\b${MONTH}\s+\d{4}\b`, 'gi'), '[date]'],
  [/(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, '[phone]'],
  [/\+\d[\d\s().-]{7,}\d/g, '[phone]'],
  [/\b[a-z]{0,3}\d{6,}[a-z]{0,2}\b/gi, '[number]'],
];

/** Replaces patient identifiers (names, ages, birth dates, record numbers, dates, SSNs, phones, e-mails) with placeholders, keeping procedure codes. */
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

import fc from 'fast-check';

/** Real vocabulary, alone and in phrases, so random input also reaches the deeper paths of the pipeline. */
export const vocabulary = [
  'horizon',
  'cvs',
  'aetna',
  '3dcrt',
  'imrt',
  'sbrt',
  'proton',
  'prostate',
  'prostrate',
  'rectal',
  'lung',
  'whole brain',
  'prone',
  'belly board',
  'curative',
  'palliative',
  'no prior rt',
  'not a boost',
  'bill',
  'bundled',
  'check',
  'compare',
  'what replaced',
  'hospital',
  'freestanding',
  'yes',
  'no',
  'what about CVS?',
  'horizon 3dcrt prostate',
  'igrt w 3dcrt prostrate horizon',
  'Horizon SBRT lung - can I bill 77387 on top of 77373?',
  'check 77385 77387-TC G6002 hospital horizon 2025-03-04',
  'compare CVS and Horizon on proton therapy',
];

/** Real codes as people type them, with modifiers. */
const realCodes = ['77387-TC', '77387-26', 'G6001', 'G6002', 'G6017', '0197T', '77385', '77373', '76950', '77014', '77417'];

/** Code-like tokens: real ones and any string shaped like a CPT or HCPCS code, sometimes with a modifier. */
export const codeLike = fc.oneof(
  fc.constantFrom(...realCodes),
  fc.stringMatching(/^\d{5}(-(TC|26|59|XU))?$/),
  fc.stringMatching(/^\d{4}[A-Z]$/),
  fc.stringMatching(/^[A-Z]\d{4}$/),
);

/** Slack mrkdwn, HTML, mentions and broadcast tokens a message may carry. */
export const markup = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<@U123|bob>',
  '<#C123|general>',
  '<!subteam^S123>',
  '<!date^1392734382^{date}|x>',
  '<https://x.io|click>',
  '<mailto:a@b.c|mail>',
  '*bold*',
  '_it_',
  '~struck~',
  '`code`',
  '```block```',
  '> quote',
  '&amp;',
  '&lt;',
  '<script>alert(1)</script>',
  '</div>',
  'DROP TABLE',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-looking string is the point of this input.
  '${x}',
  '%s%n',
  '__proto__',
  'constructor',
];

/** Control, invisible and direction characters, lone surrogates and emoji. */
export const oddCharacters = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r\n',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '🤖',
  '👩🏽‍⚕️',
  'ﬁ',
  'İ',
  'ß',
  'Ⅻ',
  '٣',
];

/** Any UTF-16 code unit, including control characters and lone surrogates. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', ', ', '\t', '-', '/');
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 2, arbitrary: codeLike },
  { weight: 2, arbitrary: fc.constantFrom(...markup) },
  { weight: 1, arbitrary: fc.constantFrom(...oddCharacters) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A mixture of real vocabulary, codes, markup, odd characters and noise, joined by assorted separators. */
export const mixture = (maxTokens: number) =>
  fc.array(fc.tuple(token, separator), { maxLength: maxTokens }).map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Questions of everyday length: random text of several alphabets, code units, and mixtures. */
export const question = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...oddCharacters, ...markup), maxLength: 30 }),
  mixture(30),
);

/** Questions of 10,000 to 50,000 characters: noise, or vocabulary and codes repeated past the read limit. */
export const longQuestion = fc.oneof(
  fc.string({ unit: 'binary', minLength: 10_000, maxLength: 50_000 }),
  fc.string({ unit: codeUnit, minLength: 10_000, maxLength: 50_000 }),
  fc
    .tuple(mixture(20), fc.integer({ min: 10_000, max: 50_000 }))
    .map(([chunk, length]) =>
      (chunk || 'horizon 3dcrt prostate ').repeat(Math.ceil(length / Math.max(1, chunk.length))).slice(0, length),
    ),
);

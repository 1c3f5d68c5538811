import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formPayload } from '../../src/slack/http-front.js';

describe('formPayload: the payload field of a form, decoding only what it must', () => {
  test('a slash command has none; a button click has its JSON', () => {
    expect(formPayload('command=%2Figrt&text=is+IGRT+covered%3F&response_url=https%3A%2F%2Fhooks')).toBeNull();
    expect(formPayload('payload=%7B%22type%22%3A%22block_actions%22%7D')).toBe('{"type":"block_actions"}');
    expect(formPayload('a=1&pay%6Coad=null')).toBe('null');
  });

  test('says what URLSearchParams says, for forms built of awkward pieces', () => {
    const piece = fc.constantFrom(
      'payload',
      'pay%6Coad',
      'p+ayload',
      '%70ayload',
      '?payload',
      'payload=',
      '?',
      '=',
      '==',
      '&',
      '+',
      '%',
      '%2',
      '%7B',
      '%F0%9F%91%8D',
      'é',
      'a',
      'b=c',
      'null',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const form = pieces.join('');
        expect(formPayload(form), form).toBe(new URLSearchParams(form).get('payload'));
      }),
      { numRuns: 20_000 },
    );
  });
});

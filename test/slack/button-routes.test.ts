import { describe, expect, test } from 'vitest';
import { ACTIONS } from '../../src/render/blocks.js';
import type { ButtonClick } from '../../src/slack/listeners/actions/button-click.js';
import { anyActionId, routeButton } from '../../src/slack/listeners/actions/index.js';

// Every button goes through one Bolt listener (one middleware chain per request, not one per
// button); these check that the one pattern takes exactly the buttons the handlers did, and each
// click reaches the handler its action_id names.
const handler = (name: string) => Object.assign(async (_click: ButtonClick) => {}, { handlerName: name });
const routes = Object.entries(ACTIONS).map(([name, id]) => [id, handler(name)] as const);
const pattern = anyActionId(routes);

describe('button routing (one listener for every button)', () => {
  test.each([
    ['igrt_follow_up_0', 'followUp'],
    ['igrt_follow_up_12', 'followUp'],
    ['igrt_share', 'share'],
    ['igrt_feedback_up', 'feedbackUp'],
    ['igrt_feedback_down', 'feedbackDown'],
    ['igrt_new_case', 'newCase'],
    ['igrt_home_example', 'homeExample'],
  ])('%s is taken and goes to %s', (actionId, name) => {
    expect(pattern.test(actionId)).toBe(true);
    expect((routeButton(routes, actionId) as unknown as { handlerName: string }).handlerName).toBe(name);
  });

  test.each([
    'igrt_follow_up_',
    'igrt_follow_up_x',
    'igrt_share_x',
    'xigrt_share',
    'igrt_feedback',
    'igrt_feedback_wrong',
    'igrt_feedback_correction',
    '',
  ])('%j is no button of ours: not taken, no handler', (actionId) => {
    expect(pattern.test(actionId)).toBe(false);
    expect(routeButton(routes, actionId)).toBeUndefined();
  });

  test('an id with pattern characters is matched literally', () => {
    const dotted = [['a.b', handler('dotted')] as const];
    expect(anyActionId(dotted).test('a.b')).toBe(true);
    expect(anyActionId(dotted).test('axb')).toBe(false);
  });
});

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** What a button listener is given: the click (action, body), its ack and the Web API client. */
export type ButtonClick = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postToResponseUrl, ResponseUrlError } from '../../src/slack/response-url.js';
import { startSlackStub } from './harness.js';

let stub: Awaited<ReturnType<typeof startSlackStub>>;
beforeAll(async () => {
  stub = await startSlackStub();
});
afterAll(async () => {
  await stub.close();
});

describe('postToResponseUrl', () => {
  test('POSTs the message as JSON', async () => {
    await postToResponseUrl(`${stub.url}/respond/ok`, { response_type: 'ephemeral', text: 'hi' });
    expect(stub.calls.find((c) => c.path === '/respond/ok')?.body).toEqual({ response_type: 'ephemeral', text: 'hi' });
  });

  test('a response URL that refuses the message (expired: 404) rejects with its status', async () => {
    stub.failures.set('/respond/expired', [{ status: 404 }]);
    await expect(postToResponseUrl(`${stub.url}/respond/expired`, { text: 'late' })).rejects.toMatchObject({
      name: 'ResponseUrlError',
      status: 404,
    });
  });

  test('an unreachable response URL rejects, never throws synchronously', async () => {
    await expect(postToResponseUrl('http://127.0.0.1:1/respond/x', { text: 'x' })).rejects.toBeInstanceOf(ResponseUrlError);
  });
});

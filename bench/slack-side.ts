import { createServer } from 'node:http';

// Slack's side of the load test, in its own process: the Web API and the response URLs the
// app calls. It counts what it receives by kind (answers, "slow down", "busy"), served at GET
// /stats, so the bench can wait for the answers and report what was shed. Prints its port,
// then serves until it is killed.
const counts = { answers: 0, rateLimited: 0, busy: 0, other: 0 };

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(counts));
    return;
  }
  let body = '';
  req.on('data', (chunk) => {
    body += String(chunk);
  });
  req.on('end', () => {
    if (req.url?.startsWith('/respond/')) {
      if (body.includes('faster than I can answer')) counts.rateLimited++;
      else if (body.includes('a lot of questions')) counts.busy++;
      else counts.answers++;
    } else if (!req.url?.includes('auth.test')) counts.other++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('auth.test') ? '{"ok":true,"user_id":"UBOT","bot_id":"B","team_id":"T1"}' : '{"ok":true}');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});

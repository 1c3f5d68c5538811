import { createServer } from 'node:http';

// Slack's side of the load test, in its own process: the Web API and response URLs the app
// calls. Prints its port, then serves until it is killed.
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.includes('auth.test') ? '{"ok":true,"user_id":"UBOT","bot_id":"B","team_id":"T1"}' : '{"ok":true}');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});

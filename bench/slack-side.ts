import { createServer } from 'node:http';
import { latencies } from './stats.js';

// Slack's side of the load test, in its own process: the Web API and the response URLs the
// app calls. Per load tag (from the response URL `/respond/<tag>/<due ms>`) it counts what it
// receives by kind (answers, "slow down", "busy") and times each reply from the command's due
// time, served at GET /stats/<tag> (with every end-to-end time, so the caller can pool them with
// the answers the client saw in ack bodies). users.info answers with a time zone, as Slack does for a real
// profile (the app caches it 12 h), and counts the lookups (GET /stats/lookups), so the report can
// say what first contact with a user costs. Prints its port, then serves until it is killed.
interface Tally {
  answers: number;
  rateLimited: number;
  busy: number;
  endToEnd: number[];
}
const tallies = new Map<string, Tally>();
let other = 0;
let lookups = 0;
const wall = () => performance.timeOrigin + performance.now();

function tally(tag: string): Tally {
  let t = tallies.get(tag);
  if (!t) {
    t = { answers: 0, rateLimited: 0, busy: 0, endToEnd: [] };
    tallies.set(tag, t);
  }
  return t;
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats/lookups') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ lookups }));
    return;
  }
  if (req.method === 'GET' && req.url?.startsWith('/stats/')) {
    const t = tally(req.url.slice('/stats/'.length));
    const { p50, p99 } = latencies(t.endToEnd);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ answers: t.answers, rateLimited: t.rateLimited, busy: t.busy, other, p50, p99, endToEnd: t.endToEnd }),
    );
    return;
  }
  const arrived = wall();
  let body = '';
  req.on('data', (chunk) => {
    body += String(chunk);
  });
  req.on('end', () => {
    const respond = /^\/respond\/([^/]+)\/([\d.]+)/.exec(req.url ?? '');
    if (respond) {
      const t = tally(respond[1] as string);
      if (body.includes('faster than I can answer')) t.rateLimited++;
      else if (body.includes('a lot of questions')) t.busy++;
      else {
        t.answers++;
        t.endToEnd.push(arrived - Number(respond[2]));
      }
    } else if (req.url?.includes('users.info')) lookups++;
    else if (!req.url?.includes('auth.test')) other++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      req.url?.includes('auth.test')
        ? '{"ok":true,"user_id":"UBOT","bot_id":"B","team_id":"T1"}'
        : req.url?.includes('users.info')
          ? '{"ok":true,"user":{"id":"U","tz":"America/New_York"}}'
          : '{"ok":true}',
    );
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});

// Sends a list of requests (any method, with a body) over N keep-alive connections in its own process, each no
// earlier than its `at` (ms after the start), so a benchmark can pace arrivals like people arriving at an event.
// Input on stdin: { connections, jobs: [{ tag, at, method, url, headers, body }] }.
// Output: one JSON line [{ tag, ms, status, body }] — latency measured from the moment the request was sent.
import http from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { connections, jobs } = JSON.parse(input);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const start = performance.now();

function send(job) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(job.url, { method: job.method, agent, headers: job.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ tag: job.tag, ms: performance.now() - t0, status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ tag: job.tag, ms: performance.now() - t0, status: 0, body: String(e) }));
    if (job.body !== undefined) req.write(job.body);
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = [];
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const wait = start + (job.at ?? 0) - performance.now();
    if (wait > 0) await sleep(wait);
    results.push(await send(job));
  }
}
await Promise.all(Array.from({ length: connections }, worker));
agent.destroy();
process.stdout.write(JSON.stringify(results) + '\n');

// Runs a list of GET requests with N keep-alive connections in its own process (so the client does not share
// the event loop or the core of the server it measures) and reports each request's latency.
// Input on stdin: { connections, jobs: [{ tag, url, headers }] }. Output: one JSON line [{ tag, ms, status }].
import http from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { connections, jobs } = JSON.parse(input);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function get(job) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(job.url, { agent, headers: job.headers }, (res) => {
      res.resume(); // read the whole body: the time to the last byte is what a user waits for
      res.on('end', () => resolve({ tag: job.tag, ms: performance.now() - t0, status: res.statusCode }));
    });
    req.on('error', () => resolve({ tag: job.tag, ms: performance.now() - t0, status: 0 }));
  });
}

const results = [];
let next = 0;
async function worker() {
  while (next < jobs.length) results.push(await get(jobs[next++]));
}
await Promise.all(Array.from({ length: connections }, worker));
agent.destroy();
process.stdout.write(JSON.stringify(results) + '\n');

// Runs one autocannon measurement in its own process, so the load generator does not share the event loop
// (or the core) of the server it measures. Input: one JSON argument; output: one JSON line on stdout.
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: o.url,
  connections: o.connections,
  duration: o.duration,
  headers: o.headers ?? {},
  timeout: 10,
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }) + '\n',
);

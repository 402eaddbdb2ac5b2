// Tags contacts through the API from one process, C requests in flight over kept-alive connections (a
// process per request, as curl in a shell loop, costs the machine more than the request itself).
// Prints "<count> tags in <seconds> s" and the p50/p99 latencies.
//   node bench/tag-contacts.mjs <api base> <token> <locationId> <file of contact ids> <tag> [concurrency=8]
import { readFile } from 'node:fs/promises';

const [base, token, location, idsFile, tag, inFlight = '8'] = process.argv.slice(2);
if (!tag) {
  console.error('usage: node bench/tag-contacts.mjs <api base> <token> <locationId> <ids file> <tag> [concurrency]');
  process.exit(2);
}
const ids = (await readFile(idsFile, 'utf8')).split('\n').map((line) => line.trim()).filter(Boolean);
const latencies = [];
let next = 0;

async function worker() {
  while (next < ids.length) {
    const id = ids[next++];
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/locations/${location}/contacts/${id}/tags`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tag }),
    });
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`tagging ${id}: ${response.status} ${text.slice(0, 300)}`);
    }
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}

const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(inFlight) }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(0);
console.log(`${ids.length} tags in ${seconds.toFixed(1)} s (${(ids.length / seconds).toFixed(0)}/s); latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);

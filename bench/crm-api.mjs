// The CRM API under load: creates N contacts through the API with C requests in flight, then times
// samples of get, patch and search. Prints throughput and p50/p99 latencies as Markdown.
//   node bench/crm-api.mjs <api base> <token> <locationId> [contacts=100000] [concurrency=8]
const [base, token, location, total = '100000', inFlight = '8'] = process.argv.slice(2);
const contacts = Number(total);
const concurrency = Number(inFlight);
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const url = (path) => `${base}/locations/${location}/${path}`;
const tags = ['lead', 'webinar', 'customer', 'newsletter', 'vip'];

async function call(method, path, body, contentType) {
  const started = process.hrtime.bigint();
  const response = await fetch(url(path), {
    method,
    headers: contentType ? { ...headers, 'Content-Type': contentType } : headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  }
  return { millis, json: text ? JSON.parse(text) : null };
}

/** Runs `count` tasks with `concurrency` in flight; returns each task's latency. */
async function pool(count, task) {
  const latencies = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      latencies[i] = (await task(i)).millis;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ids = [];
const createdAt = Date.now();
const creates = await pool(contacts, async (i) => {
  const result = await call('POST', 'contacts', {
    firstName: `First${i}`, lastName: `Last${i % 5000}`, email: `bench${i}@load.test`,
    phone: `+1415${2000000 + (i % 7000000)}`, companyName: `Company ${i % 2000}`, city: 'Springfield',
    tags: [tags[i % tags.length], tags[(i * 7) % tags.length]], source: 'bench',
  });
  ids[i] = result.json.id;
  return result;
});
const createSeconds = (Date.now() - createdAt) / 1000;

const samples = Math.min(2000, contacts);
const pick = (i) => ids[(i * 7919) % ids.length];
const gets = await pool(samples, (i) => call('GET', `contacts/${pick(i)}`));
const patches = await pool(samples, (i) => call('PATCH', `contacts/${pick(i)}`, { city: `City ${i}` },
  'application/merge-patch+json'));
const searches = await pool(Math.min(500, samples), (i) => call('GET',
  `contacts?query=${encodeURIComponent(`first${(i * 104729) % contacts}`)}&limit=20`));
const tagPages = await pool(Math.min(500, samples), (i) => call('GET', `contacts?tag=${tags[i % tags.length]}&limit=50`));

const row = (name, latencies) => `| ${name} | ${latencies.length} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`;
console.log(`Created ${contacts} contacts in ${createSeconds.toFixed(1)} s: ${(contacts / createSeconds).toFixed(0)} per second with ${concurrency} in flight.`);
console.log('');
console.log('| operation | requests | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
console.log(row('create', creates));
console.log(row('get', gets));
console.log(row('patch (merge patch)', patches));
console.log(row('search (full text, 20)', searches));
console.log(row('list by tag (50)', tagPages));

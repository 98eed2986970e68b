// Measurement code shared by the Node run (bench/node.mjs) and the Chromium
// page (bench/browser.mjs, bundled by bench/chromium.mjs): no Node or DOM API
// beyond performance.now() and TextEncoder, so both measure the same way.

const enc = new TextEncoder();
export const byteLength = (s) => enc.encode(s).length;

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** Nearest-rank percentile of ascending values (as examples/bench.rs). */
export function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

/**
 * The corpus rule of examples/bench.rs: `fixtures` ([{text}]) repeated in
 * order until `targetBytes` UTF-8 bytes. Returns {texts, bytes}.
 */
export function repeatTo(fixtures, targetBytes) {
  const texts = [];
  let bytes = 0;
  const sizes = fixtures.map((f) => f.bytes ?? byteLength(f.text));
  while (bytes < targetBytes) {
    for (let i = 0; i < fixtures.length; i++) {
      texts.push(fixtures[i].text);
      bytes += sizes[i];
      if (bytes >= targetBytes) break;
    }
  }
  return { texts, bytes };
}

/**
 * How much of the corpus each engine gets and how often. compromise runs at
 * ~0.1 MB/s, so it gets a prefix of the corpus (whole articles, >= `mb`
 * million bytes) and its MB/s is extrapolated from that slice.
 */
export const DEFAULTS = {
  claimscope: { mb: 10, runs: 5, rounds: 100, warmup: 3, document: true },
  wink: { mb: 10, runs: 3, rounds: 20, warmup: 2 },
  compromise: { mb: 0.5, runs: 2, rounds: 3, warmup: 1 },
};

/** BENCH_QUICK: a smoke test of the harness, not a measurement. */
export const QUICK = {
  claimscope: { mb: 1, runs: 2, rounds: 5, warmup: 1, document: true },
  wink: { mb: 0.3, runs: 1, rounds: 2, warmup: 1 },
  compromise: { mb: 0.06, runs: 1, rounds: 1, warmup: 1 },
};

/** Touches a result so no engine can skip work whose output is unused. */
function weigh(r) {
  if (r == null) return 0;
  if (Array.isArray(r)) return r.length + 1;
  if (typeof r === "object") return (r.actors?.length ?? r.length ?? 0) + 1;
  return 1;
}

/**
 * Runs one engine: warm-up passes over the fixtures, `runs` passes over the
 * stream (each article its own call), then `rounds` latency rounds where each
 * fixture call is timed alone, then (claimscope) the document mode.
 * `fixtures`: [{name, text}]; `stream`: texts; `log`: progress lines.
 */
export function measure(engine, { fixtures, stream, config, log = () => {} }) {
  const fn = engine.analyze;
  let sink = 0;
  for (let i = 0; i < config.warmup; i++) for (const f of fixtures) sink += weigh(fn(f.text));

  // The slice: whole articles from the start of the stream up to config.mb.
  const texts = [];
  let bytes = 0;
  for (const t of stream) {
    if (bytes >= config.mb * 1e6) break;
    texts.push(t);
    bytes += byteLength(t);
  }
  const runs = [];
  for (let r = 0; r < config.runs; r++) {
    const t0 = performance.now();
    for (const t of texts) sink += weigh(fn(t));
    const secs = (performance.now() - t0) / 1e3;
    runs.push(bytes / 1e6 / secs);
    log(`${engine.name} stream run ${r + 1}/${config.runs}: ${(bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(2)} s = ${runs.at(-1).toFixed(2)} MB/s`);
  }

  const sizes = fixtures.map((f) => byteLength(f.text));
  const largest = sizes.indexOf(Math.max(...sizes));
  const all = [];
  const big = [];
  for (let r = 0; r < config.rounds; r++) {
    fixtures.forEach((f, i) => {
      const t0 = performance.now();
      sink += weigh(fn(f.text));
      const ms = performance.now() - t0;
      all.push(ms);
      if (i === largest) big.push(ms);
    });
  }
  all.sort((a, b) => a - b);
  big.sort((a, b) => a - b);

  const result = {
    engine: engine.name,
    what: engine.what,
    slice_bytes: bytes,
    slice_articles: texts.length,
    stream: { best_mbps: Math.max(...runs), median_mbps: median(runs), runs_mbps: runs },
    latency: {
      rounds: config.rounds,
      mean_bytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
      median_ms: percentile(all, 50),
      p95_ms: percentile(all, 95),
      largest: fixtures[largest].name,
      largest_bytes: sizes[largest],
      largest_median_ms: percentile(big, 50),
      largest_p95_ms: percentile(big, 95),
    },
  };
  log(`${engine.name} latency: median ${result.latency.median_ms.toFixed(3)} ms, p95 ${result.latency.p95_ms.toFixed(3)} ms`);

  if (config.document) {
    const doc = texts.join("\n\n");
    const docBytes = byteLength(doc);
    const dr = [];
    for (let r = 0; r < config.runs; r++) {
      const t0 = performance.now();
      sink += weigh(fn(doc));
      dr.push(docBytes / 1e6 / ((performance.now() - t0) / 1e3));
    }
    result.document = { bytes: docBytes, best_mbps: Math.max(...dr), median_mbps: median(dr), runs_mbps: dr };
    log(`${engine.name} document: best ${result.document.best_mbps.toFixed(2)} MB/s`);
  }
  result.sink = sink;
  return result;
}

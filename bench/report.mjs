// Prints the benchmark table from the JSON files bench/run.sh writes.
//
//   node bench/report.mjs [target/bench]
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { ROOT } from "./corpus.mjs";

const dir = process.argv[2] ?? join(ROOT, "target", "bench");
const read = (name) => {
  const p = join(dir, `${name}.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, "utf8")) : null;
};
const machine = read("machine") ?? {};
const native = read("native");
const runs = {};
for (const rt of ["node", "chromium"]) for (const e of ["claimscope", "wink", "compromise"]) runs[`${rt}-${e}`] = read(`${rt}-${e}`);
const page = read("pageload");
const extra = read("extra");
const profile = read("profile");

const f = (x, d) => (x == null || Number.isNaN(x) ? "-" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(d ?? 1) : x.toFixed(d ?? 2));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const mark = (ok) => (ok == null ? "" : ok ? "  met" : "  MISSED");
const lines = [];
const say = (s = "") => lines.push(s);

function table(head, rows, widths) {
  say(head.map((h, i) => (i === 0 || i === head.length - 1 ? pad(h, widths[i]) : lpad(h, widths[i]))).join("  ").trimEnd());
  for (const r of rows) say(r.map((c, i) => (i === 0 || i === r.length - 1 ? pad(c, widths[i]) : lpad(c, widths[i]))).join("  ").trimEnd());
}

// ------------------------------------------------------------------ header
const la = (a) => (a ? a.map((x) => x.toFixed(1)).join(" ") : "?");
say(`Claimscope benchmark${machine.quick ? " (QUICK: a harness check, not a measurement)" : ""}`);
say(`${machine.started ?? ""}  commit ${machine.commit ?? "?"}  ${machine.cpu ?? ""}, ${machine.cores ?? "?"} cores; load average at start ${la(machine.loadavg_start)}, at end ${la(loadavg())}`);
if ((machine.loadavg_start?.[0] ?? 0) > (machine.cores ?? 1) * 0.5)
  say("The machine was loaded by other work during this run: compare best-of figures, and expect an idle machine to do better.");
const anyRun = native ?? runs["node-claimscope"];
if (anyRun)
  say(`Corpus: the ${native?.fixtures ?? 11} fixture articles repeated to ${anyRun.corpus_articles} articles, ${(anyRun.corpus_bytes / 1e6).toFixed(2)} MB (MB = 10^6 bytes). Stream = each article its own call.`);
say();

// ------------------------------------------------------------------ throughput
const tput = [];
const add = (label, r, target, cmd) => {
  if (!r) return tput.push([label, "-", "-", target ? `>= ${target}` : "", "not run"]);
  tput.push([label, f(r.best_mbps), f(r.median_mbps), target ? `>= ${target}${mark(r.median_mbps >= target)}` : "", cmd]);
};
const nativeCmd = native?.command ?? "target/release/examples/bench";
const cmdOf = (rt, e) => runs[`${rt}-${e}`]?.command ?? `node bench/${rt}.mjs ${e}`;
add("native core, 1 thread", native?.stream, 100, nativeCmd);
add("native core + serde_json output", native?.stream_json, null, nativeCmd);
add("native, corpus as ONE document (a)", native?.document, null, nativeCmd);
for (const [rt, label] of [["node", "Node " + (runs["node-claimscope"]?.node ?? "")], ["chromium", "Chromium"]]) {
  const slice = (e) => runs[`${rt}-${e}`];
  add(`wasm in ${label}`, slice("claimscope")?.stream, rt === "chromium" ? 30 : null, cmdOf(rt, "claimscope"));
  add(`wasm in ${label}, ONE document (a)`, slice("claimscope")?.document, null, cmdOf(rt, "claimscope"));
  add(`wink-nlp in ${label}`, slice("wink")?.stream, null, cmdOf(rt, "wink"));
  const c = slice("compromise");
  add(`compromise in ${label} (b: ${c ? (c.slice_bytes / 1e6).toFixed(2) : "?"} MB)`, c?.stream, null, cmdOf(rt, "compromise"));
}
if (extra) {
  for (const b of Object.values(extra.batch))
    add(`claimscope batch --threads ${b.threads} (CLI, JSONL) (c)`, b, null, extra.command);
}
say("Throughput, MB/s");
table(["", "best", "median", "target", "command"], tput, [44, 8, 8, 16, 0]);
say("(a) The core drops paragraphs repeated within a document as site clutter, so a document of repeated");
say("    articles mostly measures that path; the stream rows are the real full-analysis throughput.");
say("(b) compromise is timed on a prefix of the corpus (whole articles) and its MB/s extrapolated from it.");
say("(c) Whole process: read JSONL, parse, analyse, serialise, write, on the whole 10 MB corpus.");
if (extra)
  say(
    "    Cores kept busy (CPU s / wall s, median): " +
      Object.values(extra.batch).map((b) => `${f(b.cores_busy_median)} at --threads ${b.threads}`).join(", ") +
      "; MB per CPU second: " +
      Object.values(extra.batch).map((b) => `${f(b.cpu_mbps_median)} at --threads ${b.threads}`).join(", ") +
      ". Wall-clock scaling needs idle cores, which a shared machine may not have.",
  );
say();

// ------------------------------------------------------------------ ratios
const med = (k) => runs[k]?.stream?.median_mbps;
const ratio = (a, b) => (a && b ? `${f(a / b)}x` : "-");
say("Ratios of median stream MB/s");
table(
  ["", "Node", "Chromium", ""],
  [
    ["claimscope wasm / wink-nlp", ratio(med("node-claimscope"), med("node-wink")), ratio(med("chromium-claimscope"), med("chromium-wink")), ""],
    ["claimscope wasm / compromise", ratio(med("node-claimscope"), med("node-compromise")), ratio(med("chromium-claimscope"), med("chromium-compromise")), ""],
    ["native / claimscope wasm", ratio(native?.stream?.median_mbps, med("node-claimscope")), ratio(native?.stream?.median_mbps, med("chromium-claimscope")), ""],
  ],
  [44, 8, 9, 0],
);
say();

// ------------------------------------------------------------------ latency
const lat = [];
const addLat = (label, l, target, cmd) => {
  if (!l) return lat.push([label, "-", "-", "-", "-", "", "not run"]);
  lat.push([label, f(l.median_ms, 3), f(l.p95_ms, 3), f(l.largest_median_ms, 3), f(l.largest_p95_ms, 3), target ? `< ${target}${mark(l.largest_p95_ms < target)}` : "", cmd]);
};
addLat("native core", native?.latency, null, nativeCmd);
for (const rt of ["node", "chromium"]) {
  addLat(`wasm in ${rt}`, runs[`${rt}-claimscope`]?.latency, rt === "chromium" ? 2 : null, cmdOf(rt, "claimscope"));
  addLat(`wink-nlp in ${rt}`, runs[`${rt}-wink`]?.latency, null, cmdOf(rt, "wink"));
  addLat(`compromise in ${rt}`, runs[`${rt}-compromise`]?.latency, null, cmdOf(rt, "compromise"));
}
const L = native?.latency ?? runs["node-claimscope"]?.latency;
say(`Per-article latency, ms: each fixture call timed alone${L ? `; all ${native?.fixtures ?? 11} fixtures (mean ${(L.mean_bytes / 1e3).toFixed(1)} KB), and the largest (${(L.largest_bytes / 1e3).toFixed(1)} KB, the target's ~10 KB article)` : ""}`);
table(["", "median", "p95", "10KB med", "10KB p95", "target (p95)", "command"], lat, [44, 8, 8, 9, 9, 14, 0]);
say();

// ------------------------------------------------------------------ size
/** Bytes of `gzip -9 -c FILE`, the command the table names (node's zlib at level 9 gives ~0.5% more). */
function gzipped(path, bytes) {
  try {
    return execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 28 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}
const pkg = join(ROOT, "www", "pkg");
const sizes = ["claimscope_bg.wasm", "claimscope.js"].map((n) => {
  const p = join(pkg, n);
  if (!existsSync(p)) return [n, "-", "-"];
  const b = readFileSync(p);
  return [n, b.length, gzipped(p, b)];
});
const gzTotal = sizes.reduce((a, s) => a + (typeof s[2] === "number" ? s[2] : 0), 0);
say("Size of www/pkg after wasm-opt -O3 (KB = 1000 bytes)");
table(
  ["", "bytes", "gzip -9", "target", "command"],
  [
    ...sizes.map(([n, b, g]) => [n, b, g, "", "bash scripts/build.sh; gzip -9 -c FILE | wc -c"]),
    ["total", "", `${f(gzTotal / 1e3, 1)} KB`, `< 150 KB${mark(gzTotal < 150e3)}`, ""],
  ],
  [44, 8, 10, 16, 0],
);
say();

// ------------------------------------------------------------------ page load
say("Page load to first rendered result, ms since navigation start (Chromium, www/ served by scripts/serve.mjs)");
const pl = [];
for (const k of ["cold", "warm"]) {
  const s = page?.[k];
  if (!s) {
    pl.push([k, "-", "-", "-", "-", "", "not run"]);
    continue;
  }
  pl.push([
    k === "cold" ? `cold: new browser, fresh profile (n=${s.n})` : `warm: reload, caches filled (n=${s.n})`,
    f(s.first_result_median_ms, 1),
    f(s.first_result_best_ms, 1),
    f(s.first_actor_median_ms, 1),
    `${f(s.dom_content_loaded_median_ms, 0)} / ${f(s.worker_spawn_median_ms, 0)} / ${f(s.worker_ready_median_ms, 0)} (${f(s.worker_init_median_ms, 0)}) / ${f(s.analysis_median_ms, 1)} / ${f(s.render_median_ms, 1)}`,
    `< 100${mark(s.first_result_median_ms < 100)}`,
    page.command,
  ]);
}
// The trivial page has no worker, analysis or render: only its first result and DCL.
for (const [k, label] of [
  ["floor", "floor: a trivial page, reloads"],
  ["cold_floor", "floor, cold: its first visit, new browser"],
]) {
  const fl = page?.[k];
  if (fl) pl.push([`${label} (n=${fl.n})`, f(fl.first_result_median_ms, 1), f(fl.first_result_best_ms, 1), "-", `${f(fl.dom_content_loaded_median_ms, 0)} / - / - / - / -`, "", "(same run)"]);
}
table(["", "median", "best", "1st actor", "DCL/spawn/ready(init)/analysis/render", "target", "command"], pl, [44, 8, 8, 9, 38, 13, 0]);
say("(floor: interleaved with the warm reloads, a page with one stylesheet and one module that sets the mark at once:");
say(" what this machine and browser take before any of the page's own work; floor, cold: that page's first visit,");
say(" each in its own new browser with a fresh profile, alternately before and after a cold run of the page)");
say("(DCL: DOMContentLoaded; spawn: analysis worker created (after the first result); ready: its wasm instantiated (init: ms inside the worker);");
say(" analysis: the analyze() call; render: DOM update; all medians, ms since navigation start except init/analysis/render)");
if (page?.cold) say(`(the first-visit page analyses its first example: ${page.cold.chars} characters, ${page.cold.actors} actors; mark "claimscope:first-result" in www/app.js)`);
say();

// ------------------------------------------------------------------ memory
if (extra?.memory) {
  say("Memory: peak RSS of `claimscope analyze` on one document (node bench/native-extra.mjs; GNU time %M)");
  say("  " + extra.memory.map((m) => `${f(m.bytes / 1e6, 1)} MB -> ${f(m.peak_rss_kb / 1024, 1)} MB`).join(", "));
  say(`  growth ${f(extra.rss_mb_per_input_mb)} MB of RSS per MB of input (linear); batch peak RSS ${Object.values(extra.batch).map((b) => `${f(b.peak_rss_kb / 1024, 1)} MB at ${b.threads} thread(s)`).join(", ")} on the 10 MB corpus`);
  say();
}

// ------------------------------------------------------------------ profile
if (profile) {
  say(`Profile: callgrind, native stream over 1 MB, ${profile.total.toLocaleString("en")} instructions (bash bench/profile.sh 1)`);
  say("Top 15 functions by self instruction count (inlined pieces added up per function):");
  profile.top.forEach((r, i) => say(`${lpad(i + 1, 4)}. ${lpad(r.pct.toFixed(2), 6)}%  ${r.fn}`));
  say("claimscope functions by inclusive instruction count:");
  for (const s of profile.stages) say(`      ${s.ir == null ? "   n/a" : lpad(((100 * s.ir) / profile.total).toFixed(1), 5) + "%"}  ${s.fn}`);
}
console.log(lines.join("\n"));

// The CLI at scale: `claimscope batch` throughput on the ~10 MB corpus as
// JSON Lines (1 thread and all cores), and peak memory of `claimscope
// analyze` on one document of growing size (is memory linear in input?).
//
//   node bench/native-extra.mjs [--bin target/release/claimscope] [--runs 3] [--out FILE]
//
// Wall time is measured around the whole process (read, parse, analyse,
// serialise, write); peak RSS comes from GNU time (/usr/bin/time -f %M).
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdirSync, openSync, closeSync, existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, dirname } from "node:path";
import { ROOT, fixtures, corpus } from "./corpus.mjs";
import { median } from "./harness.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const bin = opt("--bin", join(ROOT, "target", "release", "claimscope"));
const runs = Number(opt("--runs", 3));
const out = opt("--out", null);
const work = join(ROOT, "target", "bench");
mkdirSync(work, { recursive: true });
const haveTime = existsSync("/usr/bin/time");

/** Runs `argv` with stdin from `input` and stdout to /dev/null: {secs, rss_kb}. */
function timed(argv, input) {
  const fd = openSync(input, "r");
  const sink = openSync("/dev/null", "w");
  const cmd = haveTime ? ["/usr/bin/time", "-f", "%M %U %S", ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: [fd, sink, "pipe"], maxBuffer: 1 << 20 });
  const secs = (performance.now() - t0) / 1e3;
  closeSync(fd);
  closeSync(sink);
  if (r.status !== 0) throw new Error(`${argv.join(" ")}: exit ${r.status}: ${r.stderr}`);
  const [rss, user, sys] = haveTime ? String(r.stderr).trim().split("\n").at(-1).split(" ").map(Number) : [null, null, null];
  // CPU seconds per wall second: how many cores the process kept busy.
  return { secs, rss_kb: rss, cpu_secs: haveTime ? user + sys : null, cores_busy: haveTime ? (user + sys) / secs : null };
}

const fx = fixtures();
const { texts, bytes } = corpus(fx, 10e6);
const jsonl = join(work, "corpus.jsonl");
writeFileSync(jsonl, texts.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n");

const cores = availableParallelism();
const batch = {};
for (const threads of [...new Set([1, cores])]) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(timed([bin, "batch", "--threads", String(threads)], jsonl));
  const rates = rs.map((r) => bytes / 1e6 / r.secs);
  batch[`threads_${threads}`] = {
    threads,
    best_mbps: Math.max(...rates),
    median_mbps: median(rates),
    runs_mbps: rates,
    articles_per_s: texts.length / Math.min(...rs.map((r) => r.secs)),
    peak_rss_kb: Math.max(...rs.map((r) => r.rss_kb ?? 0)) || null,
    cores_busy_median: haveTime ? median(rs.map((r) => r.cores_busy)) : null,
    cpu_mbps_median: haveTime ? median(rs.map((r) => bytes / 1e6 / r.cpu_secs)) : null,
  };
  console.error(`[extra] batch --threads ${threads}: best ${batch[`threads_${threads}`].best_mbps.toFixed(2)} MB/s`);
}

// One document of 1..15 MB (MAX_INPUT_BYTES is 16 MiB).
const memory = [];
for (const mb of [1, 2, 4, 8, 15]) {
  const doc = corpus(fx, mb * 1e6).texts.join("\n\n");
  const file = join(work, `doc-${mb}mb.txt`);
  writeFileSync(file, doc);
  const r = timed([bin, "analyze", "--compact", "-"], file);
  memory.push({ mb, bytes: Buffer.byteLength(doc), secs: r.secs, peak_rss_kb: r.rss_kb });
  console.error(`[extra] analyze one ${mb} MB document: ${r.secs.toFixed(2)} s, peak RSS ${r.rss_kb} KB`);
}
// RSS growth per input MB between the smallest and largest documents.
const [a, b] = [memory[0], memory.at(-1)];
const slope = haveTime ? (b.peak_rss_kb - a.peak_rss_kb) / 1024 / ((b.bytes - a.bytes) / 1e6) : null;

const command = `node bench/native-extra.mjs --runs ${runs}`;
const result = { command, cores, corpus_bytes: bytes, corpus_articles: texts.length, batch, memory, rss_mb_per_input_mb: slope };
const json = JSON.stringify(result, null, 1);
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json + "\n");
} else {
  console.log(json);
}

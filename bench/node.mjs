// The WebAssembly build and the JS baselines in Node, on the corpus of
// examples/bench.rs. One engine per process keeps their heaps and JITs apart:
//
//   node bench/node.mjs ENGINE [--out FILE]     ENGINE: claimscope | wink | compromise
//
// The wasm is www/pkg (wasm-pack --target web, after wasm-opt): the same
// bytes the page loads, instantiated with initSync.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, fixtures as loadFixtures, corpus } from "./corpus.mjs";
import { measure, DEFAULTS, QUICK } from "./harness.mjs";
import { makeEngine, ENGINES } from "./engines.mjs";

const args = process.argv.slice(2);
const name = args[0];
if (!ENGINES.includes(name)) {
  console.error(`usage: node bench/node.mjs ${ENGINES.join("|")} [--out FILE]`);
  process.exit(2);
}
const outIdx = args.indexOf("--out");
const out = outIdx >= 0 ? args[outIdx + 1] : null;

let analyze = null;
if (name === "claimscope") {
  const pkg = join(ROOT, "www", "pkg");
  const glue = await import(pathToFileURL(join(pkg, "claimscope.js")).href);
  glue.initSync({ module: readFileSync(join(pkg, "claimscope_bg.wasm")) });
  analyze = glue.analyze;
}
const engine = makeEngine(name, analyze);
const config = (process.env.BENCH_QUICK ? QUICK : DEFAULTS)[name];
const fixtures = loadFixtures();
const { texts, bytes } = corpus(fixtures, 10e6);
const log = (s) => console.error(`[node] ${s}`);
log(`corpus ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB; ${name} gets ${config.mb} MB x ${config.runs} runs`);
const command = `${process.env.BENCH_QUICK ? "BENCH_QUICK=1 " : ""}node bench/node.mjs ${name}`;
const result = { runtime: "node", command, node: process.version, corpus_bytes: bytes, corpus_articles: texts.length, ...measure(engine, { fixtures, stream: texts, config, log }) };
const json = JSON.stringify(result, null, 1);
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json + "\n");
} else {
  console.log(json);
}

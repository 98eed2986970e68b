// The benchmark page's script (bundled with compromise and wink-nlp by
// bench/chromium.mjs). ?engine=NAME[&quick] picks the engine; the result is
// written as JSON into #result and body[data-done] is set.
import { measure, repeatTo, DEFAULTS, QUICK } from "./harness.mjs";
import { makeEngine } from "./engines.mjs";

const params = new URLSearchParams(location.search);
const name = params.get("engine");
const log = (s) => console.log(`[chromium] ${s}`);

async function main() {
  const { fixtures, target_bytes } = await (await fetch("corpus.json")).json();
  let analyze = null;
  if (name === "claimscope") {
    // A computed URL: esbuild leaves this import to the browser.
    const glue = await import(new URL("./pkg/claimscope.js", location.href).href);
    await glue.default({ module_or_path: new URL("./pkg/claimscope_bg.wasm", location.href) });
    analyze = glue.analyze;
  }
  const engine = makeEngine(name, analyze);
  const config = (params.has("quick") ? QUICK : DEFAULTS)[name];
  const { texts, bytes } = repeatTo(fixtures, target_bytes);
  log(`corpus ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB; ${name} gets ${config.mb} MB x ${config.runs} runs; crossOriginIsolated=${self.crossOriginIsolated}`);
  return {
    runtime: "chromium",
    user_agent: navigator.userAgent,
    cross_origin_isolated: self.crossOriginIsolated,
    corpus_bytes: bytes,
    corpus_articles: texts.length,
    ...measure(engine, { fixtures, stream: texts, config, log }),
  };
}

main().then(
  (r) => finish(r),
  (e) => finish({ error: String(e?.stack ?? e) }),
);

function finish(r) {
  document.getElementById("result").textContent = JSON.stringify(r);
  document.body.dataset.done = "1";
}

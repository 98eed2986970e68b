// The analysis worker: owns the WebAssembly instance so that a long analysis
// never blocks typing. The page terminates and restarts this worker to cancel
// a job (a synchronous wasm call cannot be interrupted any other way).
//
// Protocol (page → worker):
//   {type: "init", module?}                  first message; module: a compiled
//                                            WebAssembly.Module from an earlier worker
//   {id, kind: "text",  text, format?}
//   {id, kind: "bytes", bytes: ArrayBuffer, format?, name}
//   {id, kind: "export", ref, text?, format?}  the full analysis of job `ref` as
//                                            JSON text (re-analyses `text` if
//                                            that result is no longer here)
// (worker → page):
//   {type: "ready", ms, module}              once, after the module is instantiated
//   {type: "start", id}                      when a job begins
//   {type: "result", id, result, ms}         ms = time inside analyze()
//   {type: "error", id, message, fatal}      fatal: the instance trapped; restart me
import init, { analyze, analyzeBytes } from "./pkg/claimscope.js";

let ready = null;

// Results for texts above SLIM_OVER characters go to the page without
// document.sentences/paragraphs (the page draws neither; for 10 MB they are
// ~150 k objects, half a second of structured clone on the main thread).
// The full result stays here for "Export JSON".
const SLIM_OVER = 1_000_000;
let kept = null; // {id, result}

function slim(id, result) {
  kept = { id, result };
  const d = result.document;
  return {
    ...result,
    slim: true,
    document: { ...d, sentences: [], paragraphs: [], sentence_count: d.sentences.length, paragraph_count: d.paragraphs.length },
  };
}

async function compile() {
  const url = new URL("./pkg/claimscope_bg.wasm", import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A host that serves .wasm with the wrong MIME type: compile from bytes.
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

async function start(module) {
  const t0 = performance.now();
  try {
    // A restarted worker reuses the page's compiled module: no fetch, no recompile.
    if (!(module instanceof WebAssembly.Module)) module = await compile();
    await init({ module_or_path: module });
    postMessage({ type: "ready", ms: performance.now() - t0, module });
  } catch (e) {
    postMessage({ type: "error", id: null, fatal: true, message: "could not load the analyser: " + messageOf(e) });
    throw e;
  }
}

function messageOf(e) {
  return (e && e.message) || String(e);
}

onmessage = async (ev) => {
  const job = ev.data;
  if (job.type === "init") {
    ready = start(job.module);
    return;
  }
  try {
    await ready;
  } catch {
    return;
  }
  postMessage({ type: "start", id: job.id });
  const options = job.format ? { format: job.format } : null;
  const t0 = performance.now();
  try {
    if (job.kind === "export") {
      const full = kept?.id === job.ref ? kept.result : analyze(job.text ?? "", options);
      postMessage({ type: "result", id: job.id, result: JSON.stringify(full, null, 2), ms: performance.now() - t0 });
      return;
    }
    const size = job.kind === "bytes" ? job.bytes.byteLength : job.text.length;
    let result =
      job.kind === "bytes" ? analyzeBytes(new Uint8Array(job.bytes), options) : analyze(job.text, options);
    const ms = performance.now() - t0;
    if (size > SLIM_OVER) result = slim(job.id, result);
    else kept = null;
    postMessage({ type: "result", id: job.id, result, ms });
  } catch (e) {
    // A JsError from the core ("binary file") is an ordinary answer; a trap
    // (RuntimeError: unreachable) leaves the instance unusable.
    const fatal = e instanceof WebAssembly.RuntimeError;
    const message = fatal ? `internal error in the analyser: ${messageOf(e)}` : messageOf(e);
    postMessage({ type: "error", id: job.id, fatal, message });
  }
};

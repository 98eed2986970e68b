// The analysis worker: owns the WebAssembly instance so that a long analysis
// never blocks typing. The page terminates and restarts this worker to cancel
// a job (a synchronous wasm call cannot be interrupted any other way).
//
// Protocol (page → worker):
//   {id, kind: "text",  text, format?}
//   {id, kind: "bytes", bytes: ArrayBuffer, format?, name}
// (worker → page):
//   {type: "ready", ms}                      once, after the module is instantiated
//   {type: "start", id}                      when a job begins (after queued messages)
//   {type: "result", id, result, ms}         ms = time inside analyze()
//   {type: "error", id, message, fatal}      fatal: the instance trapped; restart me
import init, { analyze, analyzeBytes } from "./pkg/claimscope.js";

const t0 = performance.now();
const ready = init().then(
  () => postMessage({ type: "ready", ms: performance.now() - t0 }),
  (e) => {
    postMessage({ type: "error", id: null, fatal: true, message: "could not load the analyser: " + messageOf(e) });
    throw e;
  },
);

function messageOf(e) {
  return (e && e.message) || String(e);
}

onmessage = async (ev) => {
  const job = ev.data;
  try {
    await ready;
  } catch {
    return;
  }
  postMessage({ type: "start", id: job.id });
  const options = job.format ? { format: job.format } : null;
  const start = performance.now();
  try {
    const result =
      job.kind === "bytes" ? analyzeBytes(new Uint8Array(job.bytes), options) : analyze(job.text, options);
    postMessage({ type: "result", id: job.id, result, ms: performance.now() - start });
  } catch (e) {
    // A JsError from the core ("binary file") is an ordinary answer; a trap
    // (RuntimeError: unreachable) leaves the instance unusable.
    const fatal = e instanceof WebAssembly.RuntimeError;
    postMessage({ type: "error", id: job.id, fatal, message: messageOf(e) });
  }
};

// The analysis worker: owns the WebAssembly instance so that a long analysis
// never blocks typing. It lives as long as the page. Jobs run one at a time,
// in the order they arrive; a big one runs one core stage per call (`Job`)
// and returns to the event loop between stages, where a "cancel" message for
// it is seen and the job is dropped. Nothing here ever fetches after start.
//
// Protocol (page → worker):
//   {type: "init", module?, error?}          module: the wasm compiled by the page,
//                                            or error: why it could not be; jobs
//                                            posted before it wait for it
//   {type: "cancel", id}                     drop job `id` (queued or running)
//   {id, kind: "text",  text, format?}
//   {id, kind: "bytes", bytes: ArrayBuffer, format?, name}
//   {id, kind: "export", ref, text?, format?}  the full analysis of job `ref` as
//                                            JSON text (re-analyses `text` if
//                                            that result is no longer here)
// (worker → page):
//   {type: "ready", ms}                      once, after the module is instantiated
//   {type: "start", id}                      when a job begins
//   {type: "progress", id, done}             between stages of a big job; done in (0, 1)
//   {type: "result", id, result, ms}         ms = time inside the core
//   {type: "cancelled", id}                  the job was dropped
//   {type: "error", id, message, fatal}      fatal: the instance trapped; restart me
import init, { analyze, Job } from "./pkg/claimscope.js";

// Settles once the page's "init" message has been handled.
let startWith;
const ready = new Promise((resolve) => (startWith = resolve)).then(start);
ready.catch(() => {}); // a failed start is reported to the page by start() itself

// Results for texts above SLIM_OVER characters go to the page without
// document.sentences/paragraphs (the page draws neither; for 10 MB they are
// ~150 k objects, half a second of structured clone on the main thread).
// The full result stays here for "Export JSON".
const SLIM_OVER = 1_000_000;
let kept = null; // {id, result}

// Texts above STEP_OVER characters run stage by stage, yielding in between
// (a 10 MB text: four steps of ~0.1–0.6 s each); smaller ones run in one go.
const STEP_OVER = 200_000;

const queue = [];
const cancelled = new Set();
let running = false;

function slim(id, result) {
  kept = { id, result };
  const d = result.document;
  return {
    ...result,
    slim: true,
    document: { ...d, sentences: [], paragraphs: [], sentence_count: d.sentences.length, paragraph_count: d.paragraphs.length },
  };
}

async function start({ module, error }) {
  const t0 = performance.now();
  try {
    // The page compiled the module (analyser.js): no fetch, no compile here.
    if (!(module instanceof WebAssembly.Module)) throw new Error(error ?? "no compiled module");
    await init({ module_or_path: module });
    postMessage({ type: "ready", ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: "error", id: null, fatal: true, message: "could not load the analyser: " + messageOf(e) });
    throw e; // jobs waiting on `ready` are dropped (drain)
  }
}

function messageOf(e) {
  return (e && e.message) || String(e);
}

/** Resolves after the messages already queued for this worker have been handled. */
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === "init") {
    startWith(msg);
  } else if (msg.type === "cancel") {
    cancelled.add(msg.id);
  } else {
    queue.push(msg);
    if (!running) drain();
  }
};

async function drain() {
  running = true;
  try {
    await ready;
    while (queue.length) {
      const job = queue.shift();
      // ids rise in the order jobs arrive: a cancel for an earlier id came
      // after that job had ended, and is dropped so the set stays small
      for (const id of cancelled) if (id < job.id) cancelled.delete(id);
      if (cancelled.delete(job.id)) postMessage({ type: "cancelled", id: job.id });
      else await run(job);
    }
  } catch {
    // the module did not load: "error" with id null was posted
  } finally {
    running = false;
  }
}

async function run(job) {
  postMessage({ type: "start", id: job.id });
  const options = job.format ? { format: job.format } : null;
  const t0 = performance.now();
  let core = null;
  try {
    if (job.kind === "export") {
      const full = kept?.id === job.ref ? kept.result : analyze(job.text ?? "", options);
      postMessage({ type: "result", id: job.id, result: JSON.stringify(full, null, 2), ms: performance.now() - t0 });
      return;
    }
    const size = job.kind === "bytes" ? job.bytes.byteLength : job.text.length;
    core = job.kind === "bytes" ? Job.fromBytes(new Uint8Array(job.bytes), options) : new Job(job.text, options);
    job.text = job.bytes = null; // the core has its copy
    let busy = 0; // ms inside the core, without the time spent yielding
    if (size > STEP_OVER) {
      for (;;) {
        const s = performance.now();
        const done = core.step();
        busy += performance.now() - s;
        if (done >= 1) break;
        postMessage({ type: "progress", id: job.id, done });
        await nextTask();
        if (cancelled.delete(job.id)) {
          core.free();
          core = null;
          postMessage({ type: "cancelled", id: job.id });
          return;
        }
      }
    }
    const s = performance.now();
    const finishing = core;
    core = null; // finish() frees it, even when it throws
    let result = finishing.finish();
    const ms = busy + performance.now() - s;
    if (size > SLIM_OVER) result = slim(job.id, result);
    else kept = null;
    postMessage({ type: "result", id: job.id, result, ms });
  } catch (e) {
    try {
      core?.free();
    } catch {
      // a trapped instance may refuse even this; it is about to be replaced
    }
    // A JsError from the core ("binary file") is an ordinary answer; a trap
    // (RuntimeError: unreachable) leaves the instance unusable.
    const fatal = e instanceof WebAssembly.RuntimeError;
    const message = fatal ? `internal error in the analyser: ${messageOf(e)}` : messageOf(e);
    postMessage({ type: "error", id: job.id, fatal, message });
  }
}

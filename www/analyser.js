// Runs analyses in one Web Worker that lives as long as the page.
//
// Jobs are posted to the worker at once and run there in order. Text jobs
// supersede each other: only the latest text matters, so a newer text
// cancels the older ones. A cancelled job stops at the worker's next step
// boundary (the core runs one stage per call; see worker.js) — the worker is
// never killed for it, so cancelling makes no request. Byte jobs (file
// uploads) are never superseded by typing; cancel() stops everything.
// Only a crashed instance (a trap) replaces the worker.
//
// Page load: a new worker takes ~50–150 ms to boot, longer than analysing a
// short article. So until the worker reports ready, small text jobs run on
// the page's own instance of the same module (compiled once, instantiated
// here too, ~1 ms), and the first result does not wait for the worker. From
// "ready" on, every job goes to the worker and the page's instance is let go.
// The worker itself is started once the page's instance has given its first
// result and that result has been painted (on two cores its boot competed
// with the first result for CPU), or at once for a job only it can run.

/** Raised for jobs that were cancelled or superseded: not an error to show. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

const WASM = new URL("./pkg/claimscope_bg.wasm", import.meta.url);

/** Texts up to this many characters may run on the page before the worker is ready (~5 ms). */
const LOCAL_MAX = 50_000;

async function compileWasm() {
  try {
    return await WebAssembly.compileStreaming(fetch(WASM));
  } catch {
    // A host that serves .wasm with the wrong MIME type: compile from bytes.
    const res = await fetch(WASM);
    if (!res.ok) throw new Error(`${WASM.pathname}: HTTP ${res.status}`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

export class Analyser {
  /**
   * @param {{onState?: (s: {busy: boolean, kind?: string, size?: number, since?: number, done?: number, estimateMs?: number}) => void,
   *          onReady?: (ms: number) => void, onFailure?: (message: string) => void, onSpawn?: (n: number) => void}} hooks
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.jobs = new Map(); // id → job not answered yet (sent to the worker, or waiting for the page's instance)
    this.nextId = 1;
    this.failed = null;
    this.worker = null;
    // Fetched and compiled (off the main thread in the engine) at once; the
    // worker is handed the compiled module, or the reason it could not be
    // (the worker reports it as it would its own).
    this.compiling = compileWasm().then(
      (module) => ({ module }),
      (e) => ({ error: (e && e.message) || String(e) }),
    );
    this.compiling.then(({ module }) => {
      if (module) {
        this.module = module;
        this.startLocal(module);
      } else {
        this.leaveLocal({ now: true });
      }
    });
  }

  spawn() {
    const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    w.onmessage = (ev) => this.onMessage(w, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      if (w !== this.worker) return;
      this.fail("could not start the analyser" + (ev.message ? ": " + ev.message : ""));
    };
    if (this.module) {
      w.postMessage({ type: "init", module: this.module });
    } else {
      this.compiling.then(({ module, error }) => {
        if (w === this.worker) w.postMessage({ type: "init", module, error });
      });
    }
    this.starts = (this.starts ?? 0) + 1;
    this.hooks.onSpawn?.(this.starts);
    this.worker = w;
    this.keptBy = null;
  }

  /** Instantiates the module on the page for the jobs posted before the worker is ready. */
  async startLocal(module) {
    try {
      const glue = await import("./pkg/claimscope.js");
      await glue.default({ module_or_path: module });
      if (!this.workerReady) {
        this.local = glue.analyze;
        // The newest small text runs here now (text jobs supersede each other).
        for (const job of [...this.jobs.values()].reverse()) if (this.runLocal(job)) break;
      }
    } catch {
      this.local = null; // the worker does every job, as it would anyway
    }
    // The worker starts after the frame that paints the first result.
    this.leaveLocal({ now: false });
  }

  /**
   * The page's instance has run what it will (or could not start): the jobs
   * that waited for it go to the worker, which starts now or after the next paint.
   */
  leaveLocal({ now }) {
    this.localDone = true;
    this.sendHeld();
    const start = () => this.worker ?? this.spawn();
    if (now) start();
    else requestAnimationFrame(() => setTimeout(start));
  }

  /** True while a small text job may wait for the page's own instance instead of the worker. */
  mayWaitLocal(job) {
    return !this.worker && !this.localDone && job.kind === "text" && job.size <= LOCAL_MAX;
  }

  /** Sends the jobs that waited for the page's instance and did not run there. */
  sendHeld() {
    for (const job of [...this.jobs.values()]) if (!job.sent && !job.cancelled) this.send(job);
  }

  /** Runs `job` on the page's instance if it may; true when it did. */
  runLocal(job) {
    if (!this.local || this.workerReady || job.cancelled || job.kind !== "text" || job.size > LOCAL_MAX) return false;
    const options = job.format ? { format: job.format } : null;
    const t0 = performance.now();
    let result;
    try {
      result = this.local(job.text, options);
    } catch {
      this.local = null; // a trap or an error: the worker answers this job as sent
      return false;
    }
    const ms = performance.now() - t0;
    // The worker would answer it too: it drops it instead.
    if (job.sent) this.worker?.postMessage({ type: "cancel", id: job.id });
    this.jobs.delete(job.id);
    performance.mark("claimscope:job-end", { detail: { id: job.id, type: "result", local: true } });
    job.resolve({ result, ms, id: job.id });
    this.emitState();
    return true;
  }

  /** The instance trapped: a new worker (from the compiled module) takes the jobs still wanted. */
  restart() {
    this.worker.terminate();
    this.spawn();
    for (const job of [...this.jobs.values()].sort((a, b) => a.id - b.id)) {
      if (job.cancelled || job.kind === "bytes") {
        // bytes were transferred to the dead worker: they cannot be sent again
        this.jobs.delete(job.id);
        if (!job.cancelled) job.reject(new Error("the analyser restarted; open the file again"));
      } else {
        this.send(job);
      }
    }
  }

  fail(message) {
    this.failed = message;
    for (const j of this.jobs.values()) if (!j.cancelled) j.reject(new Error(message));
    this.jobs.clear();
    this.emitState();
    this.hooks.onFailure?.(message);
  }

  onMessage(w, msg) {
    if (w !== this.worker) return; // a terminated worker's last words
    if (msg.type === "ready") {
      this.workerReady = true;
      this.local = null;
      this.hooks.onReady?.(msg.ms);
      return;
    }
    if (msg.type === "error" && msg.id === null) {
      this.fail(msg.message);
      return;
    }
    const job = this.jobs.get(msg.id);
    if (!job) return;
    if (msg.type === "start") {
      job.startedAt = performance.now();
      performance.mark("claimscope:job-start", { detail: { id: job.id, kind: job.kind, size: job.size } });
      this.emitState();
      return;
    }
    if (msg.type === "progress") {
      job.done = msg.done;
      this.emitState();
      return;
    }
    this.jobs.delete(job.id);
    performance.mark("claimscope:job-end", { detail: { id: job.id, type: msg.type } });
    if (msg.type === "result") {
      // Which job's full result the worker keeps (see worker.js, slim results).
      if (job.kind !== "export") this.keptBy = msg.result?.slim ? job.id : null;
      // Learn the throughput (chars per ms, from the job's start in the
      // worker) from big jobs, to estimate how long the next big one takes.
      if (job.kind !== "export" && job.size > 200_000 && !job.cancelled) {
        const rate = job.size / (performance.now() - (job.startedAt ?? job.sentAt));
        this.rate = this.rate ? 0.5 * this.rate + 0.5 * rate : rate;
      }
      if (!job.cancelled) job.resolve({ result: msg.result, ms: msg.ms, id: job.id });
    } else if (msg.type === "error") {
      if (!job.cancelled) job.reject(new Error(msg.message));
      if (msg.fatal) this.restart();
    }
    // "cancelled": the promise was settled when the job was dropped
    this.emitState();
  }

  /** Analyses text; resolves {result, ms, id}; rejects Cancelled when superseded. */
  analyzeText(text, format) {
    for (const j of this.jobs.values()) if (j.kind === "text") this.drop(j);
    return this.post({ kind: "text", text, format, size: text.length });
  }

  /** Decodes and analyses file bytes; resolves {result, ms, id} with result.input. */
  analyzeBytes(buffer, format, name) {
    return this.post({ kind: "bytes", bytes: buffer, format, name, size: buffer.byteLength });
  }

  /**
   * The full analysis as JSON text for a result marked `slim`: from the
   * worker's copy of job `ref`, or by analysing `text` again.
   */
  exportJson(ref, text, format) {
    return this.post({ kind: "export", ref, text, format, size: text.length }).then((r) => r.result);
  }

  /** Stops every job: the running one at its next step, the others before they start. */
  cancel() {
    for (const j of this.jobs.values()) this.drop(j);
    this.emitState();
  }

  drop(job) {
    if (job.cancelled) return;
    job.cancelled = true;
    job.text = null;
    if (job.sent) this.worker.postMessage({ type: "cancel", id: job.id });
    else this.jobs.delete(job.id);
    job.reject(new Cancelled());
  }

  post(spec) {
    if (this.failed) return Promise.reject(new Error(this.failed));
    return new Promise((resolve, reject) => {
      const job = { ...spec, id: this.nextId++, resolve, reject };
      this.jobs.set(job.id, job);
      if (this.runLocal(job)) return;
      if (this.mayWaitLocal(job)) job.sentAt = performance.now();
      else this.send(job);
      this.emitState();
    });
  }

  send(job) {
    if (!this.worker) this.spawn();
    job.sentAt = performance.now();
    job.startedAt = null;
    job.done = null;
    performance.mark("claimscope:job-sent", { detail: { id: job.id, kind: job.kind, size: job.size } });
    const { id, kind, text, format, bytes, name, ref } = job;
    if (kind === "bytes") this.worker.postMessage({ id, kind, bytes, format, name }, [bytes]);
    else if (kind === "export") this.worker.postMessage({ id, kind, ref, format, text: ref === this.keptBy ? null : text });
    else this.worker.postMessage({ id, kind, text, format });
    job.sent = true;
    job.bytes = null; // transferred; the text stays referenced (the editor holds it anyway) for a restart
  }

  /** Expected duration of a job in ms, once a big job has been timed (else null). */
  estimate(job) {
    return this.rate && job.kind !== "export" ? job.size / this.rate : null;
  }

  emitState() {
    // The job the user waits for: the oldest one still wanted.
    let r = null;
    for (const j of this.jobs.values()) if (!j.cancelled && (!r || j.id < r.id)) r = j;
    this.hooks.onState?.(
      r
        ? {
            busy: true,
            kind: r.kind,
            size: r.size,
            since: r.sentAt,
            done: r.done,
            queued: [...this.jobs.values()].filter((j) => !j.cancelled).length - 1,
            estimateMs: this.estimate(r),
          }
        : { busy: false },
    );
  }
}

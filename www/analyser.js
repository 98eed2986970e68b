// Runs analyses in a Web Worker, one job at a time.
//
// Text jobs supersede each other: only the latest text matters. If a text
// job is still running when a newer one arrives and it has run long enough
// to be worth stopping, the worker is terminated and restarted (the only way
// to stop a synchronous wasm call). Byte jobs (file uploads) are never
// superseded by typing; cancel() stops everything.

/** Raised for jobs that were cancelled or superseded: not an error to show. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

// A running text job younger than this is left to finish (restarting costs
// more than it saves); an older one is killed.
const KILL_AFTER_MS = 40;

export class Analyser {
  /**
   * @param {{onState?: (s: {busy: boolean, kind?: string, size?: number, since?: number}) => void,
   *          onReady?: (ms: number) => void, onFailure?: (message: string) => void}} hooks
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.queue = [];
    this.running = null;
    this.nextId = 1;
    this.failed = null;
    this.restarts = 0;
    this.spawn();
  }

  spawn() {
    const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    w.onmessage = (ev) => this.onMessage(w, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      if (w !== this.worker) return;
      this.fail("could not start the analyser" + (ev.message ? ": " + ev.message : ""));
    };
    w.postMessage({ type: "init", module: this.module ?? null });
    this.starts = (this.starts ?? 0) + 1;
    this.hooks.onSpawn?.(this.starts);
    this.worker = w;
    this.ready = false;
  }

  restart() {
    this.worker.terminate();
    this.keptBy = null;
    this.restarts++;
    this.spawn();
  }

  fail(message) {
    this.failed = message;
    const jobs = this.running ? [this.running, ...this.queue] : this.queue;
    this.running = null;
    this.queue = [];
    for (const j of jobs) j.reject(new Error(message));
    this.emitState();
    this.hooks.onFailure?.(message);
  }

  onMessage(w, msg) {
    if (w !== this.worker) return; // a terminated worker's last words
    if (msg.type === "ready") {
      this.ready = true;
      if (msg.module) this.module = msg.module;
      this.hooks.onReady?.(msg.ms);
      return;
    }
    const job = this.running;
    if (msg.type === "error" && msg.id === null) {
      this.fail(msg.message);
      return;
    }
    if (!job || msg.id !== job.id) return;
    if (msg.type === "start") {
      job.startedAt = performance.now();
      performance.mark("claimscope:job-start", { detail: { id: job.id, kind: job.kind, size: job.size } });
      return;
    }
    performance.mark("claimscope:job-end", { detail: { id: job.id, type: msg.type } });
    this.running = null;
    if (msg.type === "result") {
      // Which job's full result the worker keeps (see worker.js, slim results).
      if (job.kind !== "export") this.keptBy = msg.result?.slim ? job.id : null;
      // Learn the throughput (chars per ms, wall clock incl. transfer) from
      // big jobs, to estimate how long the next big one will take.
      if (job.kind !== "export" && job.size > 200_000) {
        const rate = job.size / (performance.now() - job.sentAt);
        this.rate = this.rate ? 0.5 * this.rate + 0.5 * rate : rate;
      }
      job.resolve({ result: msg.result, ms: msg.ms, id: job.id });
    } else {
      if (msg.fatal) this.restart();
      job.reject(new Error(msg.message));
    }
    this.pump();
  }

  /** Analyses text; resolves {result, ms}; rejects Cancelled when superseded. */
  analyzeText(text, format) {
    for (const j of this.queue.filter((j) => j.kind === "text")) j.reject(new Cancelled());
    this.queue = this.queue.filter((j) => j.kind !== "text");
    const r = this.running;
    const p = this.enqueue({ kind: "text", text, format, size: text.length });
    if (r && r.kind === "text" && performance.now() - (r.startedAt ?? r.sentAt) > KILL_AFTER_MS) {
      this.running = null;
      r.reject(new Cancelled());
      this.restart();
      this.pump();
    }
    return p;
  }

  /** Decodes and analyses file bytes; resolves {result, ms} with result.input. */
  analyzeBytes(buffer, format, name) {
    return this.enqueue({ kind: "bytes", bytes: buffer, format, name, size: buffer.byteLength });
  }

  /**
   * The full analysis as JSON text for a result marked `slim`: from the
   * worker's copy of job `ref`, or by analysing `text` again.
   */
  exportJson(ref, text, format) {
    return this.enqueue({ kind: "export", ref, text, format, size: text.length }).then((r) => r.result);
  }

  /** Stops the running job and drops the queue. */
  cancel() {
    const jobs = this.running ? [this.running, ...this.queue] : this.queue;
    const wasRunning = !!this.running;
    this.running = null;
    this.queue = [];
    for (const j of jobs) j.reject(new Cancelled());
    if (wasRunning) this.restart();
    this.emitState();
  }

  enqueue(spec) {
    if (this.failed) return Promise.reject(new Error(this.failed));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...spec, id: this.nextId++, resolve, reject });
      this.pump();
    });
  }

  pump() {
    if (!this.running && this.queue.length) {
      const job = this.queue.shift();
      this.running = job;
      job.sentAt = performance.now();
      performance.mark("claimscope:job-sent", { detail: { id: job.id, kind: job.kind, size: job.size } });
      const { id, kind, text, format, bytes, name, ref } = job;
      if (kind === "bytes") this.worker.postMessage({ id, kind, bytes, format, name }, [bytes]);
      else if (kind === "export") this.worker.postMessage({ id, kind, ref, format, text: ref === this.keptBy ? null : text });
      else this.worker.postMessage({ id, kind, text, format });
      job.text = job.bytes = null; // the worker has its copy; don't pin 10 MB here
    }
    this.emitState();
  }

  /** Expected duration of a job in ms, once a big job has been timed (else null). */
  estimate(job) {
    return this.rate && job.kind !== "export" ? job.size / this.rate : null;
  }

  emitState() {
    const r = this.running;
    this.hooks.onState?.(
      r
        ? { busy: true, kind: r.kind, size: r.size, since: r.sentAt, queued: this.queue.length, estimateMs: this.estimate(r) }
        : { busy: false },
    );
  }
}

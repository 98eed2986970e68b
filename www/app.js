// Claimscope page: wires the editor, files, examples and the analysis worker
// to the views. Nothing here sends data anywhere; the text stays in this tab
// (and in localStorage / IndexedDB of this browser, to survive a reload).

import { h, replace, debounce, formatBytes } from "./dom.js";
import { Analyser, Cancelled } from "./analyser.js";
import { buildModel, kindLabel } from "./model.js";
import { ArticleView } from "./article.js";
import { ActorsPanel, ClaimsPanel, renderMeta, renderDisagreements } from "./panels.js";
import { GraphView } from "./graph.js";
import { analysisJson, claimsCsv, actorsCsv, download, copyText, stem } from "./export.js";
import { loadState, saveState, startStorage } from "./storage.js";

/** Largest text or file the page analyses (the core's own limit, MAX_INPUT_BYTES). */
export const LIMIT = 16 * 1024 * 1024;
/**
 * Above this many characters the editor holds only the last TAIL characters
 * (still editable) and the rest is kept aside: a textarea holding megabytes
 * makes every keystroke cost seconds of layout in Chromium (measured: 0.6-4 s
 * per key at 10 MB, ~40 ms at 0.5 MB).
 */
export const LARGE = 512 * 1024;
const TAIL = 64 * 1024;

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const statusText = $("status-text");
const statusExtra = $("status-extra");
const progress = $("progress");
const cancelBtn = $("cancel");
const messages = $("messages");
const tooltip = $("tooltip");

const app = {
  docs: [],
  active: null,
  examples: [],
  model: null,
  modelDocId: null,
  modelText: null,
  frozen: null, // {docId, head}: the part of a large text not in the editor
  selected: null, // entity id in the current model
  selectedName: null, // survives re-analysis
  seq: 0,
  renders: 0,
  dirty: false,
  failed: null,
};

// ------------------------------------------------------------------ views

const article = new ArticleView($("article"), { tooltip, onActivate: (id) => select(id) });
const actors = new ActorsPanel($("actors"), $("actors-count"), $("sources"), { onSelect: (id) => select(id) });
const claims = new ClaimsPanel($("claims"), $("claims-count"), $("filters"), { onJump: (id) => jumpToClaim(id) });
const graph = new GraphView($("graph"), $("graph-legend"), $("graph-count"), {
  onSelect: (id) => select(id),
  onEdge: (e) => {
    claims.setFilter({ speaker: app.model.nameOf(e.source), target: app.model.nameOf(e.target), kind: e.kind, text: "" });
    $("claims-h").scrollIntoView({ behavior: "smooth", block: "start" });
    $("f-speaker").focus({ preventScroll: true });
  },
});

renderLegend();

// ------------------------------------------------------------------ worker

let busyTimer = 0;
const analyser = new Analyser({
  // Exposed for tests and debugging: how many workers were started (only a crash restarts one).
  onSpawn: (n) => (document.body.dataset.workers = String(n)),
  onReady: () => {
    startStorage(); // the page has started: its last worker
    document.body.dataset.workerReady = "true"; // for tests: jobs now run in the worker
    if (!app.model) setStatus("Ready.");
  },
  onState: (st) => showBusy(st),
  onFailure: (msg) => {
    app.failed = msg;
    setStatus("The analyser could not be loaded.");
    note("error", `The analyser could not be loaded (${msg}). Your text is kept; reload the page to try again.`, "analyser");
  },
});

function showBusy(st) {
  clearInterval(busyTimer);
  document.body.dataset.busy = st.busy ? "true" : "false";
  if (!st.busy) {
    progress.hidden = true;
    cancelBtn.hidden = true;
    $("results").removeAttribute("aria-busy");
    // A job that ended without a new result (error, export) leaves no busy line behind.
    if (/^(Analysing|Reading|Preparing)/.test(statusText.textContent)) setStatus(app.summary ?? "Ready.");
    return;
  }
  $("results").setAttribute("aria-busy", "true");
  // Short jobs finish before anything is shown; long ones get a busy line with elapsed time and Cancel.
  const tick = () => {
    const secs = (performance.now() - st.since) / 1000;
    if (secs < 0.25) return;
    progress.hidden = false;
    cancelBtn.hidden = false;
    const what = { bytes: "Reading file", export: "Preparing the JSON" }[st.kind] ?? "Analysing";
    // Big jobs report the share of stages done; before the first report,
    // estimate from the speed of earlier big jobs.
    let extra = `${secs.toFixed(1)} s`;
    if (st.done) {
      progress.value = st.done;
      extra += `, ${Math.round(st.done * 100)}% done`;
    } else if (st.estimateMs) {
      const left = st.estimateMs / 1000 - secs;
      progress.value = Math.min(0.95, secs / (st.estimateMs / 1000));
      extra += left > 1 ? `, about ${Math.ceil(left)} s left` : ", almost done";
    } else {
      progress.removeAttribute("value");
    }
    setStatus(`${what} (${formatBytes(st.size)})…`, extra);
    if (st.kind !== "export") $("results").classList.add("stale");
  };
  tick();
  busyTimer = setInterval(tick, 200);
}

cancelBtn.addEventListener("click", () => {
  analyser.cancel();
  setStatus("Cancelled.");
  note(
    "info",
    "Analysis cancelled: the results shown are for an earlier version of the text.",
    "cancel",
    h("button", { type: "button", class: "btn small", onclick: () => (dismiss("cancel"), analyseNow()) }, "Analyse again"),
  );
});

function setStatus(text, extra = "") {
  if (statusText.textContent !== text) statusText.textContent = text;
  statusExtra.textContent = extra;
}

// ------------------------------------------------------------------ messages

/** Shows a message; `key` replaces an earlier message with the same key. */
function note(kind, text, key, ...extra) {
  if (key) dismiss(key);
  const li = h(
    "li",
    { class: `msg ${kind}`, "data-key": key },
    h("span", null, text),
    ...extra,
    h("button", { type: "button", class: "close", "aria-label": "Dismiss message", onclick: () => li.remove() }, "×"),
  );
  messages.append(li);
  return li;
}

function dismiss(key) {
  for (const li of messages.querySelectorAll(`li[data-key="${CSS.escape(key)}"]`)) li.remove();
}

// ------------------------------------------------------------------ documents

let nextDoc = 1;
function newDoc(fields) {
  const doc = { id: `d${Date.now().toString(36)}${nextDoc++}`, name: "Untitled", text: "", format: null, ...fields };
  app.docs.push(doc);
  return doc;
}

function activeDoc() {
  return app.docs.find((d) => d.id === app.active) ?? app.docs[0];
}

function activate(id, { analyse = true } = {}) {
  flushEditor();
  app.active = id;
  const doc = activeDoc();
  loadEditor(doc);
  renderTabs();
  persist();
  checkSize(doc);
  if (analyse) analyseNow();
}

/**
 * A tab's name: a file's name; an untouched example's short title; else the
 * headline found by the last analysis, or the first line, or "Untitled".
 */
function tabLabel(d) {
  if (d.file || d.example) return d.name || "Untitled";
  const first = d.headline || d.text.slice(0, 200).split("\n").find((l) => l.trim()) || "";
  const t = first.trim();
  return t ? (t.length > 40 ? t.slice(0, 38).trimEnd() + "…" : t) : "Untitled";
}

function renderTabs() {
  const tabs = $("doc-tabs");
  replace(
    tabs,
    app.docs.map((d) => {
      const on = d.id === app.active;
      const label = tabLabel(d);
      // A list of buttons, not an ARIA tablist: each item also holds a close button.
      return h(
        "li",
        { class: ["doc-tab", on && "on"] },
        h(
          "button",
          {
            type: "button",
            id: `tab-${d.id}`,
            "aria-current": on ? "true" : null,
            title: label,
            class: "tab",
            onclick: () => on || activate(d.id),
          },
          label,
        ),
        h(
          "button",
          { type: "button", class: "close", "aria-label": `Close ${label}`, onclick: () => closeDoc(d.id) },
          "×",
        ),
      );
    }),
  );
}

function closeDoc(id) {
  flushEditor();
  const i = app.docs.findIndex((d) => d.id === id);
  if (i < 0) return;
  const [doc] = app.docs.splice(i, 1);
  if (!app.docs.length) newDoc({});
  if (app.active === id) activate(app.docs[Math.max(0, i - 1)].id);
  else {
    renderTabs();
    persist();
  }
  if (doc.text.trim() && !doc.example) {
    // Closing never loses text silently: offer to bring it back.
    note(
      "info",
      `Closed “${doc.name}”.`,
      "closed",
      h(
        "button",
        {
          type: "button",
          class: "btn small",
          onclick: () => {
            dismiss("closed");
            app.docs.splice(Math.min(i, app.docs.length), 0, doc);
            activate(doc.id);
          },
        },
        "Undo",
      ),
    );
  }
}

$("new-doc").addEventListener("click", () => {
  flushEditor();
  const d = newDoc({});
  activate(d.id);
  editor.focus();
});

// ------------------------------------------------------------------ editing

function delayFor(len) {
  return len < 50_000 ? 50 : len < 1_000_000 ? 250 : 600;
}

// Reading a 10 MB textarea value costs milliseconds, so keystrokes only mark
// the editor dirty; the value is read once the typing pauses.
const scheduleAnalysis = debounce(() => {
  flushEditor();
  analyseNow();
}, () => delayFor(activeDoc()?.text.length ?? 0));

editor.addEventListener("input", () => {
  app.dirty = true;
  scheduleAnalysis();
  schedulePersist();
});

function flushEditor() {
  if (!app.dirty) return;
  app.dirty = false;
  const doc = activeDoc();
  if (!doc) return;
  const text = app.frozen?.docId === doc.id ? app.frozen.head + editor.value : editor.value;
  if (doc.text !== text) {
    doc.text = text;
    doc.changed = true;
    if (doc.example) doc.example = null; // an edited example is the user's text now
    if (!doc.file) {
      const before = doc.name;
      doc.name = tabLabel(doc);
      if (doc.name !== before) renderTabs();
    }
  }
  // Text that grew large by typing or dropping: move it out of the editor now.
  if (!app.frozen && text.length > LARGE && !doc.fullEdit) loadEditor(doc, { keepCaret: true });
}

/** Puts a document into the editor: all of it, or for a large one only its tail. */
function loadEditor(doc, { keepCaret = false } = {}) {
  const large = doc.text.length > LARGE && !doc.fullEdit;
  if (!large) {
    app.frozen = null;
    editor.value = doc.text;
    if (!keepCaret) editor.scrollTop = 0;
    $("large-note").hidden = true;
    return;
  }
  // Cut at a line start within the last TAIL characters, never inside a surrogate pair.
  let cut = doc.text.length - TAIL;
  const nl = doc.text.indexOf("\n", cut);
  if (nl >= 0 && nl < doc.text.length - 1024) cut = nl + 1;
  if (/[\uDC00-\uDFFF]/.test(doc.text[cut] ?? "")) cut++;
  app.frozen = { docId: doc.id, head: doc.text.slice(0, cut) };
  editor.value = doc.text.slice(cut);
  editor.setSelectionRange(editor.value.length, editor.value.length);
  editor.scrollTop = editor.scrollHeight;
  const note = $("large-note");
  replace(
    note,
    h(
      "span",
      null,
      `This article is ${formatBytes(doc.text.length)}. To keep typing fast, the box shows only its last ${formatBytes(
        doc.text.length - cut,
      )}, which you can edit; the first ${formatBytes(cut)} are kept as they are. The whole text is analysed.`,
    ),
    h(
      "button",
      {
        type: "button",
        class: "btn small",
        onclick: () => {
          flushEditor();
          doc.fullEdit = true;
          loadEditor(doc);
        },
      },
      "Edit all of it (slow)",
    ),
    h(
      "button",
      {
        type: "button",
        class: "btn small",
        onclick: () => {
          flushEditor();
          const old = doc.text;
          doc.text = "";
          doc.changed = true;
          loadEditor(doc);
          persist();
          analyseNow();
          note2("info", "Cleared the large text.", "cleared", old);
          editor.focus();
        },
      },
      "Clear",
    ),
  );
  note.hidden = false;
}

/** A message offering to undo clearing `old` text. */
function note2(kind, text, key, old) {
  const doc = activeDoc();
  note(
    kind,
    text,
    key,
    h(
      "button",
      {
        type: "button",
        class: "btn small",
        onclick: () => {
          dismiss(key);
          doc.text = old;
          doc.changed = true;
          if (app.active === doc.id) loadEditor(doc);
          persist();
          analyseNow();
        },
      },
      "Undo",
    ),
  );
}

// A large paste never enters the textarea: Chromium would spend seconds laying it out.
editor.addEventListener("paste", (e) => {
  const pasted = e.clipboardData?.getData("text/plain");
  if (!pasted) return;
  const selected = editor.selectionEnd - editor.selectionStart;
  const before = app.frozen ? app.frozen.head.length + editor.textLength : editor.textLength;
  if (before - selected + pasted.length <= LARGE) return; // the browser's own paste is fine
  e.preventDefault();
  const doc = activeDoc();
  const off = app.frozen?.docId === doc.id ? app.frozen.head.length : 0;
  const a = editor.selectionStart;
  const b = editor.selectionEnd;
  app.dirty = true;
  flushEditor();
  doc.text = doc.text.slice(0, off + a) + pasted + doc.text.slice(off + b);
  doc.changed = true;
  if (doc.example) doc.example = null;
  loadEditor(doc);
  scheduleAnalysis();
  schedulePersist();
});

function checkSize(doc) {
  if (doc.text.length > LIMIT) {
    note(
      "error",
      `This text is ${formatBytes(doc.text.length)}; Claimscope analyses up to ${formatBytes(LIMIT)}. Split it into parts (open them as separate files). Your text is kept.`,
      "size",
    );
    return false;
  }
  dismiss("size");
  return true;
}

function analyseNow() {
  scheduleAnalysis.cancel();
  flushEditor();
  const doc = activeDoc();
  if (!doc) return;
  const seq = ++app.seq;
  const text = doc.text;
  if (!checkSize(doc)) {
    analyser.cancel();
    $("results").classList.add("stale");
    setStatus("Text too large to analyse.");
    return;
  }
  if (!text.trim()) {
    analyser.cancel();
    show(emptyResult(), text, doc, 0);
    setStatus("Waiting for text: paste an article, open a file or pick an example.");
    return;
  }
  if (app.failed) return;
  if (!(app.modelDocId === doc.id && app.modelText === text)) $("results").classList.add("pending");
  analyser.analyzeText(text, doc.format ?? undefined).then(
    ({ result, ms, id }) => {
      if (seq !== app.seq) return;
      show(result, text, doc, ms, id);
    },
    (err) => {
      if (err instanceof Cancelled || seq !== app.seq || analyser.failed) return;
      $("results").classList.remove("pending");
      setStatus("Analysis failed.");
      note("error", `The analysis failed on this text (${err.message}). Your text is kept.`, "analysis");
    },
  );
}

function emptyResult() {
  return {
    schema_version: 1,
    offset_unit: "utf16",
    document: { format: "text", headline: null, author: null, outlet: null, date: null, word_count: 0, paragraphs: [], sentences: [], excluded: [], truncated: false },
    actors: [],
    sources: [],
    claims: [],
    relations: [],
    disagreements: [],
    warnings: [],
  };
}

// ------------------------------------------------------------------ rendering

function show(result, text, doc, ms, jobId = null) {
  const t0 = performance.now();
  // All geometry is read here, before any DOM write, so rendering costs one layout.
  const geometry = { scroll: $("article").scrollTop, width: $("graph").clientWidth };
  const model = buildModel(result, text, ms);
  model.jobId = jobId;
  model.format = doc.format ?? undefined;
  app.model = model;
  app.modelDocId = doc.id;
  app.modelText = text;
  dismiss("analysis");
  // Keep the selected actor across re-analysis by name.
  const keep = app.selectedName && [...model.entities.values()].find((e) => e.name === app.selectedName);
  app.selected = keep ? keep.id : null;
  if (!keep) app.selectedName = null;
  article.selected = app.selected;
  actors.selected = app.selected;
  graph.selected = app.selected;

  tooltip.hidden = true; // it may point at a mention that is about to be replaced
  renderMeta($("meta"), model);
  const oldLabel = tabLabel(doc);
  doc.headline = model.doc.headline ?? null;
  if (tabLabel(doc) !== oldLabel) {
    doc.name = tabLabel(doc);
    renderTabs();
  }
  article.render(model, geometry);
  actors.render(model);
  claims.render(model);
  if (!app.graphDrawn && text.trim()) {
    app.graphDrawn = true;
    // The page's first result: the force layout (~1 ms when JIT-compiled)
    // runs in V8's interpreter on first use (~30 ms), so the graph is drawn
    // just after the first paint of the article, actors and claims.
    requestAnimationFrame(() => setTimeout(() => app.model && graph.render(app.model)));
  } else {
    graph.render(model, geometry);
  }
  renderDisagreements($("disagreements"), $("dis-count"), model, { onJump: (id) => jumpToClaim(id) });
  renderSelectionBar();
  renderWarnings(model, doc);
  $("results").classList.remove("stale", "pending");

  app.renders++;
  document.body.dataset.renders = String(app.renders);
  document.body.dataset.state = text.trim() ? "result" : "empty";
  const renderMs = performance.now() - t0;
  performance.mark("claimscope:render", { detail: { analysisMs: ms, renderMs, chars: text.length } });
  if (text.trim() && !performance.getEntriesByName("claimscope:first-result").length) {
    performance.mark("claimscope:first-result");
  }
  if (text.trim()) {
    app.summary = `${model.actors.length} actor${model.actors.length === 1 ? "" : "s"}, ${model.claims.length} claim${model.claims.length === 1 ? "" : "s"}`;
    setStatus(app.summary, `· ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);
  }
}

function renderWarnings(model, doc) {
  dismiss("warn");
  const w = [...model.warnings];
  if (model.doc.truncated && !w.some((x) => /truncat|limit/i.test(x))) w.push(`only the first ${formatBytes(LIMIT)} were analysed`);
  if (model.text.trim() && (model.doc.word_count ?? 0) === 0 && !model.actors.length) {
    w.push("no words were found to analyse: is this an article?");
  }
  if (w.length) note("warn", `Note on “${doc.name}”: ${w.join("; ").replace(/[.?!]?$/, (p) => p || ".")}`, "warn");
}

function renderLegend() {
  replace(
    $("legend"),
    ["person", "country", "organization", "armed_group", "source"].map((k) =>
      h("span", { class: "leg" }, h("span", { class: `m m-${k} sample` }, kindLabel(k))),
    ),
    h("span", { class: "leg" }, h("span", { class: "claim sample" }, "claim")),
  );
}

function select(id) {
  const model = app.model;
  if (!model) return;
  if (id && !model.entities.has(id)) id = null;
  app.selected = id;
  app.selectedName = id ? model.nameOf(id) : null;
  article.select(id);
  actors.setSelected(id);
  graph.setSelected(id);
  renderSelectionBar();
}

let mentionIndex = -1;
function renderSelectionBar() {
  const bar = $("selection-bar");
  const id = app.selected;
  const e = id && app.model?.entities.get(id);
  mentionIndex = -1;
  if (!e) {
    bar.hidden = true;
    replace(bar);
    return;
  }
  const pos = h("span", { class: "pos", "aria-live": "polite" }, "");
  const step = (d) => {
    const r = article.gotoMention(id, mentionIndex + d);
    if (r) {
      mentionIndex = r.index;
      pos.textContent = `${r.index + 1} of ${r.total}`;
    }
  };
  replace(
    bar,
    h("span", { class: `m m-${e.kind} sel` }, e.name),
    h("span", null, ` ${kindLabel(e.kind)}${e.role ? ", " + e.role : ""}: ${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"} `),
    pos,
    h("button", { type: "button", class: "btn small", onclick: () => step(-1), "aria-label": "Previous mention" }, "◀ Prev"),
    h("button", { type: "button", class: "btn small", onclick: () => step(1), "aria-label": "Next mention" }, "Next ▶"),
    h("button", { type: "button", class: "btn small", onclick: () => select(null) }, "Clear"),
  );
  bar.hidden = false;
}

function jumpToClaim(id) {
  const ok = article.jumpToClaim(id);
  if (!ok) note("info", "That claim is not in the current text any more.", "jump");
}

// ------------------------------------------------------------------ persistence

let persistNote = null;
async function persistNow() {
  flushEditor();
  try {
    const where = await saveState({ v: 1, active: app.active, docs: app.docs });
    if (persistNote) {
      persistNote.remove();
      persistNote = null;
    }
    return where;
  } catch {
    if (!persistNote || !persistNote.isConnected) {
      persistNote = note("warn", "This browser refused to store the text, so it will not survive a reload. It stays here until you close the tab.", "persist");
    }
  }
}
const persist = debounce(persistNow, () => ((activeDoc()?.text.length ?? 0) > 1_000_000 ? 1500 : 300));
const schedulePersist = persist;
window.addEventListener("pagehide", () => {
  // Best effort for the last keystrokes (small states save synchronously to localStorage).
  persist.cancel();
  persistNow();
});

// ------------------------------------------------------------------ files

function formatOf(name) {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "md" || ext === "markdown") return "markdown";
  return undefined; // .txt and others: let the core sniff
}

function readFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("could not read the file"));
    r.readAsArrayBuffer(file);
  });
}

async function openFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  flushEditor();
  let first = null;
  for (const file of files) {
    const name = file.name || "file";
    const keep = "Your text was not changed.";
    if (file.size === 0) {
      note("error", `“${name}” is empty: nothing to open. ${keep}`, `file:${name}`);
      continue;
    }
    if (file.size > LIMIT) {
      note("error", `“${name}” is ${formatBytes(file.size)}; Claimscope opens files up to ${formatBytes(LIMIT)}. ${keep}`, `file:${name}`);
      continue;
    }
    let buf;
    try {
      progress.hidden = false;
      buf = await readFile(file, (p) => {
        progress.value = p;
        setStatus(`Reading “${name}”…`, `${Math.round(p * 100)}%`);
      });
    } catch (e) {
      note("error", `Could not read “${name}” (${e.message}). ${keep}`, `file:${name}`);
      continue;
    } finally {
      progress.hidden = true;
    }
    if (app.failed) {
      note("error", `Cannot open “${name}”: the analyser is not available. ${keep}`, `file:${name}`);
      continue;
    }
    let out;
    try {
      out = await analyser.analyzeBytes(buf, formatOf(name), name);
    } catch (e) {
      if (e instanceof Cancelled) {
        note("info", `Opening “${name}” was cancelled. ${keep}`, `file:${name}`);
        continue;
      }
      note("error", `Could not open “${name}”: ${e.message}. ${keep}`, `file:${name}`);
      continue;
    }
    const text = out.result.input ?? "";
    if (!text.trim()) {
      note("error", `“${name}” contains no text. ${keep}`, `file:${name}`);
      continue;
    }
    dismiss(`file:${name}`);
    const doc = newDoc({ name, text, format: formatOf(name) ?? null, file: true });
    if (!first) first = { doc, out };
  }
  if (!first) return;
  flushEditor(); // keystrokes typed while the files were read belong to the old document
  app.active = first.doc.id;
  loadEditor(first.doc);
  renderTabs();
  persist();
  app.seq++; // any text job still pending is for the previous document
  show(first.out.result, first.doc.text, first.doc, first.out.ms, first.out.id);
}

const fileInput = $("file-input");
fileInput.addEventListener("change", async () => {
  const files = [...fileInput.files];
  fileInput.value = "";
  await openFiles(files);
});

// Dropping files anywhere opens them; dropping plain text into the editor stays the browser's default.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
document.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  $("drop-overlay").hidden = false;
});
document.addEventListener("dragover", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
});
document.addEventListener("dragleave", (e) => {
  if (!hasFiles(e)) return;
  if (--dragDepth <= 0) {
    dragDepth = 0;
    $("drop-overlay").hidden = true;
  }
});
document.addEventListener("drop", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  $("drop-overlay").hidden = true;
  openFiles(e.dataTransfer.files);
});

// ------------------------------------------------------------------ examples

function renderExamples() {
  replace(
    $("examples"),
    app.examples.map((ex, i) =>
      h(
        "button",
        { type: "button", class: "btn small example", title: ex.title, "data-example": ex.id, onclick: () => openExample(ex) },
        ex.short ?? `Example ${i + 1}`,
      ),
    ),
  );
  $("examples-label").hidden = !app.examples.length;
}

function openExample(ex) {
  flushEditor();
  const existing = app.docs.find((d) => d.example === ex.id && d.text === ex.text);
  const cur = activeDoc();
  // Reuse an empty untouched tab instead of piling up tabs.
  const doc =
    existing ??
    (cur && !cur.text.trim() ? Object.assign(cur, { name: ex.short ?? ex.title, text: ex.text, example: ex.id, format: null }) : null) ??
    newDoc({ name: ex.short ?? ex.title, text: ex.text, example: ex.id });
  activate(doc.id);
}

// ------------------------------------------------------------------ export

function withModel(fn) {
  const m = app.model;
  if (!m || !m.text.trim()) {
    $("export-note").textContent = "Nothing to export yet: analyse an article first.";
    return;
  }
  fn(m);
}

const docName = () => activeDoc()?.name?.replace(/\.[^.]+$/, "");
/** The full analysis as JSON; for huge texts the worker holds it (see worker.js). */
async function fullJson(m) {
  if (!m.result.slim) return analysisJson(m);
  $("export-note").textContent = "Preparing the JSON…";
  return analyser.exportJson(m.jobId, m.analysed, m.format);
}

$("exp-json").addEventListener("click", () =>
  withModel(async (m) => {
    try {
      download(`${stem(m, docName())}.claimscope.json`, "application/json", await fullJson(m));
      $("export-note").textContent = "JSON downloaded.";
    } catch (e) {
      $("export-note").textContent = `Could not export: ${e.message}`;
    }
  }),
);
$("exp-claims").addEventListener("click", () =>
  withModel((m) => {
    download(`${stem(m, docName())}.claims.csv`, "text/csv", claimsCsv(m));
    $("export-note").textContent = "Claims CSV downloaded.";
  }),
);
$("exp-actors").addEventListener("click", () =>
  withModel((m) => {
    download(`${stem(m, docName())}.actors.csv`, "text/csv", actorsCsv(m));
    $("export-note").textContent = "Actors CSV downloaded.";
  }),
);
$("exp-copy").addEventListener("click", () =>
  withModel(async (m) => {
    let json;
    try {
      json = await fullJson(m);
    } catch (e) {
      $("export-note").textContent = `Could not export: ${e.message}`;
      return;
    }
    const ok = await copyText(json);
    $("export-note").textContent = ok ? "JSON copied to the clipboard." : "Copying was refused by the browser; use Download JSON.";
  }),
);
$("exp-copy-csv").addEventListener("click", () =>
  withModel(async (m) => {
    const ok = await copyText(claimsCsv(m));
    $("export-note").textContent = ok ? "Claims CSV copied to the clipboard." : "Copying was refused by the browser; use Claims CSV.";
  }),
);

// ------------------------------------------------------------------ start

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && app.selected && !e.target.closest?.("textarea, input, select")) select(null);
});

async function start() {
  // A returning visitor's text is analysed at once; the examples (30 KB) load beside it.
  const examples = import("./examples.js").then(
    (m) => m.EXAMPLES ?? [],
    () => [],
  );
  examples.then((list) => {
    app.examples = list;
    renderExamples();
  });
  const saved = await loadState();
  if (saved && saved.docs.length) {
    app.docs = saved.docs;
    app.active = saved.docs.some((d) => d.id === saved.active) ? saved.active : saved.docs[0].id;
  } else {
    // First visit: show what the page does with the first example.
    const [ex] = await examples;
    newDoc(ex ? { name: ex.short ?? ex.title, text: ex.text, example: ex.id } : {});
    app.active = app.docs[0].id;
  }
  activate(app.active);
}

start();

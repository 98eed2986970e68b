// Keeps the open articles across reloads, in this browser only.
//
// The list of documents (names, small texts) lives in localStorage. Texts
// above BIG characters go to IndexedDB as Blobs, one record per document,
// rewritten only when they change, by store-worker.js: JSON.stringify or
// Blob-encoding a 10 MB text costs ~300 ms of main thread; posting it to a
// worker ~30 ms. A failure to save is reported, never thrown: the text stays
// in the page either way.

const KEY = "claimscope:v2";
const MARK = '{"in":"idb"}';
const BIG = 256 * 1024;

function idb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("claimscope", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("kv");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idbDo(mode, fn) {
  const db = await idb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction("kv", mode);
      const req = fn(tx.objectStore("kv"));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Returns the saved state {active, docs} or null. */
export async function loadState() {
  try {
    let raw = localStorage.getItem(KEY);
    if (raw === MARK) raw = await idbDo("readonly", (st) => st.get(KEY));
    if (!raw) return null;
    const state = JSON.parse(raw);
    if (!Array.isArray(state?.docs)) return null;
    const docs = [];
    for (const d of state.docs) {
      if (!d || typeof d.id !== "string") continue;
      if (d.big) {
        const blob = await idbDo("readonly", (st) => st.get(`doc:${d.id}`)).catch(() => null);
        if (!(blob instanceof Blob)) continue;
        d.text = await blob.text();
        delete d.big;
      }
      if (typeof d.text === "string") docs.push(d);
    }
    return { active: state.active, docs };
  } catch {
    return null;
  }
}

/**
 * Saves {active, docs}. Each doc: {id, name, text, format, example, changed?};
 * `changed` marks a text to rewrite (cleared here). Resolves when stored;
 * rejects if the browser refuses.
 */
export async function saveState({ active, docs }) {
  const big = docs.filter((d) => d.text.length > BIG);
  const meta = {
    v: 2,
    active,
    docs: docs.map(({ id, name, text, format, example, file }) =>
      text.length > BIG ? { id, name, format, example, file, big: true } : { id, name, text, format, example, file },
    ),
  };
  if (big.length || (await hasBlobs())) {
    const toWrite = big.filter((d) => d.changed !== false);
    await inWorker({
      put: toWrite.map((d) => [`doc:${d.id}`, d.text]),
      keep: big.map((d) => `doc:${d.id}`),
    });
    for (const d of toWrite) d.changed = false;
    blobsStored = big.length > 0;
  }
  const raw = JSON.stringify(meta);
  try {
    localStorage.setItem(KEY, raw);
    return "local";
  } catch {
    await idbDo("readwrite", (st) => st.put(raw, KEY));
    localStorage.setItem(KEY, MARK);
    return "idb";
  }
}

const waiting = new Map();
let nextId = 1;

function spawn() {
  const w = new Worker(new URL("./store-worker.js", import.meta.url));
  w.onmessage = (ev) => {
    const p = waiting.get(ev.data.id);
    waiting.delete(ev.data.id);
    if (ev.data.ok) p?.resolve();
    else p?.reject(new Error(ev.data.error));
  };
  w.onerror = (e) => {
    e.preventDefault();
    for (const p of waiting.values()) p.reject(new Error("storage worker failed"));
    waiting.clear();
    worker = null;
  };
  return w;
}
let worker = null;

/**
 * Starts the storage worker. The page calls this once it has started (its
 * analysis worker is ready), not on the first big save: the page makes no
 * request after load; and not at once, where its boot competed with the
 * first result. Only a failed worker is started again (by the next save).
 */
export function startStorage() {
  worker ??= spawn();
}

function inWorker(msg) {
  worker ??= spawn();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, ...msg });
  });
}

let blobsStored = null;
async function hasBlobs() {
  if (blobsStored === null) {
    try {
      const keys = await idbDo("readonly", (st) => st.getAllKeys());
      blobsStored = keys.some((k) => String(k).startsWith("doc:"));
    } catch {
      blobsStored = false;
    }
  }
  return blobsStored;
}

// Keeps the open articles across reloads, in this browser only.
//
// The list of documents (names, small texts) lives in localStorage. Texts
// above BIG characters go to IndexedDB as Blobs, one record per document,
// rewritten only when they change: a 10 MB text costs ~300 ms of main thread
// to JSON.stringify or structured-clone, but a Blob is handed over by
// reference. A failure to save is reported, never thrown: the text stays in
// the page either way.

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
    docs: docs.map(({ id, name, text, format, example }) =>
      text.length > BIG ? { id, name, format, example, big: true } : { id, name, text, format, example },
    ),
  };
  if (big.length || (await hasBlobs())) {
    const keep = new Set(big.map((d) => `doc:${d.id}`));
    const toWrite = big.filter((d) => d.changed !== false);
    // new Blob() copies the text out of the JS heap; IndexedDB then stores it by reference.
    const blobs = toWrite.map((d) => [d, new Blob([d.text], { type: "text/plain;charset=utf-8" })]);
    await idbDo("readwrite", (st) => {
      for (const [d, b] of blobs) st.put(b, `doc:${d.id}`);
      const req = st.getAllKeys();
      req.onsuccess = () => {
        for (const k of req.result) if (String(k).startsWith("doc:") && !keep.has(k)) st.delete(k);
      };
      return req;
    });
    for (const [d] of blobs) d.changed = false;
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

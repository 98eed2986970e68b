// Keeps the open articles across reloads, in this browser only.
// localStorage holds the state while it fits (a few MB); larger states go to
// IndexedDB, with a marker left in localStorage. A failure to save is
// reported, never thrown: the text stays in the editor either way.

const KEY = "claimscope:v1";
const MARK = '{"in":"idb"}';

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
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Returns the saved state or null. */
export async function loadState() {
  try {
    let raw = localStorage.getItem(KEY);
    if (raw === MARK) raw = await idbDo("readonly", (st) => st.get(KEY));
    if (!raw) return null;
    const state = JSON.parse(raw);
    if (!Array.isArray(state?.docs)) return null;
    state.docs = state.docs.filter((d) => d && typeof d.id === "string" && typeof d.text === "string");
    return state;
  } catch {
    return null;
  }
}

/** Saves the state; resolves "local", "idb" or rejects with a reason. */
export async function saveState(state) {
  const raw = JSON.stringify(state);
  // Under ~2 M characters localStorage is fine and synchronous-cheap.
  if (raw.length < 2_000_000) {
    try {
      localStorage.setItem(KEY, raw);
      return "local";
    } catch {
      /* quota: fall through to IndexedDB */
    }
  }
  await idbDo("readwrite", (st) => st.put(raw, KEY));
  localStorage.setItem(KEY, MARK);
  return "idb";
}

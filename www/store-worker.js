// Writes large article texts to IndexedDB off the main thread: turning a
// 10 MB string into a Blob (UTF-8 encoding) costs ~300 ms, which here
// happens away from typing. Protocol: {id, put: [[key, text]...], keep: [key...]}
// → {id, ok, error?}. Keys starting with "doc:" not in `keep` are deleted.

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("claimscope", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("kv");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

onmessage = async (ev) => {
  const { id, put, keep } = ev.data;
  try {
    const blobs = put.map(([key, text]) => [key, new Blob([text], { type: "text/plain;charset=utf-8" })]);
    const db = await openDb();
    try {
      await new Promise((resolve, reject) => {
        const tx = db.transaction("kv", "readwrite");
        const st = tx.objectStore("kv");
        for (const [key, blob] of blobs) st.put(blob, key);
        const keys = st.getAllKeys();
        keys.onsuccess = () => {
          const live = new Set(keep);
          for (const k of keys.result) if (String(k).startsWith("doc:") && !live.has(k)) st.delete(k);
        };
        tx.oncomplete = resolve;
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
    postMessage({ id, ok: true });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e?.message ?? e) });
  }
};

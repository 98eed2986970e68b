// Page load to first rendered result in headless Chromium, on the real page
// (www/, served by scripts/serve.mjs with the page's CSP from 127.0.0.1).
//
//   node bench/pageload.mjs [--cold N] [--warm N] [--out FILE]
//
// cold: a new browser with a fresh profile per run (empty HTTP and code
// caches; the first-visit page opens its first example and analyses it).
// warm: reloads in the last cold run's browser (caches filled; the page
// restores the saved article and analyses it).
//
// floor: interleaved with the warm reloads, reloads of a trivial page (one
// stylesheet, one module that sets the same mark at once) from the same kind
// of server in the same browser: what this machine and browser take before
// any of the page's own work, to read the page's figures against.
// cold_floor: that page's first visit in a new browser with a fresh profile,
// one per cold run (alternately before and after it).
//
// Per load: the page's own performance mark "claimscope:first-result" (set
// when the first non-empty analysis has been rendered, www/app.js), and as a
// cross-check the time the first actor row (#actors tr[data-ent]) entered the
// DOM. Both are milliseconds since navigation start.
import { writeFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { startServer } from "../scripts/serve.mjs";
import { ROOT } from "./corpus.mjs";
import { median } from "./harness.mjs";
import { launch } from "./chromium.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const cold = Number(opt("--cold", 7));
const warm = Number(opt("--warm", 7));
const out = opt("--out", null);

// Measurement-only instrumentation, injected before the page's scripts: when
// the first actor row appears, and when the analysis worker is created and
// reports its wasm ready (www/worker.js posts {type: "ready", ms}).
function watchFirstActor() {
  window.__firstActor = null;
  window.__worker = { spawn: null, ready: null, initMs: null };
  const W = window.Worker;
  window.Worker = function (...args) {
    const w = new W(...args);
    window.__worker.spawn ??= performance.now();
    w.addEventListener("message", (e) => {
      if (e.data?.type === "ready" && window.__worker.ready == null) {
        window.__worker.ready = performance.now();
        window.__worker.initMs = e.data.ms;
      }
    });
    return w;
  };
  window.Worker.prototype = W.prototype;
  new MutationObserver((_, obs) => {
    if (document.querySelector("#actors tr[data-ent]")) {
      window.__firstActor = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
  // The harness learns of the first result from the console, not by polling:
  // page.waitForFunction would inject Playwright's utility script (~25 ms of
  // main thread, measured in a trace) into the very load it is timing.
  new PerformanceObserver((list, obs) => {
    if (list.getEntries().some((e) => e.name === "claimscope:first-result")) {
      console.debug("claimscope:first-result");
      obs.disconnect();
    }
  }).observe({ type: "mark" });
}

async function load(page, url, how) {
  const firstResult = page.waitForEvent("console", { predicate: (m) => m.text() === "claimscope:first-result", timeout: 60e3 });
  if (how === "reload") await page.reload();
  else await page.goto(url);
  await firstResult;
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const render = performance.getEntriesByName("claimscope:render")[0];
    return {
      first_result_ms: performance.getEntriesByName("claimscope:first-result")[0].startTime,
      first_actor_ms: window.__firstActor,
      worker_spawn_ms: window.__worker?.spawn ?? null,
      worker_ready_ms: window.__worker?.ready ?? null,
      worker_init_ms: window.__worker?.initMs ?? null,
      dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null,
      analysis_ms: render?.detail?.analysisMs ?? null,
      render_ms: render?.detail?.renderMs ?? null,
      chars: render?.detail?.chars ?? null,
      actors: document.querySelectorAll("#actors tr[data-ent]").length,
    };
  });
}

const server = await startServer({ root: join(ROOT, "www"), port: 0 });
const floorRoot = await mkdtemp(join(tmpdir(), "claimscope-floor-"));
await writeFile(join(floorRoot, "style.css"), "body { font: 16px sans-serif; }\n");
await writeFile(join(floorRoot, "a.js"), 'document.body.append("ready"); performance.mark("claimscope:first-result");\n');
await writeFile(
  join(floorRoot, "index.html"),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><link rel="stylesheet" href="style.css"><script type="module" src="a.js"></script></head><body></body></html>\n',
);
const floorServer = await startServer({ root: floorRoot, port: 0 });
const runs = { cold: [], warm: [], floor: [], cold_floor: [] };
// The floor page's first visit in its own new browser with a fresh profile,
// before or after the page's (alternating), in the same cold conditions.
async function coldFloor() {
  const b = await launch();
  try {
    await b.page.addInitScript(watchFirstActor);
    runs.cold_floor.push(await load(b.page, floorServer.url, "goto"));
  } finally {
    await b.close();
  }
}
try {
  for (let i = 0; i < cold; i++) {
    if (i % 2 === 0) await coldFloor();
    const b = await launch();
    try {
      await b.page.addInitScript(watchFirstActor);
      runs.cold.push(await load(b.page, server.url, "goto"));
      console.error(`[pageload] cold ${i + 1}/${cold}: first result ${runs.cold.at(-1).first_result_ms.toFixed(1)} ms`);
      if (i === cold - 1) {
        const floorPage = await b.context.newPage();
        await floorPage.addInitScript(watchFirstActor);
        await load(floorPage, floorServer.url, "goto");
        for (let j = 0; j < warm; j++) {
          await b.page.bringToFront();
          runs.warm.push(await load(b.page, server.url, "reload"));
          console.error(`[pageload] warm ${j + 1}/${warm}: first result ${runs.warm.at(-1).first_result_ms.toFixed(1)} ms`);
          await floorPage.bringToFront();
          runs.floor.push(await load(floorPage, floorServer.url, "reload"));
        }
      }
    } finally {
      await b.close();
    }
    if (i % 2 === 1) await coldFloor();
  }
} finally {
  await server.close();
  await floorServer.close();
  await rm(floorRoot, { recursive: true, force: true });
}

const summary = (rs) =>
  rs.length
    ? {
        n: rs.length,
        first_result_median_ms: median(rs.map((r) => r.first_result_ms)),
        first_result_best_ms: Math.min(...rs.map((r) => r.first_result_ms)),
        first_actor_median_ms: median(rs.map((r) => r.first_actor_ms ?? NaN)),
        dom_content_loaded_median_ms: median(rs.map((r) => r.dom_content_loaded_ms)),
        worker_spawn_median_ms: median(rs.map((r) => r.worker_spawn_ms ?? NaN)),
        worker_ready_median_ms: median(rs.map((r) => r.worker_ready_ms ?? NaN)),
        worker_init_median_ms: median(rs.map((r) => r.worker_init_ms ?? NaN)),
        analysis_median_ms: median(rs.map((r) => r.analysis_ms ?? NaN)),
        render_median_ms: median(rs.map((r) => r.render_ms ?? NaN)),
        chars: rs[0].chars,
        actors: rs[0].actors,
      }
    : null;
const command = `node bench/pageload.mjs --cold ${cold} --warm ${warm}`;
// The floor page has no worker, analysis or render: those medians are null.
const result = {
  command,
  cold: summary(runs.cold),
  warm: summary(runs.warm),
  floor: summary(runs.floor),
  cold_floor: summary(runs.cold_floor),
  runs,
};
const json = JSON.stringify(result, null, 1);
if (out) {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, json + "\n");
} else {
  console.log(json);
}

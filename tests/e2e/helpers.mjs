// Shared set-up for the page tests: a static server with the page's CSP,
// Debian's Chromium driven by playwright-core (never a downloaded browser),
// and a recorder of every request, console error and CSP violation.
import { mkdtemp, cp, mkdir, copyFile, rm, access, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WWW = join(ROOT, "www");
export const FIXTURES = join(ROOT, "tests", "fixtures");
export const RESULTS = join(ROOT, "test-results");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** True when the wasm build is present (scripts/build.sh has run). */
export async function haveBuild() {
  try {
    await access(join(WWW, "pkg", "claimscope_bg.wasm"));
    await access(join(WWW, "examples.js"));
    await access(join(WWW, "app.bundle.js"));
    return true;
  } catch {
    return false;
  }
}

/** A copy of www/ whose pkg/claimscope.js is the mock core (tests/e2e/mock-core.js). */
export async function mockRoot() {
  const dir = await mkdtemp(join(tmpdir(), "claimscope-mock-"));
  await cp(WWW, dir, { recursive: true, filter: (src) => !src.includes(`${join(WWW, "pkg")}`) });
  await mkdir(join(dir, "pkg"), { recursive: true });
  await copyFile(join(ROOT, "tests", "e2e", "mock-core.js"), join(dir, "pkg", "claimscope.js"));
  // The smallest valid module: the worker compiles it as it would the real one.
  await writeFile(join(dir, "pkg", "claimscope_bg.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Starts a server on `root` and a fresh Chromium profile.
 * Returns {page, context, url, log, close}; log = {requests, errors, violations}.
 */
export async function open({ root = WWW, width = 1280, height = 900, colorScheme = "light" } = {}) {
  const server = await startServer({ root, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), "claimscope-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width, height },
    colorScheme,
    acceptDownloads: true,
  });
  const log = { requests: [], errors: [], violations: [] };
  context.on("request", (r) => log.requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  // CSP violations are reported to the page (and to workers) as DOM events.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return {
    page,
    context,
    url: server.url,
    log,
    async violations() {
      return page.evaluate(() => window.__violations ?? []);
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has rendered more than `after` results; returns the new count. */
export async function nextRender(page, after, timeout = 20000) {
  await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, after, { timeout });
  return Number(await page.evaluate(() => document.body.dataset.renders));
}

export async function renders(page) {
  return Number(await page.evaluate(() => document.body.dataset.renders ?? 0));
}

/** Replaces the editor's text as a paste would (one input event), then waits for the result. */
export async function paste(page, text, { wait = true } = {}) {
  const before = await renders(page);
  await page.evaluate((t) => {
    const ed = document.getElementById("editor");
    ed.focus();
    ed.value = t;
    ed.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  if (wait) await nextRender(page, before);
}

/** Saves test-results/NAME.png (whole page unless fullPage: false). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage, timeout: 60000 });
  return path;
}

/**
 * Records the page's main-thread tasks (Chrome tracing, "toplevel").
 * stop() → {longestMs, longestCpuMs}: the longest task by wall clock and by
 * thread CPU time. CPU time is what the page's own work costs; wall clock
 * also counts time the OS gave to other processes (a loaded CI machine).
 */
export async function traceMainThread(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  await cdp.send("Tracing.start", { categories: "toplevel,__metadata", transferMode: "ReportEvents" });
  return {
    async stop() {
      const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
      await cdp.send("Tracing.end");
      await done;
      await cdp.detach().catch(() => {});
      const main = new Set(
        events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
      );
      const tasks = events.filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && main.has(`${e.pid}:${e.tid}`));
      return {
        tasks: tasks.length,
        longestMs: Math.max(0, ...tasks.map((t) => t.dur / 1000)),
        longestCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? t.dur) / 1000)),
      };
    },
  };
}

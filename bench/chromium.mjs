// The WebAssembly build and the JS baselines in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; a fresh profile per engine).
//
//   node bench/chromium.mjs ENGINE [--out FILE]    ENGINE: claimscope | wink | compromise
//
// The page is served from 127.0.0.1 with COOP/COEP headers: a cross-origin
// isolated page gets 5 µs timers instead of Chromium's coarsened 100 µs, which
// the per-article latencies need. It runs in the page's main thread.
import { createServer } from "node:http";
import { mkdtemp, mkdir, copyFile, writeFile, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { ROOT, fixtures as loadFixtures } from "./corpus.mjs";
import { ENGINES } from "./engines.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh profile in a temp dir; returns {context, page, close}. */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), "claimscope-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };

async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

async function main() {
  const args = process.argv.slice(2);
  const name = args[0];
  if (!ENGINES.includes(name)) {
    console.error(`usage: node bench/chromium.mjs ${ENGINES.join("|")} [--out FILE]`);
    process.exit(2);
  }
  const outIdx = args.indexOf("--out");
  const out = outIdx >= 0 ? args[outIdx + 1] : null;

  const root = await mkdtemp(join(tmpdir(), "claimscope-bench-page-"));
  await mkdir(join(root, "pkg"));
  for (const f of ["claimscope.js", "claimscope_bg.wasm"]) await copyFile(join(ROOT, "www", "pkg", f), join(root, "pkg", f));
  await writeFile(join(root, "corpus.json"), JSON.stringify({ fixtures: loadFixtures(), target_bytes: 10e6 }));
  await writeFile(
    join(root, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><script type="module" src="bench.js"></script><pre id="result"></pre>\n',
  );
  await build({
    entryPoints: [join(ROOT, "bench", "browser.mjs")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(root, "bench.js"),
    logLevel: "error",
  });

  const server = await serve(root);
  const browser = await launch();
  let result;
  try {
    browser.page.on("console", (m) => console.error(m.text()));
    browser.page.on("pageerror", (e) => console.error(`[chromium] page error: ${e}`));
    const quick = process.env.BENCH_QUICK ? "&quick" : "";
    await browser.page.goto(`${server.url}index.html?engine=${name}${quick}`);
    await browser.page.waitForSelector("body[data-done]", { state: "attached", timeout: 20 * 60e3 });
    result = JSON.parse(await browser.page.textContent("#result"));
    result.chromium = browser.context.browser()?.version() ?? null;
    result.command = `${process.env.BENCH_QUICK ? "BENCH_QUICK=1 " : ""}node bench/chromium.mjs ${name}`;
  } finally {
    await browser.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
  if (result.error) {
    console.error(`chromium: ${name}: ${result.error}`);
    process.exit(1);
  }
  const json = JSON.stringify(result, null, 1);
  if (out) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, json + "\n");
  } else {
    console.log(json);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

// Checks without a browser: the page's sources keep to the CSP and to
// "untrusted text only as text", and scripts/serve.mjs serves what browsers need.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, mkdtemp, writeFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { WWW } from "./helpers.mjs";
import { startServer, CSP } from "../../scripts/serve.mjs";

async function sources() {
  const names = (await readdir(WWW)).filter((n) => /\.(js|html|css)$/.test(n) && n !== "examples.js" && !n.startsWith("app.bundle."));
  return Promise.all(names.map(async (n) => ({ name: n, text: await readFile(join(WWW, n), "utf8") })));
}

test("no HTML-string sinks, eval or inline handlers in the page's code", async () => {
  const banned = [
    [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/, "HTML string sink"],
    [/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]|setInterval\s*\(\s*["'`]/, "eval-like"],
    [/setAttribute\(\s*["']style["']|\.style\.cssText|["']style["']\s*:/, "style attribute (CSP style-src)"],
    [/setAttribute\(\s*["'](href|src|srcdoc|action|formaction)["']|\bhref:\s|\bsrc:\s/, "URL attribute from code"],
  ];
  for (const { name, text } of await sources()) {
    if (!name.endsWith(".js")) continue;
    for (const [re, what] of banned) assert.doesNotMatch(text, re, `${name}: ${what}`);
  }
});

test("index.html has no inline script, style or event handler", async () => {
  const html = await readFile(join(WWW, "index.html"), "utf8");
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    assert.match(m[0], /\bsrc=/, "every script is a file");
    assert.equal(m[1].trim(), "", "no inline script body");
  }
  assert.doesNotMatch(html, /<style\b/);
  assert.doesNotMatch(html, /\sstyle=/);
  assert.doesNotMatch(html, /\son[a-z]+=/);
  assert.doesNotMatch(html, /https?:\/\//, "nothing loaded from elsewhere");
});

function get(url, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method: "GET", headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serve.mjs: CSP on every response, correct MIME types, no escape from the root", async () => {
  const root = await mkdtemp(join(tmpdir(), "claimscope-serve-"));
  await writeFile(join(root, "index.html"), "<!doctype html><title>x</title>");
  await writeFile(join(root, "a.js"), "export {};");
  await writeFile(join(root, "m.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(join(root, "s.css"), "p{}");
  const srv = await startServer({ root, port: 0 });
  try {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const cases = [
      ["/", 200, "text/html; charset=utf-8"],
      ["/a.js", 200, "text/javascript; charset=utf-8"],
      ["/m.wasm", 200, "application/wasm"],
      ["/s.css", 200, "text/css; charset=utf-8"],
      ["/missing.js", 404, "text/plain; charset=utf-8"],
      ["/../../etc/passwd", 404, null],
      ["/%2e%2e/%2e%2e/etc/passwd", 404, null], // the URL parser folds these dots away
      ["/..%2f..%2f..%2fetc/passwd", 403, null], // these survive until decoded
      ["/%zz", 400, null],
    ];
    for (const [path, status, type] of cases) {
      const r = await get(srv.url, path);
      assert.equal(r.status, status, path);
      assert.equal(r.headers["content-security-policy"], CSP, `CSP on ${path}`);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      if (type) assert.equal(r.headers["content-type"], type, path);
      assert.doesNotMatch(r.body.toString(), /root:/, `${path} must not leak files`);
    }
    const first = await get(srv.url, "/m.wasm");
    assert.ok(first.headers.etag);
    const again = await get(srv.url, "/m.wasm", { "If-None-Match": first.headers.etag });
    assert.equal(again.status, 304, "revalidation keeps the browser's cached (compiled) copy");
  } finally {
    await srv.close();
    await rm(root, { recursive: true, force: true });
  }
});

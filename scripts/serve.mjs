#!/usr/bin/env node
// A zero-dependency static server for the page, bound to 127.0.0.1.
// It sends the page's Content-Security-Policy on every response, so what you
// try locally runs under the same policy a careful host would set, and the
// MIME types browsers insist on (application/wasm for streaming compilation,
// text/javascript for modules and the worker).
//
//   node scripts/serve.mjs [--port 8080] [--root www]
//
// As a module (tests): const {url, close} = await startServer({root, port: 0});
import { createServer } from "node:http";
import { stat, readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cache-Control": "no-cache",
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root, port = 0, host = "127.0.0.1", log = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { ...HEADERS, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
      if (log) console.log(status, req.method, req.url);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, "forbidden\n");
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { ...HEADERS, Location: path + "/" });
          return res.end();
        }
        file = join(file, "index.html");
        st = await stat(file);
      }
      // Validators let the browser revalidate with a 304 and keep its compiled
      // WebAssembly code cache, as on any ordinary static host.
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { ...HEADERS, ETag: etag, "Content-Type": type });
        res.end();
        if (log) console.log(304, req.method, req.url);
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        ...HEADERS,
        ETag: etag,
        "Last-Modified": st.mtime.toUTCString(),
        "Content-Type": type,
        "Content-Length": body.length,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      if (log) console.log(200, req.method, req.url);
    } catch {
      send(404, "not found\n");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  if (args.includes("-h") || args.includes("--help")) {
    console.log("usage: node scripts/serve.mjs [--port 8080] [--root www] [--log]");
    process.exit(0);
  }
  const root = opt("--root", join(fileURLToPath(new URL("..", import.meta.url)), "www"));
  const port = Number(opt("--port", "8080"));
  try {
    await stat(join(root, "index.html"));
  } catch {
    console.error(`serve: no index.html in ${root}`);
    process.exit(1);
  }
  try {
    await stat(join(root, "pkg", "claimscope_bg.wasm"));
  } catch {
    console.error(`serve: warning: ${join(root, "pkg")} is missing; build it first (scripts/build.sh)`);
  }
  const { url } = await startServer({ root, port, log: args.includes("--log") }).catch((e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  console.log(`Claimscope at ${url} (serving ${root}; Ctrl-C to stop)`);
}

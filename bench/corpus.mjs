// The benchmark corpus, identical to examples/bench.rs: the fixture articles
// (tests/fixtures/*.txt, then tests/fixtures/extra/articles/*.txt, each sorted
// by name) repeated in that order until the total reaches `mb` million bytes.
//
//   node bench/corpus.mjs --jsonl 10 > corpus.jsonl     one {"id","text"} per article
//   node bench/corpus.mjs --doc 4 > corpus.txt          articles joined by blank lines
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { repeatTo } from "./harness.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** [{name, text, bytes}] in corpus order. */
export function fixtures(root = ROOT) {
  const out = [];
  for (const dir of ["tests/fixtures", "tests/fixtures/extra/articles"]) {
    // Rust sorts paths byte-wise; so does this for ASCII names.
    const names = readdirSync(join(root, dir))
      .filter((n) => n.endsWith(".txt"))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of names) {
      const text = readFileSync(join(root, dir, n), "utf8");
      out.push({ name: `${dir}/${n}`, text, bytes: Buffer.byteLength(text) });
    }
  }
  if (!out.length) throw new Error("no fixture articles found");
  return out;
}

/** The fixture texts repeated in order until `targetBytes`; returns {texts, bytes}. */
export const corpus = repeatTo;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [mode, mb] = [process.argv[2], Number(process.argv[3] ?? 10)];
  const { texts } = corpus(fixtures(), mb * 1e6);
  if (mode === "--jsonl") {
    process.stdout.write(texts.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n");
  } else if (mode === "--doc") {
    process.stdout.write(texts.join("\n\n"));
  } else {
    console.error("usage: node bench/corpus.mjs --jsonl|--doc [MB]");
    process.exit(2);
  }
}

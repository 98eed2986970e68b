// Summarises a callgrind profile: functions by self instruction count (the
// pieces callgrind_annotate splits by inlined source file are added up per
// function), and the inclusive count of each analysis stage.
//
//   node bench/callgrind-top.mjs callgrind.out [--top 15] [--json FILE]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const top = Number(opt("--top", 15));
const jsonOut = opt("--json", null);

function annotate(inclusive) {
  const text = execFileSync("callgrind_annotate", [`--inclusive=${inclusive ? "yes" : "no"}`, "--auto=no", "--threshold=100", file], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  let total = 0;
  const byFn = new Map();
  for (const line of text.split("\n")) {
    const t = line.match(/^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+PROGRAM TOTALS/);
    if (t) {
      total = Number(t[1].replaceAll(",", ""));
      continue;
    }
    const m = line.match(/^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)(?:\s+\[([^\]]*)\])?\s*$/);
    if (!m) continue;
    // "file:function": the first colon that is not part of "::".
    const fm = m[2].match(/^(.*?[^:]):(?!:)(.*)$/);
    if (!fm) continue;
    const fn = fm[2];
    const ir = Number(m[1].replaceAll(",", ""));
    // Self costs of a function's pieces add up; each piece's inclusive cost
    // already covers the whole call, so take the largest.
    byFn.set(fn, inclusive ? Math.max(byFn.get(fn) ?? 0, ir) : (byFn.get(fn) ?? 0) + ir);
  }
  return { total, byFn };
}

const self = annotate(false);
const incl = annotate(true);
const rows = [...self.byFn].sort((a, b) => b[1] - a[1]).slice(0, top);
const pct = (n) => (100 * n) / self.total;
// The crate's own functions by inclusive cost: where each stage's time goes.
const stages = [...incl.byFn]
  .filter(([fn]) => fn.startsWith("claimscope::") && fn !== "claimscope::analyze")
  .sort((a, b) => b[1] - a[1])
  .slice(0, 12)
  .map(([fn, ir]) => ({ fn, ir }));
stages.unshift({ fn: "claimscope::analyze", ir: incl.byFn.get("claimscope::analyze") ?? null });

console.log(`total instructions: ${self.total.toLocaleString("en")}`);
console.log(`\ntop ${top} functions by self instruction count (callgrind Ir):`);
rows.forEach(([fn, ir], i) => console.log(`${String(i + 1).padStart(2)}. ${pct(ir).toFixed(2).padStart(5)}%  ${ir.toLocaleString("en").padStart(13)}  ${fn}`));
console.log(`\nclaimscope functions by inclusive instruction count (stages inlined into their caller are absent):`);
for (const s of stages) console.log(`    ${s.ir == null ? "  n/a" : pct(s.ir).toFixed(1).padStart(5) + "%"}  ${s.fn}`);

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify({ total: self.total, top: rows.map(([fn, ir]) => ({ fn, ir, pct: pct(ir) })), stages }, null, 1) + "\n",
  );
}

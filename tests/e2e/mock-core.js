// A stand-in for pkg/claimscope.js with the same exports and result shape,
// used by the rendering tests so they check the page (highlighting, filters,
// graph, hostile text) independently of how good the real core is today.
// It is deliberately dumb: a fixed gazetteer, cue verbs, one claim per cue.

const GAZETTEER = [
  ["Pakistan", "country", ["Pakistan", "Islamabad"]],
  ["Afghanistan", "country", ["Afghanistan", "Kabul"]],
  ["Taliban", "armed_group", ["Taliban"]],
  ["Tehreek-e-Taliban Pakistan", "armed_group", ["Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban Pakistan", "TTP"]],
  ["Ishaq Dar", "person", ["Ishaq Dar", "Dar"]],
  ["Amir Khan Muttaqi", "person", ["Amir Khan Muttaqi", "Ameer Khan Muttaqi", "Muttaqi"]],
  ["Zabihullah Mujahid", "person", ["Zabihullah Mujahid", "Mujahid"]],
  ["Khawaja Muhammad Asif", "person", ["Khawaja Muhammad Asif", "Asif"]],
  ["China", "country", ["China"]],
  ["India", "country", ["India"]],
  ["Turkey", "country", ["Turkey", "Turkiye"]],
  ["Qatar", "country", ["Qatar", "Doha"]],
  ["United Nations", "organization", ["United Nations", "UN"]],
  ["ISI", "organization", ["ISI"]],
];
const SOURCES = ["officials", "sources", "analysts"];
const CUES = [
  [/\baccus\w*/, "accusation"],
  [/\bden(y|ied|ies)\b/, "denial"],
  [/\b(demand\w*|urged)\b/, "demand"],
  [/\b(warn\w*|vow\w*|threat\w*)\b/, "threat"],
  [/\b(claim\w*|reported|according to)\b/, "report"],
  [/\b(said|says|stated|told)\b/, "statement"],
];

function wordAt(text, i, w) {
  const before = i === 0 || !/\w/.test(text[i - 1]);
  const after = i + w.length >= text.length || !/\w/.test(text[i + w.length]);
  return before && after;
}

export function analyze(text, options) {
  if (options && options.format && !["text", "markdown", "html"].includes(options.format)) {
    throw new Error(`unknown format ${options.format}`);
  }
  // Stands in for a panic in the real core (a trap kills the wasm instance).
  if (text.includes("TRIGGER-TRAP")) throw new WebAssembly.RuntimeError("unreachable");
  const t0 = Date.now();
  const actors = [];
  for (const [name, kind, forms] of GAZETTEER) {
    const mentions = [];
    const seen = new Set();
    for (const f of forms) {
      let i = text.indexOf(f);
      while (i >= 0) {
        if (wordAt(text, i, f) && !mentions.some((m) => i < m.end && i + f.length > m.start)) {
          mentions.push({ start: i, end: i + f.length });
          seen.add(f);
        }
        i = text.indexOf(f, i + f.length);
      }
    }
    if (!mentions.length) continue;
    mentions.sort((a, b) => a.start - b.start);
    actors.push({
      name,
      kind,
      aliases: [...seen].filter((f) => f !== name),
      role: kind === "person" ? "official" : null,
      affiliation: null,
      salience: 0,
      mentions,
    });
  }
  // Longer forms win over shorter ones inside them (Tehreek-e-Taliban Pakistan vs Taliban/Pakistan).
  const taken = [];
  for (const a of [...actors].sort((x, y) => y.name.length - x.name.length)) {
    a.mentions = a.mentions.filter((m) => !taken.some((t) => m.start < t.end && m.end > t.start));
    taken.push(...a.mentions);
  }
  const live = actors.filter((a) => a.mentions.length).sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  const max = Math.max(1, ...live.map((a) => a.mentions.length));
  live.forEach((a, i) => {
    a.id = `a${i + 1}`;
    a.salience = Math.round((a.mentions.length / max) * 100) / 100;
  });
  const sources = [];
  for (const label of SOURCES) {
    const mentions = [];
    let i = text.indexOf(label);
    while (i >= 0) {
      if (wordAt(text, i, label)) mentions.push({ start: i, end: i + label.length });
      i = text.indexOf(label, i + 1);
    }
    if (mentions.length) sources.push({ id: `s${sources.length + 1}`, label, affiliation: null, mentions });
  }
  const sentences = [];
  const re = /[^.!?\n]+[.!?]*/g;
  let m;
  while ((m = re.exec(text))) if (m[0].trim()) sentences.push({ start: m.index, end: m.index + m[0].length });
  const claims = [];
  const inSpan = (s, e) => live.flatMap((a) => a.mentions.filter((x) => x.start >= s && x.end <= e).map((x) => ({ a, x })));
  for (const s of sentences) {
    const sent = text.slice(s.start, s.end);
    const cue = CUES.map(([r, k]) => [new RegExp(r.source, "i").exec(sent), k])
      .filter(([r]) => r)
      .sort((a, b) => a[0].index - b[0].index)[0];
    if (!cue) continue;
    const [hit, kind] = cue;
    const ms = inSpan(s.start, s.end).sort((p, q) => p.x.start - q.x.start);
    const src = sources.flatMap((so) => so.mentions.filter((x) => x.start >= s.start && x.end <= s.end).map((x) => ({ a: so, x })));
    const sp = ms[0] ?? src[0];
    const tg = ms.find((p) => p.a !== sp?.a);
    const cueStart = s.start + hit.index;
    const start = cueStart + hit[0].length;
    let end = s.end;
    while (end > start && /[\s.]/.test(text[end - 1])) end--;
    let st = start;
    while (st < end && /\s/.test(text[st])) st++;
    if (end - st < 3) continue;
    const claimText = text.slice(st, end);
    const figures = [];
    const fre = /(at least |more than |over )?(\d+) (Taliban fighters|Pakistani soldiers|soldiers|fighters|civilians)( were)? (killed|dead|wounded)/g;
    let f;
    while ((f = fre.exec(claimText))) {
      figures.push({
        value: Number(f[2]),
        qualifier: f[1] ? f[1].trim() : null,
        measure: f[5] === "dead" ? "killed" : f[5],
        counted: f[3],
        side: /Taliban/.test(f[3]) ? live.find((a) => a.name === "Taliban")?.id ?? null : /Pakistani/.test(f[3]) ? live.find((a) => a.name === "Pakistan")?.id ?? null : null,
        start: st + f.index,
        end: st + f.index + f[0].length,
      });
    }
    claims.push({
      id: `c${claims.length + 1}`,
      speaker: sp ? sp.a.id : null,
      speaker_text: sp ? text.slice(sp.x.start, sp.x.end) : null,
      speaker_span: sp ? { start: sp.x.start, end: sp.x.end } : null,
      text: claimText,
      start: st,
      end,
      kind,
      target: tg && tg.x.start >= st ? tg.a.id : null,
      quote: /^["“]/.test(claimText),
      cue: { start: cueStart, end: cueStart + hit[0].length },
      figures,
    });
  }
  const rel = new Map();
  for (const c of claims) {
    if (!c.speaker || !c.target) continue;
    const k = `${c.speaker}|${c.target}|${c.kind}`;
    const r = rel.get(k) ?? { source: c.speaker, target: c.target, kind: c.kind, count: 0, claims: [] };
    r.count++;
    r.claims.push(c.id);
    rel.set(k, r);
  }
  const byMeasure = new Map();
  for (const c of claims) for (const fg of c.figures) {
    const list = byMeasure.get(fg.measure) ?? [];
    list.push({ speaker: c.speaker, claim: c.id, value: fg.value, qualifier: fg.qualifier, counted: fg.counted, side: fg.side });
    byMeasure.set(fg.measure, list);
  }
  const disagreements = [...byMeasure]
    .filter(([, items]) => new Set(items.map((i) => i.speaker)).size > 1)
    .map(([measure, items]) => ({ measure, items }));
  const words = (text.match(/\S+/g) ?? []).length;
  return {
    schema_version: 1,
    offset_unit: "utf16",
    document: {
      format: options?.format ?? "text",
      headline: text.split("\n")[0].slice(0, 120) || null,
      author: /By ([A-Z]\w+ [A-Z]\w+)/.exec(text)?.[1] ?? null,
      outlet: null,
      date: null,
      word_count: words,
      paragraphs: [],
      sentences,
      excluded: [],
      truncated: false,
    },
    actors: live,
    sources,
    claims,
    relations: [...rel.values()],
    disagreements,
    warnings: Date.now() - t0 > 1e9 ? ["slow"] : [],
  };
}

export function analyzeBytes(bytes, options) {
  if (bytes.includes(0)) throw new Error("this looks like a binary file, not text");
  const input = new TextDecoder().decode(bytes);
  const r = analyze(input, options);
  r.input = input;
  return r;
}

/** The stepwise API of the real core: three steps, the analysis at the end. */
export class Job {
  constructor(text, options) {
    this.text = text;
    this.options = options;
    this.steps = 0;
  }
  static fromBytes(bytes, options) {
    if (bytes.includes(0)) throw new Error("this looks like a binary file, not text");
    const job = new Job(new TextDecoder().decode(bytes), options);
    job.input = job.text;
    return job;
  }
  step() {
    this.steps = Math.min(this.steps + 1, 3);
    return this.steps / 3;
  }
  finish() {
    const r = analyze(this.text, this.options);
    if (this.input !== undefined) r.input = this.input;
    return r;
  }
  free() {}
}

export default async function init() {}

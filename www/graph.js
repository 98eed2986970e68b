// The relation graph: actors as nodes, one curved arrow per (source, target,
// kind) weighted by count, drawn in SVG with a small deterministic force
// layout (no library: ~20 nodes need nothing more). Positions are kept by
// name between analyses so the picture holds still while you type.

import { h, s, replace, unchanged } from "./dom.js";
import { kindLabel, RELATION_VERBS, CLAIM_KINDS } from "./model.js";

// The drawing is sized to its box, so labels stay ~12 px on a phone too
// (a fixed 640-wide viewBox shrinks them to 6 px at 375 px).
let W = 640;
let H = 420;
const MAX_NODES = 24;
const PAD = 48;
// Pull to the centre, scaled by node count: strong enough that unconnected
// actors stay near the cluster (the final fit would otherwise shrink it).
const GRAVITY = 0.3;

function radius(e) {
  return 7 + 13 * Math.sqrt(Math.max(0, Math.min(1, e.salience ?? 0.2)));
}

/** Fruchterman–Reingold with a cooling schedule; deterministic from its start positions. */
export function layout(nodes, edges, { warm = false } = {}) {
  const n = nodes.length;
  const k = Math.sqrt(((W - 2 * PAD) * (H - 2 * PAD)) / Math.max(1, n)) * 0.9;
  // Warm starts (all nodes placed before) move little, so the picture holds still.
  let t = warm ? W / 60 : W / 8;
  const iters = 260;
  // One spring per connected pair, however many kinds and claims link them:
  // parallel edges would otherwise pull a busy pair into one blot.
  const pairs = new Map();
  for (const e of edges) {
    if (e.a === e.b) continue;
    const key = e.a.id < e.b.id ? e.a.id + "|" + e.b.id : e.b.id + "|" + e.a.id;
    const p = pairs.get(key) ?? { a: e.a, b: e.b, c: 0 };
    p.c += e.count;
    pairs.set(key, p);
  }
  const springs = [...pairs.values()].map((p) => ({ ...p, w: Math.min(1.6, 0.8 + 0.2 * Math.log2(p.c)) }));
  // Unconnected actors feel more of the pull to the centre, so they sit
  // around the cluster instead of squeezing it when the picture is fitted.
  const linked = new Set(springs.flatMap((p) => [p.a, p.b]));
  const gravity = GRAVITY * Math.max(1, n / 4);
  for (let it = 0; it < iters; it++) {
    for (const a of nodes) a.dx = a.dy = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = (i - j) * 0.1;
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const d = Math.sqrt(d2);
        // Repulsion only at short range (Fruchterman-Reingold's grid variant):
        // far-apart groups then stay a moderate distance apart.
        if (d > 2.5 * k) continue;
        const f = (k * k) / d;
        a.dx += (dx / d) * f;
        a.dy += (dy / d) * f;
        b.dx -= (dx / d) * f;
        b.dy -= (dy / d) * f;
      }
    }
    for (const e of springs) {
      const a = e.a;
      const b = e.b;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d * d) / k) * e.w;
      a.dx -= (dx / d) * f;
      a.dy -= (dy / d) * f;
      b.dx += (dx / d) * f;
      b.dy += (dy / d) * f;
    }
    for (const a of nodes) {
      // gentle pull to the centre keeps unconnected nodes on the canvas
      const g = linked.has(a) ? gravity : gravity * 3;
      a.dx += (W / 2 - a.x) * g;
      a.dy += (H / 2 - a.y) * g;
      const d = Math.sqrt(a.dx * a.dx + a.dy * a.dy) || 1;
      a.x += (a.dx / d) * Math.min(d, t);
      a.y += (a.dy / d) * Math.min(d, t);
    }
    t *= 0.97;
  }
  fit(nodes);
}

/**
 * Puts each name below its node, or above it, or beside it, whichever
 * overlaps no label placed before (most salient first) and no node; and
 * keeps every label inside the canvas. Sets n.lx, n.ly relative to the node.
 */
function placeLabels(nodes) {
  const boxes = nodes.map((n) => ({ x0: n.x - n.r, x1: n.x + n.r, y0: n.y - n.r, y1: n.y + n.r, node: n }));
  // Overlap area with every placed box (node circles and earlier labels).
  const overlap = (b) =>
    boxes.reduce((sum, o) => sum + Math.max(0, Math.min(o.x1, b.x1) - Math.max(o.x0, b.x0)) * Math.max(0, Math.min(o.y1, b.y1) - Math.max(o.y0, b.y0)), 0);
  const order = [...nodes].sort((a, b) => (b.e.salience ?? 0) - (a.e.salience ?? 0));
  for (const n of order) {
    const w = n.e.name.length * 7.2 + 6;
    const cx = Math.max(w / 2 + 2, Math.min(W - w / 2 - 2, n.x));
    const options = [
      { x: cx, y: n.y + n.r + 14 }, // below
      { x: cx, y: n.y - n.r - 6 }, // above
      { x: Math.min(W - w / 2 - 2, n.x + n.r + 4 + w / 2), y: n.y + 4 }, // right
      { x: Math.max(w / 2 + 2, n.x - n.r - 4 - w / 2), y: n.y + 4 }, // left
    ].filter((o) => o.y > 12 && o.y < H - 2);
    const box = (o) => ({ x0: o.x - w / 2, x1: o.x + w / 2, y0: o.y - 11, y1: o.y + 3, node: n });
    let pick = options[0];
    let best = Infinity;
    for (const o of options) {
      const a = overlap(box(o));
      if (a < best - 1) [pick, best] = [o, a];
    }
    boxes.push(box(pick));
    n.lx = pick.x - n.x;
    n.ly = pick.y - n.y;
  }
}

/** Scales and centres the layout in the canvas, leaving room for labels. */
function fit(nodes) {
  const xs = nodes.map((a) => a.x);
  const ys = nodes.map((a) => a.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const bw = W - 2 * (PAD + 20);
  const bh = H - PAD * 1.6;
  const sx = x1 - x0 > 1 ? bw / (x1 - x0) : Infinity;
  const sy = y1 - y0 > 1 ? bh / (y1 - y0) : Infinity;
  // Each axis fills its side, but neither is stretched more than 1.5x the other.
  let kx = Number.isFinite(sx) ? sx : sy;
  let ky = Number.isFinite(sy) ? sy : sx;
  if (!Number.isFinite(kx)) kx = ky = 1;
  kx = Math.min(kx, ky * 1.5);
  ky = Math.min(ky, kx * 1.5);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  for (const a of nodes) {
    a.x = W / 2 + (a.x - cx) * kx;
    a.y = PAD * 0.7 + bh / 2 + (a.y - cy) * ky;
  }
}

export class GraphView {
  constructor(el, legendEl, countEl, { onSelect, onEdge }) {
    this.el = el;
    this.legendEl = legendEl;
    this.countEl = countEl;
    this.onSelect = onSelect;
    this.onEdge = onEdge;
    this.positions = new Map(); // name -> {x, y}
    this.selected = null;
  }

  /** `width`: the box's width, read by the caller before it changed the DOM. */
  render(model, { width = this.el.clientWidth } = {}) {
    this.model = model;
    const ent = (e) => [e.id, e.name, e.kind, e.salience, e.mentions.length];
    if (unchanged(this, [model.actors.map(ent), model.sources.map(ent), model.relations, width, !model.text.trim()])) {
      this.applySelection();
      return;
    }
    const rels = model.relations.filter((r) => model.entities.has(r.source) && model.entities.has(r.target));
    const ids = new Set();
    for (const r of rels) ids.add(r.source).add(r.target);
    const extra = [...model.actors].sort((a, b) => b.salience - a.salience).map((a) => a.id);
    // Unconnected actors fill the picture up to a readable size.
    const room = Math.min(MAX_NODES, Math.max(ids.size, 12));
    for (const id of extra) {
      if (ids.size >= room) break;
      ids.add(id);
    }
    // With more related entities than fit, keep the most connected.
    let nodeIds = [...ids];
    if (nodeIds.length > MAX_NODES) {
      const deg = new Map();
      for (const r of rels) {
        deg.set(r.source, (deg.get(r.source) ?? 0) + r.count);
        deg.set(r.target, (deg.get(r.target) ?? 0) + r.count);
      }
      nodeIds.sort((a, b) => (deg.get(b) ?? 0) - (deg.get(a) ?? 0));
      nodeIds = nodeIds.slice(0, MAX_NODES);
    }
    const nodes = nodeIds.map((id, i) => {
      const e = model.entities.get(id);
      const prev = this.positions.get(e.name);
      const ang = (2 * Math.PI * i) / Math.max(1, nodeIds.length) - Math.PI / 2;
      return {
        id,
        e,
        r: radius(e),
        x: prev ? prev.x : W / 2 + Math.cos(ang) * (W / 2 - PAD) * 0.8,
        y: prev ? prev.y : H / 2 + Math.sin(ang) * (H / 2 - PAD) * 0.8,
      };
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges = rels
      .filter((r) => byId.has(r.source) && byId.has(r.target))
      .map((r) => ({ ...r, a: byId.get(r.source), b: byId.get(r.target) }));
    this.countEl.textContent = edges.length ? `${edges.length}` : "";
    if (!nodes.length) {
      replace(this.el, h("p", { class: "empty" }, model.text.trim() ? "No actors to draw." : "No article yet."));
      replace(this.legendEl);
      return;
    }
    const boxW = Math.round(Math.max(320, Math.min(720, width || 640)));
    const boxH = Math.round(boxW < 440 ? boxW * 1.15 : boxW * (nodes.length > 12 ? 0.8 : 0.62));
    if (boxW !== W || boxH !== H) {
      // Stored positions belong to the old box: rescale them.
      for (const n of nodes) {
        n.x *= boxW / W;
        n.y *= boxH / H;
      }
      [W, H] = [boxW, boxH];
    }
    layout(nodes, edges, { warm: nodes.every((n) => this.positions.has(n.e.name)) });
    for (const n of nodes) this.positions.set(n.e.name, { x: n.x, y: n.y });
    this.draw(nodes, edges);
  }

  draw(nodes, edges) {
    const model = this.model;
    const kinds = [...new Set(edges.map((e) => e.kind))];
    const defs = s(
      "defs",
      null,
      Object.keys(CLAIM_KINDS).map((k) =>
        s(
          "marker",
          {
            id: `arr-${k}`,
            viewBox: "0 0 10 10",
            refX: "9",
            refY: "5",
            markerWidth: "7",
            markerHeight: "7",
            markerUnits: "userSpaceOnUse",
            orient: "auto-start-reverse",
            class: `ek-${k}`,
          },
          s("path", { d: "M0,0 L10,5 L0,10 z" }),
        ),
      ),
    );
    // Parallel edges between one pair fan out by curvature.
    const pairCount = new Map();
    const edgeEls = edges.map((e) => {
      const key = [e.a.id, e.b.id].sort().join("|");
      const idx = pairCount.get(key) ?? 0;
      pairCount.set(key, idx + 1);
      const width = 1.5 + Math.log2(e.count) * 1.5;
      let d;
      if (e.a === e.b) {
        const { x, y, r } = e.a;
        d = `M${x - r * 0.6},${y - r} C${x - r * 3},${y - r * 4} ${x + r * 3},${y - r * 4} ${x + r * 0.6},${y - r}`;
      } else {
        const dir = e.a.id < e.b.id ? 1 : -1;
        const curve = (18 + idx * 22) * dir;
        const mx = (e.a.x + e.b.x) / 2;
        const my = (e.a.y + e.b.y) / 2;
        const dx = e.b.x - e.a.x;
        const dy = e.b.y - e.a.y;
        const len = Math.hypot(dx, dy) || 1;
        const cx = mx - (dy / len) * curve;
        const cy = my + (dx / len) * curve;
        const trim = (p, q, r) => {
          const l = Math.hypot(q.x - p.x, q.y - p.y) || 1;
          return { x: p.x + ((q.x - p.x) / l) * r, y: p.y + ((q.y - p.y) / l) * r };
        };
        const c = { x: cx, y: cy };
        const p0 = trim(e.a, c, e.a.r + 2);
        const p1 = trim(e.b, c, e.b.r + 3);
        d = `M${p0.x.toFixed(1)},${p0.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${p1.x.toFixed(1)},${p1.y.toFixed(1)}`;
      }
      const label = `${e.a.e.name} ${RELATION_VERBS[e.kind] ?? e.kind} ${e.b.e.name} (${e.count} claim${e.count === 1 ? "" : "s"})`;
      return s(
        "g",
        {
          class: `edge ek-${e.kind}`,
          "data-source": e.source,
          "data-target": e.target,
          onclick: () => this.onEdge(e),
        },
        s("title", null, label),
        s("path", { class: "hit", d }),
        s("path", { class: "line", d, "stroke-width": width.toFixed(1), "marker-end": `url(#arr-${e.kind})` }),
      );
    });
    placeLabels(nodes);
    const nodeEls = nodes.map((n) => {
      const e = n.e;
      const label = `${e.name}, ${kindLabel(e.kind)}, ${e.mentions.length} mentions`;
      return s(
        "g",
        {
          class: ["node", `m-${e.kind}`, this.selected === n.id && "sel"],
          "data-ent": n.id,
          transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`,
          tabindex: "0",
          role: "button",
          "aria-label": label,
          "aria-pressed": this.selected === n.id ? "true" : "false",
          onclick: () => this.onSelect(this.selected === n.id ? null : n.id),
          onkeydown: (ev) => {
            if (ev.key === "Enter" || ev.key === " ") {
              ev.preventDefault();
              this.onSelect(this.selected === n.id ? null : n.id);
            }
          },
        },
        s("title", null, label),
        s("circle", { r: n.r.toFixed(1) }),
        s("text", { class: "glyph", "text-anchor": "middle", dy: "0.35em" }, kindLabel(e.kind)[0]),
        s("text", { class: "label", "text-anchor": "middle", x: n.lx.toFixed(1), y: n.ly.toFixed(1) }, e.name),
      );
    });
    const svg = s(
      "svg",
      {
        viewBox: `0 0 ${W} ${H}`,
        class: ["graph-svg", this.selected && "has-sel"],
        role: "group",
        "aria-label": `Relation graph: ${nodes.length} actors, ${edges.length} relations`,
      },
      defs,
      s("g", { class: "edges" }, edgeEls),
      s("g", { class: "nodes" }, nodeEls),
    );
    const list = h(
      "details",
      { class: "rel-list" },
      h("summary", null, `Relations as a list (${edges.length})`),
      edges.length
        ? h(
            "ul",
            null,
            edges.map((e) =>
              h(
                "li",
                null,
                h(
                  "button",
                  { type: "button", class: "linklike", onclick: () => this.onEdge(e) },
                  `${e.a.e.name} ${RELATION_VERBS[e.kind] ?? e.kind} ${e.b.e.name}`,
                ),
                ` (${e.count})`,
              ),
            ),
          )
        : h("p", { class: "empty" }, "No relations between actors found."),
    );
    replace(this.el, svg, list);
    replace(
      this.legendEl,
      kinds.map((k) =>
        h("span", { class: "leg" }, s("svg", { viewBox: "0 0 24 8", class: `swatch ek-${k}`, "aria-hidden": "true" }, s("path", { class: "line", d: "M1,4 H23" })), RELATION_VERBS[k] ?? k),
      ),
    );
    this.applySelection();
  }

  setSelected(id) {
    this.selected = id;
    this.applySelection();
  }

  applySelection() {
    const svg = this.el.querySelector("svg");
    if (!svg) return;
    const id = this.selected;
    svg.classList.toggle("has-sel", !!id && !!svg.querySelector(`.node[data-ent="${CSS.escape(id)}"]`));
    for (const n of svg.querySelectorAll(".node")) {
      const on = n.dataset.ent === id;
      n.classList.toggle("sel", on);
      n.setAttribute("aria-pressed", on ? "true" : "false");
    }
    for (const e of svg.querySelectorAll(".edge")) {
      e.classList.toggle("sel", !!id && (e.dataset.source === id || e.dataset.target === id));
    }
  }
}

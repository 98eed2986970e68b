// The highlighted article. The text is cut into segments at every span
// boundary; each segment is wrapped in the elements of the spans covering it,
// one layer each: excluded range > claim > figure > mention. Everything from
// the article enters the DOM as text nodes.
//
// Long articles are rendered in chunks of CHUNK characters: the first chunk at
// once, the next ones when the reader scrolls near the end or jumps to a later
// claim, so a 10 MB text never builds a 10 MB DOM in one go.

import { h } from "./dom.js";
import { kindLabel, CLAIM_KINDS } from "./model.js";

const CHUNK = 48 * 1024;
const LAYERS = 4; // excluded, claim, figure, mention

function valid(sp, len) {
  return sp && Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start < sp.end && sp.start >= 0 && sp.end <= len;
}

function byStart(a, b) {
  return a.start - b.start || b.end - a.end;
}

/** Sorts and drops items overlapping an earlier one (a flat layer). */
function flat(items) {
  items.sort(byStart);
  const out = [];
  let end = -1;
  for (const it of items) {
    if (it.start >= end) {
      out.push(it);
      end = it.end;
    }
  }
  return out;
}

/** Builds the four span layers from a model. */
function layersOf(model) {
  const len = model.text.length;
  const excluded = flat((model.doc.excluded ?? []).filter((x) => valid(x, len)).map((x) => ({ ...x, layer: 0 })));
  const claims = model.claims.filter((c) => valid(c, len)).map((c) => ({ start: c.start, end: c.end, claim: c, layer: 1 }));
  claims.sort(byStart);
  const figures = [];
  for (const c of model.claims) {
    for (const f of c.figures ?? []) if (valid(f, len)) figures.push({ start: f.start, end: f.end, figure: f, layer: 2 });
  }
  const mentions = [];
  for (const e of model.entities.values()) {
    for (const m of e.mentions) if (valid(m, len)) mentions.push({ start: m.start, end: m.end, ent: e, layer: 3 });
  }
  // Speaker words that are not a mention ("he", "the ministry") still link to their speaker.
  for (const c of model.claims) {
    const e = c.speaker && model.entities.get(c.speaker);
    if (e && valid(c.speaker_span, len)) {
      mentions.push({ start: c.speaker_span.start, end: c.speaker_span.end, ent: e, layer: 3, ref: true });
    }
    if (valid(c.cue, len)) mentions.push({ start: c.cue.start, end: c.cue.end, cue: c, layer: 3 });
  }
  // Real mentions win over speaker references and cues at the same place.
  mentions.sort((a, b) => byStart(a, b) || (a.ent && !a.ref ? -1 : 1));
  return [excluded, claims, flat(figures), flat(mentions)];
}

/** Walks the text from 0 to its end, yielding maximal runs with one set of covering spans. */
class Cursor {
  constructor(layers, len) {
    this.layers = layers;
    this.len = len;
    this.pos = 0;
    this.next = layers.map(() => 0);
    this.active = layers.map(() => []);
  }

  /** Returns {start, end, items} for the run starting at pos, ending no later than `limit`. */
  step(limit) {
    const pos = this.pos;
    let end = Math.min(limit, this.len);
    const items = [];
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l];
      let act = this.active[l].filter((it) => it.end > pos);
      while (this.next[l] < layer.length && layer[this.next[l]].start <= pos) {
        const it = layer[this.next[l]++];
        if (it.end > pos) act.push(it);
      }
      this.active[l] = act;
      let top = null;
      for (const it of act) {
        if (!top || it.start > top.start || (it.start === top.start && it.end < top.end)) top = it;
        if (it.end < end) end = it.end;
      }
      if (this.next[l] < layer.length && layer[this.next[l]].start < end) end = layer[this.next[l]].start;
      items.push(top);
    }
    this.pos = end;
    return { start: pos, end, items };
  }

  get done() {
    return this.pos >= this.len;
  }
}

export class ArticleView {
  /**
   * @param {HTMLElement} root
   * @param {{onActivate: (entityId: string) => void, tooltip: HTMLElement}} opts
   */
  constructor(root, opts) {
    this.root = root;
    this.opts = opts;
    this.model = null;
    this.selected = null;
    root.setAttribute("role", "document");
    root.addEventListener("click", (e) => {
      const m = e.target.closest?.(".m[data-ent]");
      if (m) this.opts.onActivate(m.dataset.ent);
    });
    root.addEventListener("keydown", (e) => this.onKey(e));
    const show = (e) => {
      const m = e.target.closest?.(".m");
      if (m && root.contains(m)) this.showTip(m);
    };
    const hide = (e) => {
      const m = e.target.closest?.(".m");
      if (m && (!e.relatedTarget || !m.contains(e.relatedTarget))) this.hideTip(m);
    };
    root.addEventListener("mouseover", show);
    root.addEventListener("focusin", show);
    root.addEventListener("mouseout", hide);
    root.addEventListener("focusout", hide);
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.renderMore();
      },
      { rootMargin: "600px" },
    );
  }

  /**
   * Renders a new analysis, keeping the reader's scroll position. `scroll`
   * should be read by the caller before it changes the DOM: reading geometry
   * after writes forces an extra layout of the whole page (~20 ms a keystroke).
   */
  render(model, { scroll = this.root.scrollTop } = {}) {
    this.model = model;
    this.cursor = new Cursor(layersOf(model), model.text.length);
    this.open = new Array(LAYERS).fill(null);
    this.rendered = 0;
    this.firstMention = null;
    this.observer.disconnect();
    this.root.replaceChildren();
    this.body = h("div", { class: "article-text" });
    this.more = h(
      "button",
      { type: "button", class: "btn more", onclick: () => this.renderMore() },
      "Show more of the article",
    );
    this.root.append(this.body);
    if (!model.text.trim()) {
      this.body.append(h("p", { class: "empty" }, "Nothing to show yet: paste an article above, open a file or pick an example."));
      return;
    }
    this.renderMore();
    // Keep rendering until the old scroll position is reachable (long texts only).
    while (scroll > 0 && !this.cursor.done && this.body.scrollHeight < scroll + this.root.clientHeight && this.rendered < 4 * CHUNK) {
      this.renderMore();
    }
    // In the next frame's layout, not a forced one now.
    if (scroll > 0) requestAnimationFrame(() => (this.root.scrollTop = scroll));
    if (this.selected) this.select(this.selected);
  }

  /** Renders the next chunk. */
  renderMore() {
    if (!this.model || this.cursor.done) return;
    const frag = document.createDocumentFragment();
    const limit = Math.min(this.model.text.length, this.rendered + CHUNK);
    // Open spans continue into the new chunk as fresh elements.
    const open = new Array(LAYERS).fill(null);
    let parents = [frag];
    const top = () => parents[parents.length - 1];
    while (!this.cursor.done && this.cursor.pos < limit) {
      const run = this.cursor.step(limit);
      let l = 0;
      while (l < LAYERS && (open[l]?.item ?? null) === run.items[l]) l++;
      // close layers >= l
      for (let k = LAYERS - 1; k >= l; k--) {
        if (open[k]) {
          parents.pop();
          open[k] = null;
        }
      }
      for (let k = l; k < LAYERS; k++) {
        const it = run.items[k];
        if (!it) continue;
        const el = this.elementFor(it, run.start === it.start);
        top().append(el);
        parents.push(el);
        open[k] = { item: it, el };
      }
      top().append(this.model.text.slice(run.start, run.end));
    }
    this.rendered = this.cursor.pos;
    this.more.remove();
    this.body.append(frag);
    if (!this.cursor.done) {
      const pct = Math.round((100 * this.rendered) / this.model.text.length);
      this.more.textContent = `Show more of the article (${pct}% shown)`;
      this.root.append(this.more);
      this.observer.observe(this.more);
    } else {
      this.observer.disconnect();
    }
  }

  elementFor(it, isStart) {
    const m = this.model;
    if (it.layer === 0) {
      return h("span", { class: `excluded x-${it.reason}`, "data-reason": it.reason });
    }
    if (it.layer === 1) {
      const c = it.claim;
      const speaker = m.speakerName(c);
      const target = c.target ? ` → ${m.nameOf(c.target)}` : "";
      return h("span", {
        class: ["claim", `k-${c.kind}`, c.quote ? "quote" : "reported", isStart && "claim-start"],
        "data-claim": c.id,
        "data-label": `${speaker}: ${CLAIM_KINDS[c.kind] ?? c.kind}${target}`,
      });
    }
    if (it.layer === 2) return h("span", { class: "figure" });
    if (it.cue) return h("span", { class: "cue" });
    const e = it.ent;
    const el = h("span", {
      class: ["m", `m-${e.kind}`, it.ref && "ref", this.selected === e.id && "sel"],
      "data-ent": e.id,
      role: "button",
      tabindex: this.firstMention ? "-1" : "0",
    });
    if (!this.firstMention) this.firstMention = el;
    return el;
  }

  /** Renders until `offset` is on the page. */
  ensureRendered(offset) {
    while (this.model && !this.cursor.done && this.rendered <= offset) this.renderMore();
  }

  mentionEls() {
    return [...this.body.querySelectorAll(".m[data-ent]")];
  }

  onKey(e) {
    const cur = e.target.closest?.(".m[data-ent]");
    if (!cur) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.opts.onActivate(cur.dataset.ent);
      return;
    }
    if (e.key === "Escape") {
      this.opts.onActivate(null);
      return;
    }
    const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (!(e.key in moves)) return;
    e.preventDefault();
    if (e.key === "End") this.ensureRendered(this.model.text.length);
    const all = this.mentionEls();
    const i = all.indexOf(cur);
    const d = moves[e.key];
    let j = d === -Infinity ? 0 : d === Infinity ? all.length - 1 : i + d;
    if (j >= all.length && !this.cursor.done) {
      this.renderMore();
      return this.onKey(e);
    }
    j = Math.max(0, Math.min(all.length - 1, j));
    this.focusMention(all[j]);
  }

  focusMention(el) {
    for (const x of this.body.querySelectorAll('.m[tabindex="0"]')) x.setAttribute("tabindex", "-1");
    el.setAttribute("tabindex", "0");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  showTip(el) {
    const e = this.model?.entities.get(el.dataset.ent);
    const tip = this.opts.tooltip;
    if (!e) return;
    const lines = [e.name, kindLabel(e.kind) + (e.role ? ` · ${e.role}` : "")];
    if (e.affiliation && this.model.entities.get(e.affiliation)) lines.push(`of ${this.model.nameOf(e.affiliation)}`);
    lines.push(`${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"}, ${e.said} claim${e.said === 1 ? "" : "s"} made`);
    tip.replaceChildren(h("strong", null, lines[0]), ...lines.slice(1).map((l) => h("span", null, l)));
    tip.hidden = false;
    const r = el.getBoundingClientRect();
    const tw = tip.offsetWidth;
    const x = Math.max(4, Math.min(window.innerWidth - tw - 4, r.left));
    const below = r.bottom + 6 + tip.offsetHeight < window.innerHeight;
    tip.style.left = `${x + window.scrollX}px`;
    tip.style.top = `${(below ? r.bottom + 6 : r.top - tip.offsetHeight - 6) + window.scrollY}px`;
    el.setAttribute("aria-describedby", tip.id);
  }

  hideTip(el) {
    this.opts.tooltip.hidden = true;
    el?.removeAttribute("aria-describedby");
  }

  /** Marks every mention of entity `id` (null clears). */
  select(id) {
    this.selected = id;
    for (const x of this.body.querySelectorAll(".m.sel")) x.classList.remove("sel");
    this.root.classList.toggle("has-sel", !!id);
    if (!id) return;
    for (const x of this.body.querySelectorAll(`.m[data-ent="${CSS.escape(id)}"]`)) x.classList.add("sel");
  }

  /** Scrolls to the n-th mention of the selected entity (rendering as needed); returns it. */
  gotoMention(id, n) {
    const e = this.model?.entities.get(id);
    const spans = e ? e.mentions.filter((m) => valid(m, this.model.text.length)).sort(byStart) : [];
    if (!spans.length) return null;
    const k = ((n % spans.length) + spans.length) % spans.length;
    this.ensureRendered(spans[k].end);
    this.select(id);
    const els = [...this.body.querySelectorAll(`.m[data-ent="${CSS.escape(id)}"]:not(.ref)`)];
    const el = els[k] ?? els[els.length - 1];
    if (el) {
      this.focusMention(el);
      el.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    return { index: k, total: spans.length };
  }

  /** Scrolls to a claim, flashes and focuses it. */
  jumpToClaim(id) {
    const c = this.model?.claimById.get(id);
    if (!c) return false;
    this.ensureRendered(c.end);
    const el = this.body.querySelector(`.claim[data-claim="${CSS.escape(id)}"]`);
    if (!el) return false;
    el.setAttribute("tabindex", "-1");
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    return true;
  }
}

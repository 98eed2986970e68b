// The side panels: metadata line, actors table, unnamed sources, claims
// table with filters, disagreements. Pure rendering from a model plus a few
// callbacks; all untrusted strings go through h() as text.

import { h, replace, formatNumber, unchanged } from "./dom.js";
import { kindLabel, CLAIM_KINDS } from "./model.js";

const PAGE = 200; // rows shown before "show more"

function plural(n, word, pl = word + "s") {
  return `${formatNumber(n)} ${n === 1 ? word : pl}`;
}

/** A kind chip: letter glyph + word, so kinds never rely on colour alone. */
export function kindChip(kind) {
  return h("span", { class: `chip kc-${kind}` }, kindLabel(kind));
}

export function claimChip(kind) {
  return h("span", { class: `chip ck-${kind}` }, CLAIM_KINDS[kind] ?? kind);
}

export function renderMeta(el, model) {
  const d = model.doc;
  const parts = [];
  if (d.headline) parts.push(h("strong", { class: "headline" }, d.headline));
  if (d.author) parts.push(h("span", null, `By ${d.author}`));
  if (d.outlet) parts.push(h("span", null, d.outlet));
  if (d.date) parts.push(h("span", null, d.date));
  parts.push(h("span", { "data-k": "words" }, plural(d.word_count ?? 0, "word")));
  if (d.format && d.format !== "text") parts.push(h("span", null, d.format === "html" ? "HTML" : "Markdown"));
  parts.push(h("span", { "data-k": "ms" }, `analysed in ${model.ms < 10 ? model.ms.toFixed(1) : Math.round(model.ms)} ms`));
  replace(
    el,
    parts.flatMap((p, i) => (i ? [h("span", { class: "sep", "aria-hidden": "true" }, " · "), p] : [p])),
  );
}

// ---------------------------------------------------------------- actors

const ACTOR_COLUMNS = [
  { key: "name", label: "Actor", get: (a) => a.name.toLowerCase(), dir: 1 },
  { key: "kind", label: "Kind", get: (a) => a.kind, dir: 1 },
  { key: "mentions", label: "Mentions", get: (a) => a.mentions.length, dir: -1, num: true },
  { key: "claims", label: "Claims", get: (a) => a.said * 1000 + a.targeted, dir: -1, num: true },
  { key: "salience", label: "Salience", get: (a) => a.salience, dir: -1, num: true },
];

export class ActorsPanel {
  constructor(el, countEl, sourcesEl, { onSelect }) {
    this.el = el;
    this.countEl = countEl;
    this.sourcesEl = sourcesEl;
    this.onSelect = onSelect;
    this.sort = { key: "salience", dir: -1 };
    this.limit = PAGE;
    this.selected = null;
  }

  render(model) {
    this.model = model;
    const actors = model.actors;
    const ent = (e) => [e.id, e.name, e.kind, e.role, e.affiliation, e.aliases, e.mentions.length, e.salience, e.said, e.targeted];
    if (unchanged(this, [actors.map(ent), model.sources.map(ent), this.sort, this.limit, this.selected, !model.text.trim()])) return;
    this.countEl.textContent = actors.length ? `${actors.length}` : "";
    if (!actors.length) {
      replace(this.el, h("p", { class: "empty" }, model.text.trim() ? "No actors found in this text." : "No article yet."));
    } else {
      this.renderTable();
    }
    this.renderSources();
  }

  renderTable() {
    const col = ACTOR_COLUMNS.find((c) => c.key === this.sort.key);
    const rows = [...this.model.actors].sort((a, b) => {
      const x = col.get(a);
      const y = col.get(b);
      return (x < y ? -1 : x > y ? 1 : 0) * this.sort.dir || b.salience - a.salience;
    });
    const head = h(
      "tr",
      null,
      ACTOR_COLUMNS.map((c) => {
        const active = c.key === this.sort.key;
        return h(
          "th",
          {
            scope: "col",
            class: c.num && "num",
            "aria-sort": active ? (this.sort.dir > 0 ? "ascending" : "descending") : "none",
          },
          h(
            "button",
            {
              type: "button",
              class: "sort",
              "data-sort": c.key,
              onclick: () => {
                this.sort = active ? { key: c.key, dir: -this.sort.dir } : { key: c.key, dir: c.dir };
                this.renderTable();
                this.el.querySelector(`[data-sort="${c.key}"]`)?.focus();
              },
            },
            c.label,
            h("span", { class: "arrow", "aria-hidden": "true" }, active ? (this.sort.dir > 0 ? " ▲" : " ▼") : ""),
          ),
        );
      }),
    );
    const body = h(
      "tbody",
      null,
      rows.slice(0, this.limit).map((a) => {
        const aff = a.affiliation && this.model.entities.get(a.affiliation);
        return h(
          "tr",
          { "data-ent": a.id, class: this.selected === a.id && "sel" },
          h(
            "th",
            { scope: "row" },
            h(
              "button",
              {
                type: "button",
                class: `linklike ent m-${a.kind}`,
                "aria-pressed": this.selected === a.id ? "true" : "false",
                onclick: () => this.onSelect(this.selected === a.id ? null : a.id),
              },
              a.name,
            ),
            a.role || aff ? h("span", { class: "role" }, [a.role, aff && `of ${aff.name}`].filter(Boolean).join(" ")) : null,
            a.aliases?.length ? h("span", { class: "aliases" }, "also: " + a.aliases.join(", ")) : null,
          ),
          h("td", null, kindChip(a.kind)),
          h("td", { class: "num", "data-label": "mentions" }, formatNumber(a.mentions.length)),
          h("td", { class: "num", "data-label": "claims", title: `${a.said} made, ${a.targeted} about them` }, `${a.said} / ${a.targeted}`),
          h(
            "td",
            { class: "num", "data-label": "salience" },
            h(
              "span",
              { class: "salience" },
              h("meter", { min: "0", max: "1", value: String(a.salience ?? 0), "aria-label": `salience of ${a.name}` }),
              (a.salience ?? 0).toFixed(2),
            ),
          ),
        );
      }),
    );
    const more =
      rows.length > this.limit
        ? h(
            "button",
            { type: "button", class: "btn small more", onclick: () => ((this.limit += PAGE), this.renderTable()) },
            `Show ${Math.min(PAGE, rows.length - this.limit)} more of ${rows.length}`,
          )
        : null;
    replace(
      this.el,
      h(
        "table",
        { class: "actors-table" },
        h("caption", { class: "visually-hidden" }, "Actors; claims column: made / about them. Sort with the column buttons."),
        h("thead", null, head),
        body,
      ),
      more,
    );
  }

  renderSources() {
    const src = this.model.sources;
    if (!src.length) return replace(this.sourcesEl);
    replace(
      this.sourcesEl,
      h("h3", { class: "sub" }, "Unnamed sources"),
      h(
        "ul",
        { class: "sources" },
        src.map((s) =>
          h(
            "li",
            null,
            h(
              "button",
              {
                type: "button",
                class: "linklike ent m-source",
                "aria-pressed": this.selected === s.id ? "true" : "false",
                onclick: () => this.onSelect(this.selected === s.id ? null : s.id),
              },
              s.name,
            ),
            h("span", { class: "aliases" }, ` ${plural(s.mentions.length, "mention")}, ${plural(s.said, "claim")}`),
          ),
        ),
      ),
    );
  }

  setSelected(id) {
    this.selected = id;
    for (const b of this.el.parentElement.querySelectorAll("button.ent[aria-pressed]")) {
      const row = b.closest("tr[data-ent]");
      const on = (row?.dataset.ent ?? null) === id;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      row?.classList.toggle("sel", on);
    }
    if (this.model) this.renderSources();
  }
}

// ---------------------------------------------------------------- claims

export class ClaimsPanel {
  /** Filters hold names, not ids: ids shift as the text is edited, names do not. */
  constructor(el, countEl, form, { onJump }) {
    this.el = el;
    this.countEl = countEl;
    this.form = form;
    this.onJump = onJump;
    this.filter = { speaker: "", kind: "", target: "", text: "" };
    this.limit = PAGE;
    this.sel = {
      speaker: form.querySelector("#f-speaker"),
      kind: form.querySelector("#f-kind"),
      target: form.querySelector("#f-target"),
      text: form.querySelector("#f-text"),
    };
    for (const k of ["speaker", "kind", "target"]) {
      this.sel[k].addEventListener("change", () => this.setFilter({ [k]: this.sel[k].value }));
    }
    this.sel.text.addEventListener("input", () => this.setFilter({ text: this.sel.text.value }));
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("reset", (e) => {
      e.preventDefault();
      this.setFilter({ speaker: "", kind: "", target: "", text: "" });
    });
  }

  setFilter(f) {
    Object.assign(this.filter, f);
    this.limit = PAGE;
    if (this.model) this.render(this.model);
  }

  options(select, all, entries, value) {
    const opts = [h("option", { value: "" }, all)];
    for (const [v, label] of entries) opts.push(h("option", { value: v }, label));
    replace(select, opts);
    // Keep a filter whose value vanished (mid-edit) visible rather than silently dropping it.
    if (value && !entries.some(([v]) => v === value)) select.append(h("option", { value }, `${value} (0)`));
    select.value = value;
  }

  render(model) {
    this.model = model;
    const claims = model.claims;
    const sig = claims.map((c) => [c.id, model.speakerName(c), c.kind, c.target && model.nameOf(c.target), c.quote, c.text, c.figures]);
    if (unchanged(this, [sig, this.filter, this.limit, !model.text.trim()])) return;
    const count = (key) => {
      const m = new Map();
      for (const c of claims) {
        const k = key(c);
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    };
    const speakerOf = (c) => model.speakerName(c);
    const targetOf = (c) => (c.target ? model.nameOf(c.target) : "(none)");
    this.options(this.sel.speaker, "All speakers", count(speakerOf).map(([k, n]) => [k, `${k} (${n})`]), this.filter.speaker);
    this.options(this.sel.kind, "All kinds", count((c) => c.kind).map(([k, n]) => [k, `${CLAIM_KINDS[k] ?? k} (${n})`]), this.filter.kind);
    this.options(this.sel.target, "All targets", count(targetOf).map(([k, n]) => [k, `${k} (${n})`]), this.filter.target);
    if (this.sel.text.value !== this.filter.text) this.sel.text.value = this.filter.text;

    const f = this.filter;
    const needle = f.text.trim().toLowerCase();
    const shown = claims.filter(
      (c) =>
        (!f.speaker || speakerOf(c) === f.speaker) &&
        (!f.kind || c.kind === f.kind) &&
        (!f.target || targetOf(c) === f.target) &&
        (!needle || c.text.toLowerCase().includes(needle) || speakerOf(c).toLowerCase().includes(needle)),
    );
    const filtered = f.speaker || f.kind || f.target || needle;
    this.countEl.textContent = claims.length
      ? filtered
        ? `${shown.length} of ${claims.length}`
        : `${claims.length}`
      : "";
    if (!claims.length) {
      replace(this.el, h("p", { class: "empty" }, model.text.trim() ? "No attributed claims found." : "No article yet."));
      return;
    }
    if (!shown.length) {
      replace(this.el, h("p", { class: "empty" }, "No claims match these filters."));
      return;
    }
    const rows = shown.slice(0, this.limit).map((c) =>
      h(
        "tr",
        { "data-claim": c.id },
        h(
          "td",
          { class: "who" },
          h("span", { class: `speaker${c.speaker ? "" : " unknown"}` }, speakerOf(c)),
          h("span", { class: "arrow", "aria-hidden": "true" }, " → "),
          claimChip(c.kind),
          c.target ? [h("span", { class: "arrow", "aria-hidden": "true" }, " → "), h("span", { class: "target" }, model.nameOf(c.target))] : null,
        ),
        h(
          "td",
          { class: "claim-text" },
          h(
            "button",
            {
              type: "button",
              class: "linklike jump",
              "aria-label": `Show in article: ${c.text.length > 160 ? c.text.slice(0, 160) + "…" : c.text}`,
              onclick: () => this.onJump(c.id),
            },
            c.quote && !/^\s*["“”‘’'«]/.test(c.text) ? `“${c.text}”` : c.text,
          ),
        ),
        h("td", null, h("span", { class: `chip ${c.quote ? "quote" : "reported"}` }, c.quote ? "quote" : "reported")),
        h(
          "td",
          { class: "figures" },
          (c.figures ?? []).map((fg) =>
            h(
              "span",
              { class: "fig" },
              `${fg.qualifier ? fg.qualifier + " " : ""}${formatNumber(fg.value)} ${fg.counted} ${fg.measure}`.trim(),
            ),
          ),
        ),
      ),
    );
    const more =
      shown.length > this.limit
        ? h(
            "button",
            { type: "button", class: "btn small more", onclick: () => ((this.limit += PAGE), this.render(this.model)) },
            `Show ${Math.min(PAGE, shown.length - this.limit)} more of ${shown.length}`,
          )
        : null;
    replace(
      this.el,
      h(
        "table",
        { class: "claims-table" },
        h("caption", { class: "visually-hidden" }, "Claims: who claims what about whom. Activate a claim to see it in the article."),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, "Speaker → kind → target"),
            h("th", { scope: "col" }, "Claim"),
            h("th", { scope: "col" }, "Form"),
            h("th", { scope: "col" }, "Figures"),
          ),
        ),
        h("tbody", null, rows),
      ),
      more,
    );
  }
}

// ---------------------------------------------------------------- disagreements

const disagreementsShown = {};
export function renderDisagreements(el, countEl, model, { onJump }) {
  const list = model.disagreements;
  const names = list.map((d) => d.items.map((it) => [it.speaker && model.nameOf(it.speaker), it.side && model.nameOf(it.side)]));
  if (unchanged(disagreementsShown, [list, names, !model.text.trim()])) return;
  countEl.textContent = list.length ? `${list.length}` : "";
  if (!list.length) {
    replace(
      el,
      h("p", { class: "empty" }, model.text.trim() ? "No conflicting figures between sources." : "No article yet."),
    );
    return;
  }
  replace(
    el,
    list.map((d) =>
      h(
        "article",
        { class: "disagreement", "aria-label": `Different figures for ${d.measure}` },
        h("h3", { class: "sub" }, `${d.measure}: ${d.items.length} accounts`),
        h(
          "div",
          { class: "sides" },
          d.items.map((it, i) =>
            h(
              "div",
              { class: "side" },
              i ? h("span", { class: "vs", "aria-hidden": "true" }, "vs") : null,
              h(
                "div",
                { class: "card" },
                h("p", { class: "who" }, it.speaker ? model.nameOf(it.speaker) : "unattributed", " says"),
                h(
                  "p",
                  { class: "value" },
                  it.qualifier ? h("span", { class: "qual" }, it.qualifier + " ") : null,
                  formatNumber(it.value),
                ),
                h("p", { class: "what" }, `${it.counted} ${d.measure}`, it.side ? ` (${model.nameOf(it.side)})` : ""),
                model.claimById.has(it.claim)
                  ? h("button", { type: "button", class: "linklike small", onclick: () => onJump(it.claim) }, "show claim")
                  : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

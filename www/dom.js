// Tiny DOM helpers. Article text is untrusted: it only ever enters the page
// as text nodes (string children below) or attribute values set through
// setAttribute. There is no innerHTML anywhere in this page.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element; string children become text nodes. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function debounce(fn, ms) {
  let t = 0;
  const d = (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), typeof ms === "function" ? ms() : ms);
  };
  d.cancel = () => clearTimeout(t);
  return d;
}

export function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

let NUMBER = null;
export function formatNumber(v) {
  // what Intl gives for small integers; its first format() costs ~2 ms
  if (Number.isInteger(v) && v > -1000 && v < 1000) return String(v);
  NUMBER ??= new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
  return NUMBER.format(v);
}

/**
 * True when `data` serialises the same as last time for `holder`: views use
 * it to skip rebuilding DOM that a keystroke did not change (most keystrokes
 * change offsets only, not actors, claims or relations).
 */
export function unchanged(holder, data) {
  const sig = JSON.stringify(data);
  if (holder.sig === sig) return true;
  holder.sig = sig;
  return false;
}

/** Yields to the event loop so input events can run between chunks of work. */
export function yieldToBrowser() {
  return new Promise((r) => setTimeout(r, 0));
}

// Export: the full analysis as JSON, claims and actors as CSV, and copy to
// the clipboard. Files are made in the browser (Blob URLs); nothing is sent.

/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (= + - @, tab,
 * CR) get a leading apostrophe: article text is untrusted.
 */
function cell(v) {
  let t = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = "'" + t;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function claimsCsv(model) {
  return csv(
    ["id", "speaker_id", "speaker", "speaker_text", "kind", "target_id", "target", "quote", "text", "figures", "start", "end"],
    model.claims.map((c) => [
      c.id,
      c.speaker ?? "",
      c.speaker ? model.nameOf(c.speaker) : "",
      c.speaker_text ?? "",
      c.kind,
      c.target ?? "",
      c.target ? model.nameOf(c.target) : "",
      c.quote ? "quote" : "reported",
      c.text,
      (c.figures ?? []).map((f) => `${f.qualifier ? f.qualifier + " " : ""}${f.value} ${f.counted} ${f.measure}`).join("; "),
      c.start,
      c.end,
    ]),
  );
}

export function actorsCsv(model) {
  return csv(
    ["id", "name", "kind", "role", "affiliation", "aliases", "mentions", "salience", "claims_made", "claims_about"],
    [
      ...model.actors.map((a) => [
        a.id,
        a.name,
        a.kind,
        a.role ?? "",
        a.affiliation ? model.nameOf(a.affiliation) : "",
        (a.aliases ?? []).join("; "),
        a.mentions.length,
        a.salience,
        a.said,
        a.targeted,
      ]),
      ...model.sources.map((s) => [s.id, s.name, "unnamed_source", "", s.affiliation ? model.nameOf(s.affiliation) : "", "", s.mentions.length, "", s.said, s.targeted]),
    ],
  );
}

export function analysisJson(model) {
  return JSON.stringify(model.result, null, 2);
}

export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers or a denied permission: the selection-based fallback.
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "offscreen";
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}

/** A file name stem from the headline or the document name. */
export function stem(model, fallback) {
  const base = model.doc.headline || fallback || "article";
  return (
    base
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60)
      .toLowerCase() || "article"
  );
}

// Turns an analysis result into what the views need: one lookup of every
// speaker/target id (actors `a…` and unnamed sources `s…`), display names,
// and the text the offsets index.

export const ACTOR_KINDS = {
  person: "Person",
  country: "Country",
  organization: "Organization",
  armed_group: "Armed group",
  source: "Unnamed source",
};

export const CLAIM_KINDS = {
  statement: "statement",
  accusation: "accusation",
  denial: "denial",
  demand: "demand",
  threat: "threat",
  report: "report",
  assessment: "assessment",
};

/** How a relation edge reads: "Pakistan accuses Taliban". */
export const RELATION_VERBS = {
  statement: "speaks about",
  accusation: "accuses",
  denial: "denies claims of",
  demand: "demands of",
  threat: "threatens",
  report: "reports on",
  assessment: "assesses",
};

export function kindLabel(kind) {
  return ACTOR_KINDS[kind] ?? kind;
}

/**
 * @param {import("../docs/analysis").Analysis} result
 * @param {string} analysed the string that was passed to analyze()
 */
export function buildModel(result, analysed, ms) {
  const text = result.text ?? result.input ?? analysed ?? "";
  const entities = new Map();
  const actors = (result.actors ?? []).map((a) => ({ ...a, source: false, mentions: a.mentions ?? [] }));
  for (const a of actors) entities.set(a.id, a);
  const sources = (result.sources ?? []).map((s) => ({
    ...s,
    kind: "source",
    source: true,
    name: s.label,
    mentions: s.mentions ?? [],
  }));
  for (const s of sources) entities.set(s.id, s);
  // Qualify sources by their affiliation once every actor is known.
  for (const s of sources) {
    const aff = s.affiliation && entities.get(s.affiliation);
    if (aff && !aff.source) s.name = `${s.label} (${aff.name})`;
  }
  const claims = result.claims ?? [];
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const model = {
    result,
    analysed,
    text,
    ms,
    actors,
    sources,
    claims,
    claimById,
    entities,
    relations: result.relations ?? [],
    disagreements: result.disagreements ?? [],
    warnings: result.warnings ?? [],
    doc: result.document ?? {},
    nameOf(id) {
      if (!id) return "unknown";
      return entities.get(id)?.name ?? id;
    },
    speakerName(c) {
      if (c.speaker) return model.nameOf(c.speaker);
      return c.speaker_text || "unattributed";
    },
  };
  // Claims per entity, as speaker and as target, for the panels.
  for (const e of entities.values()) {
    e.said = 0;
    e.targeted = 0;
  }
  for (const c of claims) {
    if (c.speaker && entities.has(c.speaker)) entities.get(c.speaker).said++;
    if (c.target && entities.has(c.target)) entities.get(c.target).targeted++;
  }
  return model;
}

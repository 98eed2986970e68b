//! Stage 4: actors + claims → the [`Analysis`] handed out. Owns salience,
//! the relation graph (who accuses / demands of / threatens whom), the
//! disagreements between sides' figures, and the conversion of internal
//! byte offsets into UTF-16 offsets.

use crate::actors::Actors;
use crate::claims::{Claims, Speaker};
use crate::document::Document;
use crate::model::*;
use crate::offsets::Utf16Map;

/// The id of the `i`-th (from 0) actor, source or claim: `prefix` and `i + 1`
/// ("a1", "c12"), written without the formatting machinery (one per item).
fn id(prefix: char, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = i + 1;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - k);
    id.push(prefix);
    id.extend(digits[k..].iter().map(|&d| char::from(d)));
    id
}

/// Builds the output of one analysis.
pub fn build(doc: &Document, actors: &Actors, claims: &Claims) -> Analysis {
    let text: &str = &doc.text;
    let map = Utf16Map::new(text);
    let span = |a: usize, b: usize| {
        let (start, end) = map.convert_span(text, a, b);
        Span { start, end }
    };
    let actor_ids: Vec<String> = (0..actors.list.len()).map(|i| id('a', i)).collect();
    let actor_id = |i: usize| actor_ids[i].clone();
    let source_id = |i: usize| id('s', i);
    let speaker_id = |s: &Speaker| match s {
        Speaker::Actor(a) => Some(actor_id(*a)),
        Speaker::Unnamed(u) => Some(source_id(*u)),
        Speaker::None => None,
    };

    // Salience: mentions, plus claims made (x3) and received (x1), boosted in the lead.
    let lead_end = doc
        .blocks
        .iter()
        .filter(|b| b.kind == crate::document::BlockKind::Paragraph)
        .nth(1)
        .map_or(usize::MAX, |b| b.end);
    let mut weight: Vec<f32> = actors
        .list
        .iter()
        .map(|a| {
            a.spans
                .iter()
                .map(|&(s, _)| if s < lead_end { 2.0 } else { 1.0 })
                .sum()
        })
        .collect();
    for c in &claims.list {
        if let Speaker::Actor(a) = c.speaker {
            weight[a] += 3.0;
        }
        if let Some(t) = c.target {
            weight[t] += 1.0;
        }
    }
    let max = weight.iter().cloned().fold(0.0f32, f32::max).max(1.0);

    let out_actors: Vec<Actor> = actors
        .list
        .iter()
        .enumerate()
        .map(|(i, a)| Actor {
            id: actor_id(i),
            name: a.name.clone(),
            kind: a.kind,
            aliases: a.aliases.clone(),
            role: a.role.clone(),
            affiliation: a.affiliation.map(actor_id),
            salience: ((weight[i] / max) * 100.0).round() / 100.0,
            mentions: a.spans.iter().map(|&(s, e)| span(s, e)).collect(),
        })
        .collect();

    let sources: Vec<UnnamedSource> = claims
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| UnnamedSource {
            id: source_id(i),
            label: s.label.to_string(),
            affiliation: s.affiliation.map(actor_id),
            mentions: s.spans.iter().map(|&(a, b)| span(a, b)).collect(),
        })
        .collect();

    let out_claims: Vec<Claim> = claims
        .list
        .iter()
        .enumerate()
        .map(|(i, c)| Claim {
            id: id('c', i),
            speaker: speaker_id(&c.speaker),
            speaker_text: c.speaker_span.map(|(a, b)| text[a..b].to_string()),
            speaker_span: c.speaker_span.map(|(a, b)| span(a, b)),
            text: text[c.start..c.end].to_string(),
            start: map.convert(text, c.start),
            end: map.convert(text, c.end),
            kind: c.kind,
            target: c.target.map(actor_id),
            quote: c.quote,
            cue: c.cue.map(|(a, b)| span(a, b)),
            figures: c
                .figures
                .iter()
                .map(|f| Figure {
                    value: f.value,
                    qualifier: f.qualifier.map(str::to_string),
                    measure: f.measure.to_string(),
                    counted: text[f.counted.0..f.counted.1].to_string(),
                    side: f.side.map(actor_id),
                    start: map.convert(text, f.start),
                    end: map.convert(text, f.end),
                })
                .collect(),
        })
        .collect();

    let relations = relations(&out_claims);
    let disagreements = disagreements(&out_claims);
    let mut warnings = Vec::new();
    if doc.truncated {
        warnings.push(format!(
            "input longer than {} MB: only the first part was analysed",
            crate::MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    if doc.sentences.is_empty() {
        warnings.push("no article text found".to_string());
    }

    Analysis {
        schema_version: SCHEMA_VERSION,
        offset_unit: "utf16".into(),
        text: doc.reduced.then(|| text.to_string()),
        document: DocumentInfo {
            format: doc.format.into(),
            headline: doc.meta.headline.clone(),
            author: doc.meta.author.clone(),
            outlet: doc.meta.outlet.clone(),
            date: doc.meta.date.clone(),
            word_count: doc.word_count() as u32,
            paragraphs: doc.blocks.iter().map(|b| span(b.start, b.end)).collect(),
            sentences: doc.sentences.iter().map(|s| span(s.start, s.end)).collect(),
            excluded: doc
                .excluded
                .iter()
                .map(|&(a, b, r)| Excluded {
                    start: map.convert(text, a),
                    end: map.convert(text, b),
                    reason: r.to_string(),
                })
                .collect(),
            truncated: doc.truncated,
        },
        actors: out_actors,
        sources,
        claims: out_claims,
        relations,
        disagreements,
        warnings,
    }
}

/// Edges speaker → target per claim kind, weighted by count.
fn relations(claims: &[Claim]) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for c in claims {
        let (Some(s), Some(t)) = (&c.speaker, &c.target) else {
            continue;
        };
        if !s.starts_with('a') || s == t {
            continue;
        }
        match out
            .iter_mut()
            .find(|r| &r.source == s && &r.target == t && r.kind == c.kind)
        {
            Some(r) => {
                r.count += 1;
                r.claims.push(c.id.clone());
            }
            None => out.push(Relation {
                source: s.clone(),
                target: t.clone(),
                kind: c.kind,
                count: 1,
                claims: vec![c.id.clone()],
            }),
        }
    }
    out
}

/// Figures of one measure given by two or more different speakers.
fn disagreements(claims: &[Claim]) -> Vec<Disagreement> {
    let mut by_measure: Vec<(String, Vec<DisagreementItem>)> = Vec::new();
    for c in claims {
        for f in &c.figures {
            let item = DisagreementItem {
                speaker: c.speaker.clone(),
                claim: c.id.clone(),
                value: f.value,
                qualifier: f.qualifier.clone(),
                counted: f.counted.clone(),
                side: f.side.clone(),
            };
            match by_measure.iter_mut().find(|(m, _)| *m == f.measure) {
                Some((_, items)) => items.push(item),
                None => by_measure.push((f.measure.clone(), vec![item])),
            }
        }
    }
    by_measure
        .into_iter()
        .filter(|(_, items)| {
            let speakers: Vec<&Option<String>> = items.iter().map(|i| &i.speaker).collect();
            speakers.iter().any(|s| *s != speakers[0])
        })
        .map(|(measure, items)| Disagreement { measure, items })
        .collect()
}

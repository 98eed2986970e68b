//! The fixture articles end to end: every output invariant first, then real
//! behaviour on real text, then a snapshot of the full analysis so any
//! change in output is seen in review (`INSTA_UPDATE=always cargo test` to
//! accept, then read the diff).
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use claimscope::{analyze, Analysis, ClaimKind, Options};
use std::path::Path;

/// (stem, text) of the seed articles and the independent extra articles.
fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/extra/articles"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture dir")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            out.push((stem, std::fs::read_to_string(&p).expect("fixture text")));
        }
    }
    assert!(
        out.len() >= 11,
        "expected the 5 seed and 6 extra fixtures, found {}",
        out.len()
    );
    out
}

fn seed(stem_prefix: &str) -> (String, Analysis) {
    let path = std::fs::read_dir("tests/fixtures")
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem_prefix))
        })
        .expect("seed fixture");
    let text = std::fs::read_to_string(Path::new(&path)).expect("read");
    let a = analyze(&text, &Options::default());
    (text, a)
}

fn actor<'a>(a: &'a Analysis, name: &str) -> &'a claimscope::Actor {
    a.actors
        .iter()
        .find(|x| x.name == name || x.aliases.iter().any(|y| y == name))
        .unwrap_or_else(|| {
            panic!(
                "no actor {name}: {:?}",
                a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
            )
        })
}

fn claim<'a>(a: &'a Analysis, containing: &str) -> &'a claimscope::Claim {
    a.claims
        .iter()
        .find(|c| c.text.contains(containing))
        .unwrap_or_else(|| panic!("no claim containing {containing:?}"))
}

fn speaker_name(a: &Analysis, c: &claimscope::Claim) -> String {
    let id = c.speaker.as_deref().unwrap_or("");
    a.actors
        .iter()
        .find(|x| x.id == id)
        .map(|x| x.name.clone())
        .or_else(|| {
            a.sources
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.label.clone())
        })
        .unwrap_or_default()
}

/// The claim's speaker is the actor known by `name` (canonical name or alias).
fn assert_speaker(a: &Analysis, containing: &str, name: &str) {
    let c = claim(a, containing);
    assert_eq!(
        c.speaker.as_deref(),
        Some(actor(a, name).id.as_str()),
        "speaker of {containing:?} is {:?}",
        speaker_name(a, c)
    );
}

#[test]
fn every_fixture_satisfies_the_output_invariants() {
    for (stem, text) in fixtures() {
        let a = analyze(&text, &Options::default());
        if let Err(e) = invariants::check(&text, &a) {
            panic!("{stem}: {e}");
        }
        assert!(
            !a.actors.is_empty() && !a.claims.is_empty(),
            "{stem}: found nothing"
        );
    }
}

#[test]
fn snapshots_of_every_fixture() {
    for (stem, text) in fixtures() {
        let a = analyze(&text, &Options::default());
        insta::assert_json_snapshot!(stem, a);
    }
}

#[test]
fn clutter_byline_and_bio_are_metadata_not_actors() {
    let (_, a) = seed("001");
    assert_eq!(
        a.document.headline.as_deref(),
        Some("Pakistan done with Afghan Taliban?")
    );
    assert_eq!(a.document.author.as_deref(), Some("Kamran Yousaf"));
    assert_eq!(a.document.outlet.as_deref(), Some("The Express Tribune"));
    assert!(!a
        .actors
        .iter()
        .any(|x| x.name.contains("Kamran") || x.name.contains("Tribune") || x.name == "Replying"));
    let (_, a) = seed("004");
    for clutter in [
        "Support Our Journalism",
        "ThePrint",
        "YouTube",
        "Most Popular",
        "Aamaan Alam Khan",
        "Sardar Patel University",
    ] {
        assert!(
            !a.actors.iter().any(|x| x.name.contains(clutter)),
            "{clutter} became an actor"
        );
    }
}

#[test]
fn metonymy_merges_capitals_and_spelling_variants() {
    let (_, a) = seed("002");
    assert!(actor(&a, "Pakistan")
        .aliases
        .iter()
        .any(|x| x == "Islamabad"));
    assert!(actor(&a, "India").aliases.iter().any(|x| x == "New Delhi"));
    let taliban = actor(&a, "Taliban");
    assert!(
        taliban.aliases.iter().any(|x| x == "Kabul"),
        "Kabul acts for the Taliban government: {:?}",
        taliban.aliases
    );
    let ttp = actor(&a, "TTP");
    assert!(ttp.aliases.iter().any(|x| x == "Pakistan Taliban"));
    assert_eq!(actor(&a, "BLA").name, "Balochistan Liberation Army");
}

#[test]
fn one_sentence_two_speakers_two_claims_with_figures() {
    let (_, a) = seed("002");
    let pk = claim(&a, "over 200 Taliban fighters were killed");
    assert_speaker(&a, "over 200 Taliban fighters were killed", "Pakistan");
    assert_eq!(pk.kind, ClaimKind::Report);
    assert_eq!(
        (
            pk.figures[0].value,
            pk.figures[0].qualifier.as_deref(),
            pk.figures[0].measure.as_str()
        ),
        (200.0, Some("more than"), "killed")
    );
    let tb = claim(&a, "58 Pakistani soldiers lost their lives");
    assert_speaker(&a, "58 Pakistani soldiers lost their lives", "Taliban");
    assert_eq!(
        tb.figures[0].side.as_deref(),
        Some(actor(&a, "Pakistan").id.as_str())
    );
    assert!(a
        .disagreements
        .iter()
        .any(|d| d.measure == "killed" && d.items.len() >= 2));
}

#[test]
fn quotes_attributed_before_after_and_across_paragraphs() {
    let (_, a) = seed("002");
    // "… said:" closes one paragraph, the quote fills the next
    assert_speaker(
        &a,
        "Islamabad and Kabul will meet in a third country",
        "Abdul Basit",
    );
    // "…,” she added." then an unattributed quote continuing her words
    assert_speaker(&a, "Both sides must realize", "Seema Ilahi Baloch");
    assert_speaker(&a, "could play a key role", "Seema Ilahi Baloch");
    let (_, a) = seed("001");
    let c = claim(&a, "Pakistan will continue to take all essential measures");
    assert!(c.quote);
    assert_speaker(
        &a,
        "Pakistan will continue to take all essential measures",
        "Tarar",
    );
    assert_eq!(c.kind, ClaimKind::Threat);
}

#[test]
fn lists_of_demands_unnamed_sources_and_roles() {
    let (_, a) = seed("000");
    let demands: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Demand && speaker_name(&a, c) == "Pakistan")
        .collect();
    assert!(
        demands.len() >= 4,
        "one demand per list item: {}",
        demands.len()
    );
    assert_eq!(
        speaker_name(&a, claim(&a, "Pakistan delivered this firm message")),
        "sources"
    );
    let (_, a) = seed("003");
    // "Pakistan's Minister of Defence … emphasised" is the defence minister named earlier
    assert_speaker(
        &a,
        "Pakistan cannot accept duplicity",
        "Khawaja Muhammad Asif",
    );
    assert_speaker(&a, "many states use the term", "Mohammad Yaqoob");
}

#[test]
fn unseen_countries_groups_and_people_are_found_from_the_text() {
    let text =
        std::fs::read_to_string("tests/fixtures/extra/articles/104_ostrelia_varnesia_clf.txt")
            .expect("fixture");
    let a = analyze(&text, &Options::default());
    for name in [
        "Ostrelia",
        "Varnesia",
        "Coastal Liberation Front",
        "Teodor Brask",
    ] {
        actor(&a, name);
    }
    assert_eq!(actor(&a, "CLF").name, "Coastal Liberation Front");
    assert_eq!(actor(&a, "Varnesia").kind, claimscope::ActorKind::Country);
}

#[test]
fn transcript_turns_speak_for_their_label() {
    let text =
        std::fs::read_to_string("tests/fixtures/extra/articles/102_south_china_sea_briefing.txt")
            .expect("fixture");
    let a = analyze(&text, &Options::default());
    assert_speaker(
        &a,
        "Huangyan Dao has always been China's territory",
        "Mao Ning",
    );
}

#[test]
fn html_pages_are_reduced_to_their_article_and_analysed() {
    let html = r#"<!doctype html><html><head><title>Talks collapse</title><script>document.title = "pwned"</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks collapse</h1>
<p>Pakistan&rsquo;s Foreign Minister Ishaq Dar said the Taliban must act against the TTP. &ldquo;We will not wait forever,&rdquo; he added.</p>
<p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">Related</a></p></article>
<footer>Subscribe to our newsletter</footer></body></html>"#;
    let a = analyze(html, &Options::default());
    assert_eq!(a.document.format, "html");
    let text = a.text.as_deref().expect("reduced text is returned");
    assert!(
        !text.contains("pwned")
            && !text.contains("alert")
            && !text.contains("Subscribe")
            && !text.contains('<')
    );
    invariants::check(html, &a).expect("invariants on reduced text");
    assert_speaker(&a, "the Taliban must act", "Ishaq Dar");
    assert_eq!(claim(&a, "the Taliban must act").kind, ClaimKind::Demand);
    assert_speaker(&a, "We will not wait forever", "Ishaq Dar");
}

#[test]
fn wire_copy_byline_dateline_and_contributor_line() {
    let text = std::fs::read_to_string("tests/fixtures/own/ap_wire_ukraine.txt").expect("fixture");
    let a = analyze(&text, &Options::default());
    invariants::check(&text, &a).expect("invariants");
    assert_eq!(a.document.author.as_deref(), Some("Jane Morrow"));
    assert!(
        !a.actors.iter().any(|x| x.name == "Associated Press"),
        "the contributor line is page metadata"
    );
    actor(&a, "Ukraine");
    assert_speaker(
        &a,
        "it had shot down 40 of 56 drones",
        "Ukrainian air force",
    );
    assert!(
        claim(&a, "it had shot down 40 of 56 drones")
            .text
            .starts_with("it had"),
        "the weekday is not content"
    );
    assert_speaker(&a, "We need more air defense", "Volodymyr Zelenskyy");
    assert_speaker(&a, "prolonging the war", "Dmitry Peskov");
    assert_eq!(claim(&a, "prolonging the war").kind, ClaimKind::Accusation);
    assert_speaker(&a, "Every day of delay costs Ukrainian lives", "Mark Rutte");
    assert_eq!(claim(&a, "likely to slow").kind, ClaimKind::Assessment);
    assert_eq!(
        claim(&a, "denied targeting civilians").kind,
        ClaimKind::Denial
    );
}

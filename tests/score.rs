//! Scores the analyser with the evaluation's own scorer (`score.py`, beside
//! the repository in `../shared/eval/`) on the seed articles and on the
//! independent extra fixtures, and holds the figures above floors. Skips,
//! saying so, where the scorer or python3 is missing.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

const SCORER: &str = "../shared/eval/score.py";

/// Writes `<stem>.json` for every article of `articles` into a temp dir and
/// returns the scorer's summary.
fn score(articles: &str, gold: &str) -> Option<serde_json::Value> {
    if !Path::new(SCORER).exists() || !Path::new(gold).exists() {
        eprintln!("skipping: {SCORER} or {gold} not found");
        return None;
    }
    let out = std::env::temp_dir().join(format!(
        "claimscope-score-{}-{}",
        std::process::id(),
        articles.replace('/', "_")
    ));
    std::fs::create_dir_all(&out).expect("temp dir");
    for e in std::fs::read_dir(articles).expect("articles") {
        let p = e.expect("entry").path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&p).expect("article");
        let a = claimscope::analyze(&text, &claimscope::Options::default());
        let stem = p.file_stem().and_then(|s| s.to_str()).expect("stem");
        std::fs::write(
            out.join(format!("{stem}.json")),
            serde_json::to_string(&a).expect("json"),
        )
        .expect("write");
    }
    let run = Command::new("python3")
        .args([SCORER, "score", gold])
        .arg(&out)
        .arg("--json")
        .output();
    let Ok(run) = run else {
        eprintln!("skipping: python3 not available");
        return None;
    };
    assert!(
        run.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).expect("scorer json");
    let _ = std::fs::remove_dir_all(&out);
    Some(v["summary"].clone())
}

fn check(summary: &serde_json::Value, floors: &[(&str, f64)], set: &str) {
    let line: Vec<String> = [
        "actor_f1",
        "actor_precision",
        "actor_recall",
        "claim_f1",
        "attributed_f1",
        "kind_accuracy",
    ]
    .iter()
    .map(|k| format!("{k}={:.3}", summary[k].as_f64().unwrap_or(0.0)))
    .collect();
    println!("{set}: {}", line.join(" "));
    for (metric, floor) in floors {
        let v = summary[*metric].as_f64().unwrap_or(0.0);
        assert!(v >= *floor, "{set}: {metric} = {v:.3} fell below {floor}");
    }
}

/// The bars on the seed articles.
#[test]
fn seed_articles_meet_the_bars() {
    if let Some(s) = score("tests/fixtures", "../shared/corpus/gold") {
        check(
            &s,
            &[
                ("actor_f1", 0.90),
                ("attributed_f1", 0.75),
                ("kind_accuracy", 0.75),
            ],
            "seed",
        );
    }
}

/// Articles the extractor was not written against (other conflicts and styles).
#[test]
fn independent_articles_meet_the_bars() {
    if let Some(s) = score("tests/fixtures/extra/articles", "tests/fixtures/extra/gold") {
        check(
            &s,
            &[
                ("actor_f1", 0.90),
                ("attributed_f1", 0.75),
                ("kind_accuracy", 0.75),
            ],
            "independent",
        );
    }
}

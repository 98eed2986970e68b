//! Native throughput and latency of `claimscope::analyze`, single-threaded.
//!
//! ```text
//! cargo run --release --example bench -- [--mb 10] [--runs 7] [--rounds 200]
//!     [--only stream|document|json|latency]... [--no-warmup] [--json PATH]
//! ```
//!
//! The corpus is the fixture articles (`tests/fixtures/*.txt`, then
//! `tests/fixtures/extra/articles/*.txt`, each sorted by name) repeated in
//! that order until the total reaches `--mb` million bytes; `bench/corpus.mjs`
//! builds the identical corpus for the JavaScript runs. Modes:
//!
//! - `stream`: every article of the corpus analysed by its own call (what the
//!   page and `claimscope batch` do); MB/s = corpus bytes / loop time.
//! - `document`: the corpus joined by blank lines and analysed as one text.
//!   The core drops paragraphs repeated across a document as site clutter, so
//!   this repeated corpus mostly measures that path: informational only.
//! - `json`: `stream` plus `serde_json::to_string` of each analysis (the CLI's work).
//! - `latency`: each fixture analysed once per round; median and p95 of the
//!   individual calls, over all fixtures and for the largest one alone.
//!
//! Every mode reports the best and the median of its runs. MB = 10^6 bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    mb: f64,
    runs: usize,
    rounds: usize,
    only: Vec<String>,
    warmup: bool,
    json: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        mb: 10.0,
        runs: 7,
        rounds: 200,
        only: Vec::new(),
        warmup: true,
        json: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--mb" => a.mb = value("--mb")?.parse().map_err(|e| format!("--mb: {e}"))?,
            "--runs" => {
                a.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?
            }
            "--rounds" => {
                a.rounds = value("--rounds")?
                    .parse()
                    .map_err(|e| format!("--rounds: {e}"))?
            }
            "--only" => a.only.push(value("--only")?),
            "--no-warmup" => a.warmup = false,
            "--json" => a.json = Some(value("--json")?.into()),
            "-h" | "--help" => {
                println!("usage: bench [--mb 10] [--runs 7] [--rounds 200] [--only stream|document|json|latency]... [--no-warmup] [--json PATH]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if a.runs == 0 || a.rounds == 0 || a.mb <= 0.0 {
        return Err("--runs, --rounds and --mb must be positive".into());
    }
    Ok(a)
}

/// The fixture articles in corpus order, with their paths.
fn fixtures() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/extra/articles"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text =
                std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let name = format!("{dir}/{}", f.file_name().unwrap().to_string_lossy());
            out.push((name, text));
        }
    }
    assert!(!out.is_empty(), "no fixture articles found");
    out
}

/// The fixtures repeated in order until `target` bytes are reached.
fn corpus(fixtures: &[(String, String)], target: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for (_, text) in fixtures {
            out.push(text.as_str());
            bytes += text.len();
            if bytes >= target {
                break;
            }
        }
    }
    out
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Times `runs` passes of `f`; returns (best, median) in MB/s.
fn throughput(bytes: usize, runs: usize, mut f: impl FnMut() -> usize) -> (f64, f64, Vec<f64>) {
    let mut rates = Vec::with_capacity(runs);
    let mut sink = 0usize;
    for _ in 0..runs {
        let t = Instant::now();
        sink = sink.wrapping_add(f());
        let secs = t.elapsed().as_secs_f64();
        rates.push(bytes as f64 / 1e6 / secs);
    }
    std::hint::black_box(sink);
    let best = rates.iter().cloned().fold(0.0, f64::max);
    let all = rates.clone();
    (best, median(&mut rates), all)
}

fn analyze(text: &str) -> claimscope::Analysis {
    claimscope::analyze(std::hint::black_box(text), &claimscope::Options::default())
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(2);
    });
    let want = |m: &str| args.only.is_empty() || args.only.iter().any(|x| x == m);
    let fixtures = fixtures();
    let stream = corpus(&fixtures, (args.mb * 1e6) as usize);
    let bytes: usize = stream.iter().map(|s| s.len()).sum();
    let mut results = serde_json::Map::new();
    let mut put = |k: &str, v: serde_json::Value| {
        results.insert(k.to_string(), v);
    };
    put("engine", "native".into());
    let argv: Vec<String> = std::env::args().skip(1).collect();
    put(
        "command",
        format!("target/release/examples/bench {}", argv.join(" "))
            .trim_end()
            .into(),
    );
    put("corpus_bytes", bytes.into());
    put("corpus_articles", stream.len().into());
    put("fixtures", fixtures.len().into());
    println!(
        "corpus: {} fixtures repeated to {} articles, {:.2} MB; {} runs per mode",
        fixtures.len(),
        stream.len(),
        bytes as f64 / 1e6,
        args.runs
    );

    if args.warmup {
        for (_, text) in &fixtures {
            std::hint::black_box(analyze(text));
        }
    }

    let mode = |name: &str, best: f64, med: f64, runs: &[f64]| {
        println!("{name:<10} best {best:8.2} MB/s   median {med:8.2} MB/s   runs {runs:.1?}");
        serde_json::json!({ "best_mbps": best, "median_mbps": med, "runs_mbps": runs })
    };

    if want("stream") {
        let (best, med, runs) = throughput(bytes, args.runs, || {
            stream.iter().map(|t| analyze(t).claims.len()).sum()
        });
        put("stream", mode("stream", best, med, &runs));
    }
    if want("json") {
        let (best, med, runs) = throughput(bytes, args.runs, || {
            stream
                .iter()
                .map(|t| serde_json::to_string(&analyze(t)).map_or(0, |s| s.len()))
                .sum()
        });
        put("stream_json", mode("json", best, med, &runs));
    }
    if want("document") {
        let doc = stream.join("\n\n");
        if doc.len() > claimscope::MAX_INPUT_BYTES {
            eprintln!("bench: document mode skipped: over MAX_INPUT_BYTES");
        } else {
            let (best, med, runs) = throughput(doc.len(), args.runs, || analyze(&doc).claims.len());
            put("document", mode("document", best, med, &runs));
        }
    }
    if want("latency") {
        let mut all = Vec::with_capacity(args.rounds * fixtures.len());
        let largest = (0..fixtures.len())
            .max_by_key(|&i| fixtures[i].1.len())
            .unwrap();
        let mut big = Vec::with_capacity(args.rounds);
        for _ in 0..args.rounds {
            for (i, (_, text)) in fixtures.iter().enumerate() {
                let t = Instant::now();
                std::hint::black_box(analyze(text));
                let ms = t.elapsed().as_secs_f64() * 1e3;
                all.push(ms);
                if i == largest {
                    big.push(ms);
                }
            }
        }
        all.sort_by(|a, b| a.total_cmp(b));
        big.sort_by(|a, b| a.total_cmp(b));
        let mean_bytes = fixtures.iter().map(|f| f.1.len()).sum::<usize>() / fixtures.len();
        let (m, p) = (percentile(&all, 50.0), percentile(&all, 95.0));
        let (bm, bp) = (percentile(&big, 50.0), percentile(&big, 95.0));
        println!(
            "latency    all {} fixtures (mean {:.1} KB): median {m:.3} ms  p95 {p:.3} ms",
            fixtures.len(),
            mean_bytes as f64 / 1e3
        );
        println!(
            "latency    largest {} ({:.1} KB): median {bm:.3} ms  p95 {bp:.3} ms",
            fixtures[largest].0,
            fixtures[largest].1.len() as f64 / 1e3
        );
        put(
            "latency",
            serde_json::json!({
                "rounds": args.rounds,
                "mean_bytes": mean_bytes,
                "median_ms": m, "p95_ms": p,
                "largest": fixtures[largest].0, "largest_bytes": fixtures[largest].1.len(),
                "largest_median_ms": bm, "largest_p95_ms": bp,
            }),
        );
    }

    if let Some(path) = &args.json {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let text = serde_json::to_string_pretty(&serde_json::Value::Object(results)).unwrap();
        std::fs::write(path, text + "\n").unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

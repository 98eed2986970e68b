//! The native CLI over the same core as the WASM build.
//!
//! ```text
//! claimscope analyze FILE|-                 analysis of one article as JSON on stdout
//! claimscope analyze --out-dir DIR FILE...  writes DIR/<stem>.json for each input
//! claimscope batch [--threads N] < in.jsonl  one analysis per JSON line, on every core (src/batch.rs)
//! ```
//! Unreadable input: exit status 1 and a one-line message on stderr.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod batch;

const USAGE: &str = "usage: claimscope analyze [--compact] [--format text|markdown|html] [--out-dir DIR] FILE|- [FILE...]\n       claimscope batch [--threads N] [--format text|markdown|html] < in.jsonl > out.jsonl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("claimscope: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.into());
    };
    if cmd == "-h" || cmd == "--help" {
        println!("{USAGE}");
        return Ok(());
    }
    if cmd == "batch" {
        return batch::run(rest);
    }
    if cmd != "analyze" {
        return Err(format!("unknown command {cmd:?}; {USAGE}"));
    }
    let mut out_dir: Option<PathBuf> = None;
    let mut compact = false;
    let mut options = claimscope::Options::default();
    let mut files = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out-dir" => out_dir = Some(it.next().ok_or("--out-dir needs a directory")?.into()),
            "--compact" => compact = true,
            "--format" => options.format = Some(it.next().ok_or("--format needs a value")?.clone()),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(USAGE.into());
    }
    if out_dir.is_none() && files.len() > 1 {
        return Err("several files need --out-dir DIR".into());
    }
    for file in &files {
        let analysis = analyze_file(file, &options)?;
        let json = if compact {
            serde_json::to_string(&analysis)
        } else {
            serde_json::to_string_pretty(&analysis)
        }
        .map_err(|e| format!("{file}: {e}"))?;
        match &out_dir {
            Some(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                let stem = Path::new(file)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("stdin");
                let path = dir.join(format!("{stem}.json"));
                std::fs::write(&path, json + "\n")
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            None => {
                let mut out = std::io::stdout().lock();
                // a closed pipe (e.g. `| head`) is not an error worth a message
                let _ = writeln!(out, "{json}");
            }
        }
    }
    Ok(())
}

fn analyze_file(file: &str, options: &claimscope::Options) -> Result<claimscope::Analysis, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {}", one_line(&e)))?
    };
    let decoded = claimscope::input::decode(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let mut analysis = claimscope::analyze(&decoded.text, options);
    if let Some(w) = decoded.warning {
        analysis.warnings.insert(0, w);
    }
    Ok(analysis)
}

fn one_line(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "is a directory".into(),
        _ => e.to_string(),
    }
}

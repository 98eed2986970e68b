//! The native CLI over the same core as the WASM build.
//!
//! ```text
//! claimscope analyze FILE|-                 analysis of one article as JSON on stdout
//! claimscope analyze --out-dir DIR FILE...  writes DIR/<stem>.json for each input
//! claimscope batch [--threads N] < in.jsonl  one analysis per JSON line, on every core (src/batch.rs)
//! ```
//! Unreadable input: exit status 1 and a one-line message on stderr per
//! file (with `--out-dir` the other files are still written). A bug that
//! panics: exit status 70 and one line, never a backtrace. Input is read up
//! to a cap (`read_cap`), so `/dev/zero` or a 10 GB file cannot exhaust
//! memory; the core analyses the first `MAX_INPUT_BYTES` and says so.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod batch;

const USAGE: &str = "usage: claimscope analyze [--compact] [--format text|markdown|html] [--out-dir DIR] FILE|- [FILE...]\n       claimscope batch [--threads N] [--format text|markdown|html] < in.jsonl > out.jsonl";

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        // panic messages can quote the article: keep it to one short line
        let msg: String = msg
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(200)
            .collect();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("claimscope: internal error{at}: {msg} (please report it with the input)");
        // exit here: with panic = "abort" (release) the process would otherwise die of SIGABRT
        std::process::exit(70);
    }));
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
    let Some(dir) = out_dir else {
        let analysis = analyze_file(&files[0], &options)?;
        // written as it is serialised: the JSON of a big input is bigger than the input
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match write_json(&mut out, &analysis, compact) {
            // a closed pipe (e.g. `| head`) is not an error worth a message
            Err(e) if !e.is_io() => return Err(format!("{}: {e}", files[0])),
            _ => return Ok(()),
        }
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // One unreadable file among many: say so in one line and write the rest.
    let mut failed = Vec::new();
    let mut written: std::collections::HashMap<PathBuf, &str> = Default::default();
    for file in &files {
        let stem = match file.as_str() {
            "-" => "stdin",
            _ => Path::new(file)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("stdin"),
        };
        let path = dir.join(format!("{stem}.json"));
        let result = match written.get(&path) {
            Some(first) => Err(format!(
                "{file}: not written, {} already holds {first}",
                path.display()
            )),
            None => analyze_file(file, &options).and_then(|analysis| {
                let io = |e: std::io::Error| format!("{}: {e}", path.display());
                let mut out = std::io::BufWriter::new(std::fs::File::create(&path).map_err(io)?);
                write_json(&mut out, &analysis, compact).map_err(|e| match e.is_io() {
                    true => io(e.into()),
                    false => format!("{file}: {e}"),
                })
            }),
        };
        match result {
            Ok(()) => {
                written.insert(path, file);
            }
            Err(msg) => failed.push(msg),
        }
    }
    // one line per failed file: all but the last here, the last from main
    match failed.split_last() {
        None => Ok(()),
        Some((last, others)) => {
            for msg in others {
                eprintln!("claimscope: {msg}");
            }
            Err(last.clone())
        }
    }
}

/// Writes the analysis as JSON and a newline, and flushes.
fn write_json(
    out: &mut impl Write,
    analysis: &claimscope::Analysis,
    compact: bool,
) -> Result<(), serde_json::Error> {
    if compact {
        serde_json::to_writer(&mut *out, analysis)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, analysis)?;
    }
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}

/// Bytes read from one input at most. The core analyses the first
/// `MAX_INPUT_BYTES` of text; UTF-16 needs up to two bytes per byte of that
/// text, and the margin makes a longer input come out longer than the limit,
/// so the analysis is marked truncated.
fn read_cap() -> u64 {
    2 * claimscope::MAX_INPUT_BYTES as u64 + 16
}

fn analyze_file(file: &str, options: &claimscope::Options) -> Result<claimscope::Analysis, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .take(read_cap())
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {}", one_line(&e)))?;
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(read_cap()).read_to_end(&mut bytes))
            .map_err(|e| format!("{file}: {}", one_line(&e)))?;
    }
    if bytes.len() as u64 == read_cap() {
        // cut where a UTF-8 character starts, so the cut is not "repaired" with a warning
        let keep = (bytes.len() - 3..bytes.len())
            .rev()
            .find(|&i| bytes[i] & 0xC0 != 0x80)
            .unwrap_or(bytes.len());
        bytes.truncate(keep);
    }
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

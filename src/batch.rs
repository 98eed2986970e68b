//! `claimscope batch`: JSON Lines in, JSON Lines out, on every core.
//!
//! ```text
//! claimscope batch [--threads N] [--format text|markdown|html] < in.jsonl > out.jsonl
//! ```
//!
//! Each input line is an object `{"id": ..., "text": "...", "format"?: "..."}`
//! (other fields are ignored; `id` may be any JSON value and defaults to
//! `null`). Each line gives exactly one output line, in input order:
//!
//! ```text
//! {"id":...,"analysis":{...}}                 the analysis (the same schema as `analyze`)
//! {"id":...,"line":N,"error":"..."}           the line could not be read (N counts from 1)
//! ```
//!
//! so the output can be zipped with the input line by line, and the binary
//! can be a map step in a distributed engine (`docs/batch.md`).
//!
//! One reader thread cuts stdin into chunks of lines, `N` scoped worker
//! threads analyse chunks, and the calling thread writes the chunks back in
//! order. A fixed number of chunk tokens bounds the chunks in flight, so
//! memory stays bounded however long the input or however uneven the
//! articles.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::Mutex;

use serde_json::Value;

const USAGE: &str =
    "usage: claimscope batch [--threads N] [--format text|markdown|html] < in.jsonl > out.jsonl";

/// A chunk is cut after this many lines or bytes, whichever comes first.
const CHUNK_LINES: usize = 16;
const CHUNK_BYTES: usize = 256 * 1024;
/// Chunks in flight (being read, analysed or waiting to be written) per worker.
const TOKENS_PER_WORKER: usize = 4;

struct Chunk {
    seq: u64,
    /// Line number (from 1) of the first line.
    first_line: u64,
    lines: Vec<Vec<u8>>,
}

/// Runs `claimscope batch` with the arguments after `batch`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut threads = 0usize;
    let mut format: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--threads" | "-j" => {
                let v = it.next().ok_or("--threads needs a number")?;
                threads = v
                    .parse()
                    .map_err(|_| format!("--threads: not a number: {v:?}"))?;
            }
            "--format" => format = Some(it.next().ok_or("--format needs a value")?.clone()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("batch: unknown argument {other:?}; {USAGE}")),
        }
    }
    if threads == 0 {
        threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    }
    // `Stdin` (not its lock, which may not cross threads) goes to the reader thread.
    let result = process(
        std::io::stdin(),
        std::io::stdout().lock(),
        threads,
        format.as_deref(),
    );
    match result {
        Ok(()) => Ok(()),
        // A consumer that stopped reading (`| head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads JSON Lines from `input` and writes one result line per input line
/// to `output`, in order, analysing on `threads` threads. `format` applies to
/// lines without a `"format"` of their own.
pub fn process<R: Read + Send, W: Write>(
    input: R,
    output: W,
    threads: usize,
    format: Option<&str>,
) -> std::io::Result<()> {
    let threads = threads.max(1);
    let tokens = threads * TOKENS_PER_WORKER;
    // The reader takes a token per chunk; the writer returns it once the
    // chunk is written. If the writer fails it drops `token_tx`, which stops
    // the reader, which stops the workers.
    let (token_tx, token_rx) = sync_channel::<()>(tokens);
    for _ in 0..tokens {
        token_tx.send(()).expect("receiver alive");
    }
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(threads);
    let chunk_rx = Mutex::new(chunk_rx);
    let (done_tx, done_rx) = channel::<(u64, Vec<u8>)>();

    std::thread::scope(|s| {
        let reader = s.spawn(move || read_chunks(input, &token_rx, chunk_tx));
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            s.spawn(move || loop {
                // Hold the lock only to take a chunk, never while analysing.
                let next = chunk_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(chunk)) = next else { break };
                let out = analyse_chunk(&chunk, format);
                if done_tx.send((chunk.seq, out)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(output, done_rx, token_tx);
        let read = reader.join().expect("reader thread panicked");
        written.and(read)
    })
}

/// Cuts `input` into chunks, each sent once a token is free. Returns the
/// first read error; the lines before it are still processed.
fn read_chunks<R: Read>(
    input: R,
    tokens: &Receiver<()>,
    chunks: std::sync::mpsc::SyncSender<Chunk>,
) -> std::io::Result<()> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut seq = 0u64;
    let mut line_no = 0u64;
    let mut eof = false;
    while !eof {
        if tokens.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut chunk = Chunk {
            seq,
            first_line: line_no + 1,
            lines: Vec::new(),
        };
        let mut bytes = 0;
        while chunk.lines.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => {
                    bytes += n;
                    line_no += 1;
                    chunk.lines.push(line);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    if !chunk.lines.is_empty() {
                        let _ = chunks.send(chunk);
                    }
                    return Err(std::io::Error::new(e.kind(), format!("stdin: {e}")));
                }
            }
        }
        if chunk.lines.is_empty() {
            break;
        }
        if chunks.send(chunk).is_err() {
            return Ok(());
        }
        seq += 1;
    }
    Ok(())
}

/// Writes chunks in `seq` order as they complete, returning a token per chunk.
fn write_in_order<W: Write>(
    output: W,
    done: Receiver<(u64, Vec<u8>)>,
    tokens: std::sync::mpsc::SyncSender<()>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, output);
    let mut pending: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, bytes) in done {
        pending.insert(seq, bytes);
        while let Some(bytes) = pending.remove(&next) {
            out.write_all(&bytes)?;
            next += 1;
            let _ = tokens.send(());
        }
        // Flush whenever the writer has caught up, so a slow trickle of
        // input still streams out.
        out.flush()?;
    }
    out.flush()
}

fn analyse_chunk(chunk: &Chunk, format: Option<&str>) -> Vec<u8> {
    let mut out = Vec::with_capacity(chunk.lines.len() * 4096);
    for (i, line) in chunk.lines.iter().enumerate() {
        analyse_line(line, chunk.first_line + i as u64, format, &mut out);
        out.push(b'\n');
    }
    out
}

/// Appends the one-line result for `line` (without its newline) to `out`.
fn analyse_line(line: &[u8], line_no: u64, format: Option<&str>, out: &mut Vec<u8>) {
    let mut line = line.strip_suffix(b"\n").unwrap_or(line);
    line = line.strip_suffix(b"\r").unwrap_or(line);
    if line_no == 1 {
        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    }
    #[derive(serde::Serialize)]
    struct Failure<'a> {
        id: &'a Value,
        line: u64,
        error: &'a str,
    }
    let fail = |out: &mut Vec<u8>, id: &Value, error: String| {
        let line = Failure {
            id,
            line: line_no,
            error: &error,
        };
        serde_json::to_writer(out, &line).expect("plain data always serializes");
    };
    if line.iter().all(u8::is_ascii_whitespace) {
        return fail(out, &Value::Null, "empty line".into());
    }
    let mut obj = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => return fail(out, &Value::Null, "expected a JSON object".into()),
        Err(e) => return fail(out, &Value::Null, format!("invalid JSON: {e}")),
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let text = match obj.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return fail(out, &id, "\"text\" must be a string".into()),
        None => return fail(out, &id, "missing \"text\"".into()),
    };
    let format = match obj.remove("format") {
        None | Some(Value::Null) => format.map(str::to_owned),
        Some(Value::String(f)) => Some(f),
        Some(_) => return fail(out, &id, "\"format\" must be a string".into()),
    };
    // Options may grow fields; every other one keeps its default.
    #[allow(clippy::needless_update)]
    let options = claimscope::Options {
        format,
        ..Default::default()
    };
    let analysis = claimscope::analyze(&text, &options);
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a Value,
        analysis: &'a claimscope::Analysis,
    }
    let start = out.len();
    if let Err(e) = serde_json::to_writer(
        &mut *out,
        &Line {
            id: &id,
            analysis: &analysis,
        },
    ) {
        out.truncate(start);
        fail(
            out,
            &id,
            format!("internal: could not serialize the analysis: {e}"),
        );
    }
}

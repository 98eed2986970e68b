//! `claimscope batch`: JSON Lines on stdin, one result line per input line,
//! in input order, whatever the thread count; bad lines give error objects.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn batch(args: &[&str], input: &[u8]) -> (Vec<Value>, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimscope"))
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimscope");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from another thread so a full stdout pipe cannot deadlock us.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        stdout.is_empty() || stdout.ends_with('\n'),
        "output ends with a newline"
    );
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

fn fixtures() -> Vec<String> {
    let mut paths: Vec<_> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn jsonl(items: &[Value]) -> Vec<u8> {
    let mut s = String::new();
    for v in items {
        s.push_str(&v.to_string());
        s.push('\n');
    }
    s.into_bytes()
}

#[test]
fn order_matches_input_on_many_threads() {
    let texts = fixtures();
    let items: Vec<Value> = (0..120)
        .map(|i| json!({"id": format!("doc-{i}"), "text": texts[i % texts.len()]}))
        .collect();
    let (out, stderr, ok) = batch(&["--threads", "4"], &jsonl(&items));
    assert!(ok, "{stderr}");
    assert_eq!(out.len(), items.len());
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["id"], json!(format!("doc-{i}")), "line {}", i + 1);
        assert!(
            line["analysis"]["schema_version"].is_u64(),
            "line {}",
            i + 1
        );
    }
    // The same input on one thread gives byte-for-byte the same analyses.
    let (single, _, ok) = batch(&["--threads", "1"], &jsonl(&items));
    assert!(ok);
    assert_eq!(single, out);
}

/// What `claimscope analyze --compact [--format F]` prints for `text`.
fn analyze_command(text: &str, format: Option<&str>) -> Value {
    let path = std::env::temp_dir().join(format!(
        "claimscope-batch-{}-{}.txt",
        std::process::id(),
        format.unwrap_or("auto")
    ));
    std::fs::write(&path, text).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimscope"));
    cmd.args(["analyze", "--compact"]);
    if let Some(f) = format {
        cmd.args(["--format", f]);
    }
    let out = cmd.arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn analysis_equals_the_analyze_command() {
    let texts = fixtures();
    let (out, _, ok) = batch(&[], &jsonl(&[json!({"id": 1, "text": texts[0]})]));
    assert!(ok);
    assert_eq!(out[0]["analysis"], analyze_command(&texts[0], None));
}

#[test]
fn bad_lines_give_one_error_line_each_and_the_rest_goes_on() {
    let input = concat!(
        "{\"id\": \"ok1\", \"text\": \"Pakistan accused the Taliban of harbouring militants, Foreign Minister Ishaq Dar said.\"}\n",
        "not json at all\n",
        "\n",
        "[1, 2, 3]\n",
        "{\"id\": 5}\n",
        "{\"id\": 6, \"text\": 42}\n",
        "{\"id\": 7, \"text\": \"x\", \"format\": 3}\n",
        "{\"id\": 8, \"text\": \"truncated\n",
        "{\"text\": \"The ministry denied the report.\", \"extra\": true}\r\n",
        "{\"id\": \"last\", \"text\": \"India condemned the strikes.\"}",
    );
    let (out, stderr, ok) = batch(&["-j", "3"], input.as_bytes());
    assert!(ok, "{stderr}");
    assert_eq!(out.len(), 10, "{out:#?}");
    let error = |i: usize| {
        out[i]["error"]
            .as_str()
            .unwrap_or_else(|| panic!("line {}: {}", i + 1, out[i]))
    };
    assert_eq!(out[0]["id"], "ok1");
    assert!(out[0]["analysis"]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == "Pakistan"));
    assert!(error(1).starts_with("invalid JSON"));
    assert_eq!(out[1]["line"], 2);
    assert_eq!(error(2), "empty line");
    assert_eq!(error(3), "expected a JSON object");
    assert_eq!(error(4), "missing \"text\"");
    assert_eq!(out[4]["id"], 5);
    assert_eq!(error(5), "\"text\" must be a string");
    assert_eq!(out[5]["id"], 6);
    assert_eq!(error(6), "\"format\" must be a string");
    assert!(error(7).starts_with("invalid JSON"));
    assert_eq!(out[7]["line"], 8);
    // CRLF line ending, unknown fields, no id: analysed, id null.
    assert!(out[8]["id"].is_null());
    assert!(out[8]["analysis"].is_object(), "{}", out[8]);
    // A last line without a newline still counts.
    assert_eq!(out[9]["id"], "last");
    assert!(out[9]["analysis"].is_object());
}

#[test]
fn ids_of_any_json_type_come_back_unchanged() {
    let ids = [
        json!(7),
        json!("x"),
        json!(null),
        json!({"shard": 3, "row": [1, 2]}),
        json!(1.5),
    ];
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "text": "Iran denied the claim."}))
        .collect();
    let (out, _, ok) = batch(&[], &jsonl(&items));
    assert!(ok);
    let got: Vec<Value> = out.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(got, ids);
}

#[test]
fn format_option_and_per_line_format_reach_the_core() {
    let html = "<html><head><title>T</title></head><body><p>Pakistan accused the Taliban of harbouring militants, Foreign Minister Ishaq Dar said.</p></body></html>";
    let items = [
        json!({"id": 1, "text": html, "format": "html"}),
        json!({"id": 2, "text": html}),
        json!({"id": 3, "text": html, "format": "text"}),
    ];
    let (out, _, ok) = batch(&["--format", "html"], &jsonl(&items));
    assert!(ok);
    let as_html = analyze_command(html, Some("html"));
    assert_eq!(out[0]["analysis"], as_html);
    assert_eq!(
        out[1]["analysis"], as_html,
        "--format applies to lines without one"
    );
    assert_eq!(
        out[2]["analysis"],
        analyze_command(html, Some("text")),
        "a line's own format wins"
    );
}

#[test]
fn empty_input_gives_empty_output() {
    let (out, _, ok) = batch(&[], b"");
    assert!(ok);
    assert!(out.is_empty());
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let (_, stderr, ok) = batch(&["--threads", "many"], b"");
    assert!(!ok);
    assert!(stderr.contains("--threads"), "{stderr}");
    let (_, stderr, ok) = batch(&["--bogus"], b"");
    assert!(!ok);
    assert!(stderr.contains("usage"), "{stderr}");
}

#[test]
fn invalid_utf8_is_an_error_line_not_an_abort() {
    let mut input = b"{\"id\": 1, \"text\": \"caf\xff\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\": 2, \"text\": \"Russia denied it.\"}\n");
    let (out, _, ok) = batch(&[], &input);
    assert!(ok);
    assert_eq!(out.len(), 2);
    assert!(out[0]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(out[1]["id"], 2);
}

#[test]
fn many_more_chunks_than_in_flight_tokens_stay_in_order() {
    // 3000 short lines are ~190 chunks; two workers hold at most 8 in flight.
    let names = ["Iran", "India", "Russia", "Sudan", "the ministry"];
    let items: Vec<Value> = (0..3000)
        .map(|i| json!({"id": i, "text": format!("{} denied report number {i}.", names[i % names.len()])}))
        .collect();
    let (out, stderr, ok) = batch(&["--threads", "2"], &jsonl(&items));
    assert!(ok, "{stderr}");
    let ids: Vec<u64> = out.iter().map(|l| l["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..3000).collect::<Vec<u64>>());
}

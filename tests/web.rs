//! The WebAssembly exports as JavaScript sees them, in headless Chromium
//! (`wasm-pack test --headless --chrome`). Native builds skip this file: a
//! `JsValue` cannot exist outside wasm.
#![cfg(target_arch = "wasm32")]

use claimscope::wasm::{analyze, analyze_bytes, JsJob};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/002_a19b945fea9102a1.txt");

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

fn array(obj: &JsValue, key: &str) -> Array {
    let v = get(obj, key);
    assert!(Array::is_array(&v), "{key} should be a JS array, got {v:?}");
    v.unchecked_into()
}

fn index(obj: &JsValue, key: &str) -> u32 {
    let v = get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} should be a number"));
    assert!(v >= 0.0 && v.fract() == 0.0, "{key} = {v} is not an index");
    v as u32
}

/// Asserts the shape every result has, whatever the core finds.
fn assert_plain_analysis(result: &JsValue) {
    assert!(!result.is_string(), "a plain object, not a JSON string");
    assert!(result.is_object() && !Array::is_array(result));
    assert_eq!(get(result, "schema_version").as_f64(), Some(1.0));
    assert_eq!(
        get(result, "offset_unit").as_string().as_deref(),
        Some("utf16")
    );
    for key in [
        "actors",
        "claims",
        "sources",
        "relations",
        "disagreements",
        "warnings",
    ] {
        array(result, key);
    }
}

/// The string that offsets index: `text` when the core reduced the input, else the input.
fn indexed_text(result: &JsValue, input: &str) -> JsString {
    match get(result, "text").as_string() {
        Some(t) => JsString::from(t),
        None => JsString::from(input),
    }
}

#[wasm_bindgen_test]
fn seed_article_gives_plain_objects_with_utf16_offsets() {
    let result = analyze(SEED, JsValue::UNDEFINED).expect("analysis of a seed article");
    assert_plain_analysis(&result);
    let text = indexed_text(&result, SEED);
    let len = text.length();

    for actor in array(&result, "actors").iter() {
        assert!(get(&actor, "name").is_string());
        array(&actor, "aliases");
        for mention in array(&actor, "mentions").iter() {
            let (start, end) = (index(&mention, "start"), index(&mention, "end"));
            assert!(start < end && end <= len, "mention {start}..{end} of {len}");
            // JS string indices, not bytes: the slice is a real piece of the input.
            let s = text.slice(start, end);
            assert!(s.length() > 0 && String::from(s).trim() != "");
        }
    }
    for claim in array(&result, "claims").iter() {
        let (start, end) = (index(&claim, "start"), index(&claim, "end"));
        assert!(start <= end && end <= len, "claim {start}..{end} of {len}");
        // Documented invariant: `text` is exactly the input at [start, end).
        assert_eq!(
            String::from(text.slice(start, end)),
            get(&claim, "text")
                .as_string()
                .expect("claim text is a string")
        );
        assert!(get(&claim, "quote").as_bool().is_some());
    }
}

// Depends on the core finding actors: fails while src/actors.rs is a stub.
#[wasm_bindgen_test]
fn seed_article_names_pakistan() {
    let result = analyze(SEED, JsValue::UNDEFINED).unwrap();
    let names: Vec<String> = array(&result, "actors")
        .iter()
        .filter_map(|a| get(&a, "name").as_string())
        .collect();
    assert!(names.iter().any(|n| n == "Pakistan"), "actors: {names:?}");
}

#[wasm_bindgen_test]
fn null_and_empty_options_are_the_default() {
    let empty = Object::new();
    Reflect::set(&empty, &"ignored".into(), &JsValue::TRUE).unwrap();
    for options in [JsValue::NULL, empty.into()] {
        assert_plain_analysis(&analyze("Pakistan said so.", options).unwrap());
    }
}

#[wasm_bindgen_test]
fn the_format_option_is_obeyed() {
    let html = "<p>Pakistan said the <b>talks</b> would resume.</p>";
    // The same tagged text, read as each format it is told to be.
    for format in ["html", "text"] {
        let options = Object::new();
        Reflect::set(&options, &"format".into(), &format.into()).unwrap();
        let result = analyze(html, options.into()).unwrap();
        let document = get(&result, "document");
        assert_eq!(
            get(&document, "format").as_string().as_deref(),
            Some(format)
        );
    }
}

#[wasm_bindgen_test]
fn empty_text_gives_empty_lists() {
    let result = analyze("", JsValue::UNDEFINED).expect("empty text is not an error");
    assert_plain_analysis(&result);
    assert_eq!(array(&result, "actors").length(), 0);
    assert_eq!(array(&result, "claims").length(), 0);
}

fn assert_js_error(err: wasm_bindgen::JsError) {
    let value = JsValue::from(err);
    let error: &js_sys::Error = value.dyn_ref().expect("a JS Error object");
    let message = String::from(error.message());
    assert!(
        !message.is_empty() && !message.contains('\n'),
        "{message:?}"
    );
}

#[wasm_bindgen_test]
fn invalid_options_throw_an_error() {
    let options = Object::new();
    Reflect::set(&options, &"format".into(), &JsValue::from_f64(42.0)).unwrap();
    assert_js_error(analyze(SEED, options.into()).unwrap_err());
    assert_js_error(analyze(SEED, JsValue::from_str("html")).unwrap_err());
}

#[wasm_bindgen_test]
fn bytes_with_nul_throw_an_error() {
    assert_js_error(analyze_bytes(b"Pakistan said\0\x01\x02 so.", JsValue::UNDEFINED).unwrap_err());
}

#[wasm_bindgen_test]
fn bytes_decode_to_the_same_analysis() {
    let result = analyze_bytes(SEED.as_bytes(), JsValue::UNDEFINED).unwrap();
    assert_plain_analysis(&result);
    assert_eq!(get(&result, "input").as_string().as_deref(), Some(SEED));
    let from_text = analyze(SEED, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        array(&result, "actors").length(),
        array(&from_text, "actors").length()
    );
}

#[wasm_bindgen_test]
fn a_job_stepped_to_the_end_gives_the_analysis() {
    let mut job = JsJob::new(SEED.to_string(), JsValue::UNDEFINED).unwrap();
    let mut progress = vec![];
    loop {
        let p = job.step();
        progress.push(p);
        if p >= 1.0 {
            break;
        }
    }
    assert!(progress.len() > 2, "several steps: {progress:?}");
    assert!(progress.windows(2).all(|w| w[0] < w[1]), "{progress:?}");
    let stepped = job.finish().unwrap();
    assert_plain_analysis(&stepped);
    let direct = analyze(SEED, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&stepped).unwrap(),
        js_sys::JSON::stringify(&direct).unwrap()
    );
}

#[wasm_bindgen_test]
fn a_job_from_bytes_carries_its_input_and_refuses_binary() {
    let job = JsJob::from_bytes(SEED.as_bytes(), JsValue::UNDEFINED).unwrap();
    let result = job.finish().unwrap();
    assert_eq!(get(&result, "input").as_string().as_deref(), Some(SEED));
    assert!(JsJob::from_bytes(b"Pakistan\0\x01\x02", JsValue::UNDEFINED).is_err());
    // dropped half way: nothing to finish, nothing leaks into the next job
    let mut cancelled = JsJob::new(SEED.to_string(), JsValue::UNDEFINED).unwrap();
    cancelled.step();
    drop(cancelled);
}

//! The WebAssembly boundary: converts types and nothing else. Every export
//! returns `Result<_, JsError>`; results are plain JS objects made by one
//! serializer.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../docs/analysis.d.ts");

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn into_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Analyses `text`; `options` is an optional `{format?: "text"|"markdown"|"html"}`.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::Options = if options.is_undefined() || options.is_null() {
        crate::Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(into_error)?
    };
    let analysis = crate::analyze(text, &options);
    serde::Serialize::serialize(&analysis, &serializer()).map_err(into_error)
}

/// Decodes an uploaded file's bytes (UTF-8, UTF-16 with BOM) and analyses
/// it; throws a one-line `Error` for binary files.
#[wasm_bindgen(js_name = analyzeBytes, skip_typescript)]
pub fn analyze_bytes(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let decoded = crate::input::decode(bytes).map_err(into_error)?;
    let result = analyze(&decoded.text, options)?;
    let text = JsValue::from_str(&decoded.text);
    js_sys::Reflect::set(&result, &JsValue::from_str("input"), &text)
        .map_err(|_| JsError::new("internal: could not attach input"))?;
    Ok(result)
}

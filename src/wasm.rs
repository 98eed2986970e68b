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

/// `{format?: string}` read field by field: serde's deserializer would bring
/// float formatting into the .wasm for its error messages.
fn options(options: JsValue) -> Result<crate::Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(crate::Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new(
            "options must be an object: {format?: \"text\"|\"markdown\"|\"html\"}",
        ));
    }
    let format = js_sys::Reflect::get(&options, &JsValue::from_str("format"))
        .map_err(|_| JsError::new("options.format could not be read"))?;
    if format.is_undefined() || format.is_null() {
        return Ok(crate::Options::default());
    }
    match format.as_string() {
        Some(format) => Ok(crate::Options {
            format: Some(format),
        }),
        None => Err(JsError::new(
            "options.format must be a string: \"text\", \"markdown\" or \"html\"",
        )),
    }
}

fn to_js(analysis: &crate::Analysis) -> Result<JsValue, JsError> {
    serde::Serialize::serialize(analysis, &serializer()).map_err(into_error)
}

/// Analyses `text`; `options` is an optional `{format?: "text"|"markdown"|"html"}`.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::analyze(text, &self::options(options)?))
}

/// [`crate::job::Job`] for JavaScript: `new Job(text, options)` or
/// `Job.fromBytes(bytes, options)`, then `step()` until it returns 1, then
/// `finish()`. Dropping it (`free()`) between steps cancels the analysis.
#[wasm_bindgen(js_name = Job, skip_typescript)]
pub struct JsJob {
    job: crate::job::Job,
    /// The decoded text of uploaded bytes, already a JS string.
    input: Option<JsValue>,
}

#[wasm_bindgen(js_class = Job)]
impl JsJob {
    /// A job analysing `text`.
    #[wasm_bindgen(constructor)]
    pub fn new(text: String, options: JsValue) -> Result<JsJob, JsError> {
        Ok(JsJob {
            job: crate::job::Job::new(text, &self::options(options)?),
            input: None,
        })
    }

    /// A job analysing decoded file bytes; throws a one-line `Error` for binary files.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8], options: JsValue) -> Result<JsJob, JsError> {
        let options = self::options(options)?;
        let decoded = crate::input::decode(bytes).map_err(into_error)?;
        let input = JsValue::from_str(&decoded.text);
        Ok(JsJob {
            job: crate::job::Job::new(decoded.text.into_owned(), &options),
            input: Some(input),
        })
    }

    /// Runs the next stage; returns the share of the work done (1 = complete).
    pub fn step(&mut self) -> f64 {
        self.job.step()
    }

    /// The analysis (running any stage left), with `input` for uploaded bytes.
    pub fn finish(self) -> Result<JsValue, JsError> {
        let result = to_js(&self.job.finish())?;
        if let Some(input) = self.input {
            set_input(&result, &input)?;
        }
        Ok(result)
    }
}

fn set_input(result: &JsValue, input: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(result, &JsValue::from_str("input"), input)
        .map(|_| ())
        .map_err(|_| JsError::new("internal: could not attach input"))
}

/// Decodes an uploaded file's bytes (UTF-8, UTF-16 with BOM) and analyses
/// it; throws a one-line `Error` for binary files.
#[wasm_bindgen(js_name = analyzeBytes, skip_typescript)]
pub fn analyze_bytes(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let decoded = crate::input::decode(bytes).map_err(into_error)?;
    let result = analyze(&decoded.text, options)?;
    set_input(&result, &JsValue::from_str(&decoded.text))?;
    Ok(result)
}

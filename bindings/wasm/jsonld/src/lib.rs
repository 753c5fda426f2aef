//! The npm package's second module: the generic JSON-LD processor that the first module
//! (bindings/wasm) leaves out to stay small. The first module hands it each document its fast
//! path declines, as JSON text, and reads the dataset or the error back (the protocol and the
//! work are the core's: `microcred::rdf::serve_full_processor`). Loaded by the package's
//! `loadFullProcessor()` in browsers and on first need in Node.

use wasm_bindgen::prelude::*;

/// Answers one request of the first module (JSON text in, JSON text out).
#[wasm_bindgen]
pub fn serve(request: &str) -> String {
    microcred::rdf::serve_full_processor(request)
}

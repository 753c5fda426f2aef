//! The npm package's second module: what the first module (bindings/wasm) leaves out to stay
//! small: the generic JSON-LD processor (json-ld 0.15), RDFC-1.0 for datasets with blank nodes
//! (sophia_c14n) and the RDF/XML reader (sophia_xml). The first module hands it what needs them
//! as JSON text, and reads the dataset, text or error back (the protocol and the
//! work are the core's: `microcred::rdf::serve_full_processor`). Loaded by the package's
//! `loadFullProcessor()` in browsers and on first need in Node.

use wasm_bindgen::prelude::*;

/// Answers one request of the first module (JSON text in, JSON text out).
#[wasm_bindgen]
pub fn serve(request: &str) -> String {
    microcred::rdf::serve_full_processor(request)
}

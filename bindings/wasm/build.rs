//! Embeds the shared vectors for the wasm-bindgen-test suites (tests/vectors.rs), which run in
//! Node and in a browser with no file system: `$OUT_DIR/vectors.rs` holds `manifest.json`,
//! `verify.json` and every file they name, by their path under vectors/. Only the tests include
//! it; the package itself does not.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo"));
    let vectors = manifest_dir.join("../../vectors");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo")).join("vectors.rs");
    let mut files = Vec::new();
    files.push("codes.json".to_owned());
    println!(
        "cargo:rerun-if-changed={}",
        vectors.join("codes.json").display()
    );
    for index in ["manifest.json", "verify.json"] {
        let path = vectors.join(index);
        println!("cargo:rerun-if-changed={}", path.display());
        files.push(index.to_owned());
        files.extend(named_files(&path));
    }
    files.sort();
    files.dedup();
    let mut code = String::from(
        "/// A file under vectors/ by its relative path (as the manifests name it).\n\
         pub fn vector_file(name: &str) -> Option<&'static [u8]> {\n    match name {\n",
    );
    for name in &files {
        let path = vectors.join(name);
        let path = path.canonicalize().unwrap_or(path);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "        {name:?} => Some(include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("a String");
    }
    code.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(out, code).expect("write vectors.rs");
}

/// The files a manifest names: each case's `input`, verify.json's `trust_anchors` and
/// `status_lists` files.
fn named_files(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Ok(root) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for case in root["cases"].as_array().into_iter().flatten() {
        names.extend(case["input"].as_str().map(str::to_owned));
    }
    names.extend(root["trust_anchors"].as_str().map(str::to_owned));
    for file in root["status_lists"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        names.extend(file.as_str().map(str::to_owned));
    }
    names
}

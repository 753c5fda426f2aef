//! `codes.d.ts` (the TypeScript union of every code, compiled into the package's declarations)
//! is the core's catalogue as it is now. Run natively; `MICROCRED_BLESS=1` rewrites the file.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

#[test]
fn codes_d_ts_is_generated_from_the_catalogue() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("codes.d.ts");
    let want = microcred_wasm::codes_typescript();
    if std::env::var_os("MICROCRED_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write codes.d.ts");
    }
    let have = std::fs::read_to_string(&path).expect("bindings/wasm/codes.d.ts is committed");
    assert!(
        have == want,
        "bindings/wasm/codes.d.ts is stale: run `MICROCRED_BLESS=1 cargo test -p microcred-wasm --test codes`"
    );
    for info in microcred::codes::catalogue() {
        assert!(
            have.contains(&format!("| {:?}\n", info.code)),
            "{}",
            info.code
        );
    }
}

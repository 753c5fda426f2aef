//! `microcred demo`: the whole flow on built-in test data.

use std::process::ExitCode;

use anyhow::Result;
use microcred::jades::{Sealer, signer_from_pem};
use microcred::profile;
use microcred::test_pki::{self, TestKey};
use microcred::verify::Verifier;
use time::OffsetDateTime;

use crate::report;

use crate::out::outln;

pub fn run() -> Result<ExitCode> {
    let credential = microcred::issue::demo_credential();
    outln!("== 1. Issued micro-credential (EDC JSON-LD) ==");
    crate::out::raw(&microcred::json::to_string_pretty(&credential));
    let findings = profile::check_before_sealing(&credential);
    outln!();
    outln!(
        "== 2. Profile check before sealing: {} ==",
        report::summary(&findings)
    );
    report::print_findings(&findings);

    // The test PKI's RSA eSeal: RS256, as EDC seals. These keys are published test keys.
    let key = test_pki::eseal(TestKey::Rsa);
    let signer = signer_from_pem(key.key_pem, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = OffsetDateTime::now_utc();
    let sealed = Sealer::from_pem(key.chain_pem)
        .and_then(|sealer| sealer.seal(&credential, signer.as_ref(), now))
        .map_err(crate::errors::fail)?;
    outln!();
    outln!(
        "== 3. Sealed with the test PKI (JAdES, {} bytes; first 300 shown) ==",
        sealed.as_str().len()
    );
    outln!(
        "{}...",
        sealed.as_str().chars().take(300).collect::<String>()
    );

    let verifier = Verifier::new(now).with_trust_anchors(test_pki::trust_anchors());
    let verification = verifier.verify(sealed.as_str().as_bytes());
    outln!();
    outln!("== 4. Verified against the test root CA ==");
    crate::verify::print_report(std::path::Path::new("demo credential"), &verification);
    Ok(crate::verify::exit_code([verification.verdict]))
}

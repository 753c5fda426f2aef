//! `VerifierConfig`: plain data, serde both ways, from which a `Verifier` is built; and the
//! two-phase status path (which lists a file needs, then verification with them).

// Helpers outside #[test] functions state expectations with unwrap too.
#![allow(clippy::unwrap_used)]
// The test PKI is behind a feature (the workspace test command turns it on through the CLI).
#![cfg(feature = "test-pki")]

use std::io::Write;
use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use microcred::status::{NoFetcher, StaticFetcher, StatusFetcher, StatusLists};
use microcred::test_pki::{self, TestKey};
use microcred::verify::{
    AnchorConfig, CONFIG_CODES, CheckKind, ClockConfig, ConfigError, NeededStatusList, Report,
    Status, TrustPolicy, Verdict, Verifier, VerifierConfig,
};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);
const SEALED_AT: OffsetDateTime = datetime!(2026-01-15 10:00 UTC);
const LIST_1: &str = "https://university.example/status/1";
const LIST_2: &str = "https://university.example/status/2";

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../vectors")
}

/// The whole report as JSON: two reports are the same when this is.
fn json_of(report: &Report) -> Value {
    serde_json::to_value(report).unwrap()
}

fn code_of(result: Result<Verifier, ConfigError>) -> (&'static str, Option<String>) {
    let e = result.unwrap_err();
    // Messages never quote the material (certificates, documents).
    assert!(!e.to_string().contains("BEGIN"), "{e}");
    (e.code(), e.path())
}

// ---- The configuration as data ----

#[test]
fn a_config_round_trips_through_json_with_stable_member_names() {
    let mut config = VerifierConfig::at(NOW);
    config.trust_anchors = vec![
        AnchorConfig::Pem(test_pki::ROOT_CA_PEM.to_owned()),
        AnchorConfig::Der(test_pki::intermediate_ca().der().to_vec()),
    ];
    config.trusted_lists = vec![trusted_list()];
    config.contexts.insert(
        "https://example.org/terms/v1".into(),
        json!({"@context": {"note": "https://example.org/terms#note"}}),
    );
    config.status_lists = StatusLists::new().with(LIST_1, b"{\"id\": 1}".to_vec());
    config.trust_policy = TrustPolicy::Strict;
    config.require_qualified = true;
    config.trusted_dids = vec!["did:key:z6MkExample".into()];
    config.elm_version = Some(microcred::terms::ElmVersion::V3_2);
    config.limits.max_depth = 32;

    let json = config.to_json();
    let value: Value = serde_json::from_str(&json).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "clock",
            "contexts",
            "elm_version",
            "limits",
            "require_qualified",
            "status_lists",
            "trust_anchors",
            "trust_policy",
            "trusted_dids",
            "trusted_lists"
        ]
    );
    assert_eq!(value["clock"], "2026-11-23T12:00:00Z");
    assert_eq!(value["trust_policy"], "strict");
    assert_eq!(value["elm_version"], "3.2");
    assert_eq!(
        value["limits"],
        json!({"max_bytes": 16 * 1024 * 1024, "max_depth": 32})
    );
    assert_eq!(
        value["status_lists"][LIST_1],
        STANDARD.encode(b"{\"id\": 1}")
    );
    assert_eq!(
        value["trust_anchors"][1]["der"],
        STANDARD.encode(test_pki::intermediate_ca().der())
    );
    assert!(value["trust_anchors"][0]["pem"].is_string());

    let back = VerifierConfig::from_json(&json).unwrap();
    assert_eq!(back, config);
    // A JSON value (what a binding converts a dict or an object to) reads the same.
    let via_value: VerifierConfig = serde_json::from_value(value).unwrap();
    assert_eq!(via_value, config);
    let verifier = Verifier::from_config(&config).unwrap();
    assert_eq!(verifier.config(), Some(&config));
}

#[test]
fn the_smallest_config_is_the_clock_and_missing_members_take_the_defaults() {
    let config = VerifierConfig::from_json(r#"{"clock": "2026-11-23T12:00:00Z"}"#).unwrap();
    assert_eq!(config, VerifierConfig::at(NOW));
    assert_eq!(
        config.to_json(),
        r#"{"clock":"2026-11-23T12:00:00Z","trust_policy":"indeterminate","require_qualified":false,"limits":{"max_bytes":16777216,"max_depth":64}}"#
    );
    let partial_limits =
        VerifierConfig::from_json(r#"{"clock": "now", "limits": {"max_depth": 8}}"#).unwrap();
    assert_eq!(partial_limits.clock, ClockConfig::Now);
    assert_eq!(partial_limits.limits.max_depth, 8);
    assert_eq!(partial_limits.limits.max_bytes, 16 * 1024 * 1024);
}

#[test]
fn bad_configs_give_codes_and_paths() {
    let malformed = |json: &str| VerifierConfig::from_json(json).unwrap_err();
    for json in [
        "not json",
        "{}",
        r#"{"clock": "now", "trust_polcy": "strict"}"#,
        r#"{"clock": "now", "trust_policy": "lenient"}"#,
        r#"{"clock": "now", "status_lists": {"https://x.example/1": "not base64!"}}"#,
        r#"{"clock": "now", "trust_anchors": [{"crt": "x"}]}"#,
        r#"{"clock": "now", "elm_version": "3.0"}"#,
        r#"{"clock": 12}"#,
    ] {
        let e = malformed(json);
        assert_eq!(e.code(), "config.malformed", "{json}");
        assert_eq!(e.path(), None);
    }
    // serde names the member it did not expect.
    assert!(
        malformed(r#"{"clock": "now", "trust_polcy": "strict"}"#)
            .to_string()
            .contains("trust_polcy")
    );

    for clock in ["yesterday", "2026-11-23", "2026-11-23T12:00:00", ""] {
        let config = VerifierConfig::from_json(&json!({ "clock": clock }).to_string()).unwrap();
        assert_eq!(
            code_of(Verifier::from_config(&config)),
            ("config.invalid_time", Some("$.clock".into())),
            "{clock}"
        );
    }

    let mut config = VerifierConfig::at(NOW);
    config.trust_anchors = vec![
        AnchorConfig::Pem(test_pki::ROOT_CA_PEM.to_owned()),
        AnchorConfig::Pem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".into()),
    ];
    assert_eq!(
        code_of(Verifier::from_config(&config)),
        ("config.trust_anchor", Some("$.trust_anchors[1]".into()))
    );
    config.trust_anchors = vec![AnchorConfig::Pem("no certificate here".into())];
    assert_eq!(
        code_of(Verifier::from_config(&config)),
        ("config.trust_anchor", Some("$.trust_anchors[0]".into()))
    );
    config.trust_anchors = vec![AnchorConfig::Der(vec![0x30, 0x03, 0x02, 0x01, 0x01])];
    let e = Verifier::from_config(&config).unwrap_err();
    assert_eq!(e.code(), "config.trust_anchor");
    // The cause is kept, typed.
    let source = std::error::Error::source(&e).unwrap();
    assert!(source.is::<microcred::x509::X509Error>());

    let mut config = VerifierConfig::at(NOW);
    config.trusted_lists = vec![trusted_list(), "<not a trusted list/>".into()];
    assert_eq!(
        code_of(Verifier::from_config(&config)),
        ("config.trusted_list", Some("$.trusted_lists[1]".into()))
    );

    let mut config = VerifierConfig::at(NOW);
    config
        .contexts
        .insert("https://example.org/v1".into(), json!({"no": "context"}));
    assert_eq!(
        code_of(Verifier::from_config(&config)),
        (
            "config.context",
            Some(r#"$.contexts["https://example.org/v1"]"#.into())
        )
    );
    let mut config = VerifierConfig::at(NOW);
    config
        .contexts
        .insert("relative/v1".into(), json!({"@context": {}}));
    assert_eq!(code_of(Verifier::from_config(&config)).0, "config.context");

    // Every code above is in the list of codes, and the list has nothing else.
    let listed: Vec<&str> = CONFIG_CODES.iter().map(|(code, _)| *code).collect();
    assert_eq!(
        listed,
        [
            "config.malformed",
            "config.invalid_time",
            "config.clock_unavailable",
            "config.trust_anchor",
            "config.trusted_list",
            "config.context"
        ]
    );
    assert_eq!(
        ConfigError::ClockUnavailable.code(),
        "config.clock_unavailable"
    );
    assert_eq!(
        ConfigError::ClockUnavailable.path().as_deref(),
        Some("$.clock")
    );
}

#[test]
fn now_reads_the_system_clock_at_each_verification() {
    let verifier = Verifier::from_config(&VerifierConfig::now()).unwrap();
    let before = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let report = verifier.verify(b"{}");
    let after = OffsetDateTime::now_utc();
    let checked = OffsetDateTime::parse(&report.checked_at, &Rfc3339).unwrap();
    assert!(before <= checked && checked <= after, "{checked}");
}

#[test]
fn a_builder_method_forgets_the_config() {
    let verifier = Verifier::from_config(&VerifierConfig::at(NOW)).unwrap();
    assert!(verifier.config().is_some());
    assert!(verifier.clone().config().is_some());
    assert_eq!(verifier.with_status_fetcher(NoFetcher).config(), None);
    assert_eq!(Verifier::new(NOW).config(), None);
}

/// The verifier of `vectors/verify.json`, built both ways.
fn vector_verifiers(manifest: &Value) -> (Verifier, Verifier) {
    let clock = manifest["clock"].as_str().unwrap();
    let anchors =
        std::fs::read_to_string(vectors_dir().join(manifest["trust_anchors"].as_str().unwrap()))
            .unwrap();
    let built = Verifier::new(OffsetDateTime::parse(clock, &Rfc3339).unwrap())
        .with_trust_anchors(microcred::x509::TrustAnchors::from_pem(&anchors).unwrap());
    // As a JavaScript options object or a Python dict would give it, with the status lists.
    let lists: serde_json::Map<String, Value> = manifest["status_lists"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(url, file)| {
            let bytes = std::fs::read(vectors_dir().join(file.as_str().unwrap())).unwrap();
            (url.clone(), json!(STANDARD.encode(bytes)))
        })
        .collect();
    let options =
        json!({"clock": clock, "trust_anchors": [{"pem": anchors}], "status_lists": lists});
    let config = VerifierConfig::from_json(&options.to_string()).unwrap();
    (built, Verifier::from_config(&config).unwrap())
}

fn verify_vectors() -> (Value, Vec<(String, Vec<u8>)>) {
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(vectors_dir().join("verify.json")).unwrap()).unwrap();
    let inputs = manifest["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| {
            let name = case["name"].as_str().unwrap().to_owned();
            let bytes = std::fs::read(vectors_dir().join(case["input"].as_str().unwrap())).unwrap();
            (name, bytes)
        })
        .collect();
    (manifest, inputs)
}

#[test]
fn a_verifier_from_a_json_config_gives_the_vectors_the_builder_reports() {
    let (manifest, inputs) = verify_vectors();
    let (built, configured) = vector_verifiers(&manifest);
    let built = built.with_status_fetcher(served_lists(&manifest));
    assert!(inputs.len() >= 25);
    for (name, bytes) in &inputs {
        let report = configured.verify(bytes);
        assert_eq!(json_of(&report), json_of(&built.verify(bytes)), "{name}");
    }
    // And the verdicts are the recorded ones.
    for (case, (name, bytes)) in manifest["cases"].as_array().unwrap().iter().zip(&inputs) {
        let verdict = serde_json::to_value(configured.verify(bytes).verdict).unwrap();
        assert_eq!(verdict, case["expect"]["verdict"], "{name}");
    }
}

#[test]
fn trusted_lists_and_der_anchors_from_a_config_anchor_seals() {
    let sealed = seal(&microcred::issue::demo_credential());
    let untrusted = Verifier::from_config(&VerifierConfig::at(NOW))
        .unwrap()
        .verify(&sealed);
    assert_eq!(
        untrusted.check(CheckKind::Trust).unwrap().code,
        "trust.no_trust_anchor"
    );
    let mut by_list = VerifierConfig::at(NOW);
    by_list.trusted_lists = vec![trusted_list()];
    let mut by_der = VerifierConfig::at(NOW);
    by_der.trust_anchors = vec![AnchorConfig::Der(test_pki::root_ca().der().to_vec())];
    let builder = Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors());
    for config in [by_list, by_der] {
        let report = Verifier::from_config(&config).unwrap().verify(&sealed);
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_json());
        assert_eq!(
            report.check(CheckKind::Trust).unwrap().code,
            "trust.qualified"
        );
        assert_eq!(
            report.check(CheckKind::Trust).unwrap().status,
            builder
                .verify(&sealed)
                .check(CheckKind::Trust)
                .unwrap()
                .status
        );
    }
    // The trust policy and require_qualified reach the verifier.
    let mut strict = VerifierConfig::at(NOW);
    strict.trust_policy = TrustPolicy::Strict;
    let report = Verifier::from_config(&strict).unwrap().verify(&sealed);
    assert_eq!(
        report.check(CheckKind::Trust).unwrap().status,
        Status::Failed
    );
}

#[test]
fn limits_and_contexts_from_a_config_apply() {
    let mut config = VerifierConfig::at(NOW);
    config.limits.max_depth = 3;
    let report = Verifier::from_config(&config)
        .unwrap()
        .verify(br#"{"a": {"b": {"c": {"d": 1}}}}"#);
    assert_eq!(
        report.check(CheckKind::Format).unwrap().code,
        "json.too_deep"
    );

    // A W3C credential over a context that is not bundled: undecided without it, checked with it.
    let key = microcred::proof::Ed25519KeyPair::from_seed([5; 32]);
    let context_url = "https://example.org/terms/v1";
    let credential = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", context_url],
        "type": ["VerifiableCredential"],
        "issuer": key.did_key(),
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:ada", "note": "fine"}
    });
    let mut contexts = microcred::rdf::Contexts::new();
    let document = json!({"@context": {"note": "https://example.org/terms#note"}});
    contexts.register(context_url, document.clone()).unwrap();
    let mut all = microcred::rdf::Contexts::bundled();
    all.extend(&contexts);
    let signed = microcred::proof::DataIntegrity::new(key.clone())
        .contexts(&all)
        .created(SEALED_AT)
        .sign(&credential)
        .unwrap();
    let bytes = serde_json::to_vec(&signed).unwrap();
    let without = Verifier::from_config(&VerifierConfig::at(NOW))
        .unwrap()
        .verify(&bytes);
    assert_eq!(
        without.check(CheckKind::Seal).unwrap().code,
        "proof.unknown_context"
    );
    let mut config = VerifierConfig::at(NOW);
    config.contexts.insert(context_url.into(), document);
    config.trusted_dids = vec![key.did_key()];
    let with = Verifier::from_config(&config).unwrap().verify(&bytes);
    assert_eq!(with.verdict, Verdict::Valid, "{}", with.to_json());
}

// ---- Two-phase status lists ----

fn seal(credential: &microcred::EuropeanDigitalCredential) -> Vec<u8> {
    test_pki::eseal(TestKey::P256)
        .seal(credential, SEALED_AT)
        .unwrap()
        .into_string()
        .into_bytes()
}

fn seal_json(document: &Value) -> String {
    test_pki::eseal(TestKey::P256)
        .seal_json(document, SEALED_AT)
        .unwrap()
}

/// A status list credential of `kind` (`BitstringStatusList` or `StatusList2021`) for
/// `purpose`, with the bits of `set` set.
fn status_list(kind: &str, purpose: &str, set: &[usize]) -> Vec<u8> {
    let mut bits = vec![0u8; 16 * 1024];
    for &i in set {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bits).unwrap();
    let encoded = URL_SAFE_NO_PAD.encode(gz.finish().unwrap());
    let encoded = if kind == "BitstringStatusList" {
        format!("u{encoded}")
    } else {
        encoded
    };
    serde_json::to_vec(&json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://university.example/status",
        "type": ["VerifiableCredential", format!("{kind}Credential")],
        "issuer": "did:example:university",
        "credentialSubject": {
            "id": "https://university.example/status#list",
            "type": kind,
            "statusPurpose": purpose,
            "encodedList": encoded
        }
    }))
    .unwrap()
}

/// A sealed EDC credential with the given status entries.
fn with_statuses(entries: Vec<Value>) -> Vec<u8> {
    let mut credential = microcred::issue::demo_credential();
    // Under VC 1.1 (what EDC writes) a status entry needs the status list context.
    credential.context = microcred::model::EDC_CONTEXT
        .iter()
        .map(|c| (*c).to_owned())
        .chain([microcred::rdf::STATUS_LIST_2021_V1.to_owned()])
        .collect();
    credential.credential_status = entries;
    seal(&credential)
}

fn entry_2021(list: &str, purpose: &str, index: u64) -> Value {
    json!({
        "id": format!("{list}#{index}"),
        "type": "StatusList2021Entry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": list
    })
}

fn need(url: &str, purpose: &str) -> NeededStatusList {
    serde_json::from_value(json!({"url": url, "purpose": purpose})).unwrap()
}

/// Phase 1 then phase 2, with the lists `served` holds (as a caller's own fetch would).
fn two_phase(verifier: &Verifier, bytes: &[u8], served: &impl StatusFetcher) -> Report {
    let lists: StatusLists = verifier
        .status_lists_needed(bytes)
        .into_iter()
        .filter_map(|need| served.fetch(&need.url).ok().map(|b| (need.url, b)))
        .collect();
    verifier.verify_with_status_lists(bytes, &lists)
}

#[test]
fn every_verification_vector_gives_the_same_report_in_two_phases() {
    let (manifest, inputs) = verify_vectors();
    let (built, _) = vector_verifiers(&manifest);
    let served = served_lists(&manifest);
    let with_fetcher = built.clone().with_status_fetcher(served.clone());
    let mut with_status = 0;
    for (name, bytes) in &inputs {
        if !built.status_lists_needed(bytes).is_empty() {
            with_status += 1;
        }
        let report = two_phase(&built, bytes, &served);
        assert_eq!(
            json_of(&report),
            json_of(&with_fetcher.verify(bytes)),
            "{name}"
        );
    }
    assert!(with_status >= 6, "only {with_status} status vectors");
    // The status codes the vectors cover.
    let mut codes: Vec<_> = inputs
        .iter()
        .filter_map(|(_, bytes)| {
            let report = two_phase(&built, bytes, &served);
            report.check(CheckKind::Revocation).map(|c| c.code.clone())
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    for code in [
        "revocation.ok",
        "revocation.revoked",
        "revocation.suspended",
        "status.purpose_mismatch",
        "status.offline",
    ] {
        assert!(codes.iter().any(|c| c == code), "no vector gives {code}");
    }
}

/// The status lists `verify.json` serves, as a fetcher (any other URL: `status.offline`).
fn served_lists(manifest: &Value) -> StatusLists {
    manifest["status_lists"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(url, file)| {
            let bytes = std::fs::read(vectors_dir().join(file.as_str().unwrap())).unwrap();
            (url.clone(), bytes)
        })
        .collect()
}

#[test]
fn the_lists_needed_are_read_from_credentials_and_presentations() {
    let verifier = Verifier::new(NOW);
    let revoked = entry_2021(LIST_1, "revocation", 42);
    let suspended = entry_2021(LIST_1, "suspension", 42);
    let credential = with_statuses(vec![revoked.clone(), suspended, revoked.clone()]);
    assert_eq!(
        verifier.status_lists_needed(&credential),
        [need(LIST_1, "revocation"), need(LIST_1, "suspension")]
    );
    // Unreadable, incomplete or unknown entries need nothing; nor does a file that is no JSON.
    let odd = with_statuses(vec![
        json!("https://university.example/status/3#1"),
        json!({"type": "StatusList2021Entry", "statusPurpose": "revocation"}),
        json!({"type": "CredentialStatusList2017", "id": "https://x.example/1"}),
        entry_2021(LIST_2, "revocation", 1),
    ]);
    assert_eq!(
        verifier.status_lists_needed(&odd),
        [need(LIST_2, "revocation")]
    );
    assert_eq!(verifier.status_lists_needed(b"nonsense"), []);

    // A presentation: a sealed credential as a string and as an object, an unsealed W3C one
    // with a Bitstring entry, and a nested presentation (not read, as verification does not).
    let sealed = String::from_utf8(credential).unwrap();
    let w3c = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:university",
        "credentialSubject": {"id": "did:example:ada"},
        "credentialStatus": {
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": "7", "statusListCredential": LIST_2
        }
    });
    let nested = json!({"type": "VerifiablePresentation", "verifiableCredential": [
        {"type": "VerifiableCredential", "credentialStatus": entry_2021("https://nested.example/1", "revocation", 1)}
    ]});
    let presentation = seal_json(&json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [
            sealed.clone(),
            serde_json::from_str::<Value>(&sealed).unwrap(),
            w3c,
            nested
        ],
    }));
    assert_eq!(
        verifier.status_lists_needed(presentation.as_bytes()),
        [
            need(LIST_1, "revocation"),
            need(LIST_1, "suspension"),
            need(LIST_2, "revocation")
        ]
    );
    // As a binding returns them.
    assert_eq!(
        serde_json::to_value(need(LIST_1, "revocation")).unwrap(),
        json!({"url": LIST_1, "purpose": "revocation"})
    );
}

#[test]
fn two_phases_give_the_reports_the_fetcher_gives() {
    let verifier = Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors());
    let credentials = [
        // Clear, revoked, suspended.
        with_statuses(vec![entry_2021(LIST_1, "revocation", 7)]),
        with_statuses(vec![entry_2021(LIST_1, "revocation", 42)]),
        with_statuses(vec![
            entry_2021(LIST_1, "revocation", 7),
            entry_2021(LIST_2, "suspension", 3),
        ]),
        // An entry whose list is for another purpose; a list that is not one; a bad index.
        with_statuses(vec![entry_2021(LIST_2, "revocation", 1)]),
        with_statuses(vec![entry_2021(
            "https://university.example/not-a-list",
            "revocation",
            1,
        )]),
        with_statuses(vec![entry_2021(LIST_1, "revocation", 1 << 20)]),
        // A list nobody serves.
        with_statuses(vec![entry_2021(
            "https://university.example/gone",
            "revocation",
            1,
        )]),
    ];
    let served = StaticFetcher::new()
        .with(LIST_1, status_list("StatusList2021", "revocation", &[42]))
        .with(LIST_2, status_list("StatusList2021", "suspension", &[3]))
        .with(
            "https://university.example/not-a-list",
            b"{\"type\": \"Nothing\"}".to_vec(),
        );
    let with_fetcher = verifier.clone().with_status_fetcher(served.clone());
    let mut codes = Vec::new();
    for bytes in &credentials {
        let fetched = with_fetcher.verify(bytes);
        let needed = verifier.status_lists_needed(bytes);
        let given = two_phase(&verifier, bytes, &served);
        let revocation = given.check(CheckKind::Revocation).unwrap();
        codes.push(revocation.code.clone());
        if needed.iter().all(|n| served.fetch_ok(&n.url)) {
            assert_eq!(json_of(&given), json_of(&fetched));
        } else {
            // A list not given is what the offline verifier reports, as before.
            assert_eq!(json_of(&given), json_of(&verifier.verify(bytes)));
            assert_eq!(revocation.code, "status.offline");
            assert_eq!(revocation.status, Status::Indeterminate);
        }
    }
    assert_eq!(
        codes,
        [
            "revocation.ok",
            "revocation.revoked",
            "revocation.suspended",
            "status.purpose_mismatch",
            "status.malformed_list",
            "status.index_out_of_range",
            "status.offline"
        ]
    );

    // Many files with one set of lists; and the same lists in a configuration.
    let lists: StatusLists = [LIST_1, LIST_2]
        .into_iter()
        .map(|url| (url, served.fetch(url).unwrap()))
        .collect();
    let many = verifier.verify_many_with_status_lists(&credentials[..3], &lists);
    let mut config = VerifierConfig::at(NOW);
    config.trust_anchors = vec![AnchorConfig::Pem(test_pki::ROOT_CA_PEM.to_owned())];
    config.status_lists = lists;
    let configured = Verifier::from_config(&config).unwrap();
    for (bytes, report) in credentials[..3].iter().zip(&many) {
        assert_eq!(json_of(report), json_of(&with_fetcher.verify(bytes)));
        assert_eq!(json_of(&configured.verify(bytes)), json_of(report));
    }
}

#[test]
fn a_presentation_completes_in_two_phases() {
    let verifier = Verifier::new(NOW).with_trust_anchors(test_pki::trust_anchors());
    let revoked =
        String::from_utf8(with_statuses(vec![entry_2021(LIST_1, "revocation", 42)])).unwrap();
    let fine = String::from_utf8(with_statuses(vec![entry_2021(LIST_1, "revocation", 7)])).unwrap();
    let presentation = seal_json(&json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [fine, serde_json::from_str::<Value>(&revoked).unwrap()],
    }));
    let served =
        StaticFetcher::new().with(LIST_1, status_list("StatusList2021", "revocation", &[42]));
    let fetched = verifier
        .clone()
        .with_status_fetcher(served.clone())
        .verify(presentation.as_bytes());
    let given = two_phase(&verifier, presentation.as_bytes(), &served);
    assert_eq!(json_of(&given), json_of(&fetched));
    let inner = &given.presentation.as_ref().unwrap().credentials;
    let codes: Vec<_> = inner
        .iter()
        .map(|r| r.check(CheckKind::Revocation).unwrap().code.clone())
        .collect();
    assert_eq!(codes, ["revocation.ok", "revocation.revoked"]);
    assert_eq!(given.verdict, Verdict::Invalid);
}

/// A synthetic trusted list in the shape of ETSI TS 119 612 (written for this test): one granted
/// CA/QC service, the test PKI's intermediate CA.
fn trusted_list() -> String {
    let der = STANDARD.encode(test_pki::intermediate_ca().der());
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">
  <tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPServices><tsl:TSPService>
    <tsl:ServiceInformation>
      <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
      <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{der}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
      <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
    </tsl:ServiceInformation>
  </tsl:TSPService></tsl:TSPServices></tsl:TrustServiceProvider></tsl:TrustServiceProviderList>
</tsl:TrustServiceStatusList>
"#
    )
}

trait Serves {
    fn fetch_ok(&self, url: &str) -> bool;
}

impl Serves for StaticFetcher {
    fn fetch_ok(&self, url: &str) -> bool {
        StatusFetcher::fetch(self, url).is_ok()
    }
}

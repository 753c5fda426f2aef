//! Status lists: entries, list credentials built here (GZIP with flate2), outcomes, limits,
//! fetchers.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use microcred::status::{
    self, CachingFetcher, FetchError, ListKind, NoFetcher, StaticFetcher, StatusEntry,
    StatusFetcher, StatusOutcome,
};
use serde_json::{Value, json};

const LIST_URL: &str = "https://university.example/status/1";
const LIST_2021_URL: &str = "https://university.example/status/2021";
/// The W3C minimum list size: 16 KiB, 131 072 entries.
const MIN_BYTES: usize = 16 * 1024;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip to memory");
    encoder.finish().expect("gzip to memory")
}

/// A bitstring of `len` bytes with the given bits set (bit 0 = most significant bit of byte 0).
fn bitstring(len: usize, set: &[u64]) -> Vec<u8> {
    let mut bits = vec![0u8; len];
    for &i in set {
        let byte = usize::try_from(i / 8).expect("small index");
        bits[byte] |= 0x80 >> (i % 8);
    }
    bits
}

/// A VCDM 2.0 BitstringStatusListCredential (unsigned: proofs are the caller's business).
fn bitstring_list(purpose: Value, bits: &[u8]) -> Vec<u8> {
    let encoded = format!("u{}", URL_SAFE_NO_PAD.encode(gzip(bits)));
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": "did:example:university",
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": format!("{LIST_URL}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded
        }
    })
    .to_string()
    .into_bytes()
}

/// A VCDM 1.1 StatusList2021Credential.
fn list_2021(purpose: &str, bits: &[u8]) -> Vec<u8> {
    json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"],
        "id": LIST_2021_URL,
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "issuer": "did:example:university",
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": format!("{LIST_2021_URL}#list"),
            "type": "StatusList2021",
            "statusPurpose": purpose,
            "encodedList": URL_SAFE_NO_PAD.encode(gzip(bits))
        }
    })
    .to_string()
    .into_bytes()
}

fn bitstring_entry(purpose: &str, index: u64) -> StatusEntry {
    let value = json!({
        "id": format!("{LIST_URL}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": LIST_URL
    });
    status::entries(&value).expect("a valid entry").remove(0)
}

fn entry_2021(purpose: &str, index: u64) -> StatusEntry {
    let value = json!({
        "id": format!("{LIST_2021_URL}#{index}"),
        "type": "StatusList2021Entry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": LIST_2021_URL
    });
    status::entries(&value).expect("a valid entry").remove(0)
}

fn code(outcome: &StatusOutcome) -> &'static str {
    match outcome {
        StatusOutcome::Indeterminate { code, .. } => code,
        other => panic!("expected indeterminate, got {other:?}"),
    }
}

#[test]
fn reads_entries() {
    let one = json!({
        "id": "https://example.org/status/3#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": "https://example.org/status/3"
    });
    assert_eq!(
        status::entries(&one).unwrap(),
        [StatusEntry::Bitstring {
            id: Some("https://example.org/status/3#94567".into()),
            purpose: "revocation".into(),
            index: 94567,
            list_url: "https://example.org/status/3".into(),
            status_size: 1,
        }]
    );
    let several = json!([
        one,
        {
            "type": "StatusList2021Entry",
            "statusPurpose": "suspension",
            "statusListIndex": "7",
            "statusListCredential": "https://example.org/status/2021"
        },
        {"id": "https://example.org/status/x", "type": "CredentialStatus"},
        "https://example.org/status/iri",
        {
            "type": ["BitstringStatusListEntry"],
            "statusPurpose": "message",
            "statusListIndex": 12,
            "statusSize": 2,
            "statusListCredential": "https://example.org/status/m"
        }
    ]);
    let entries = status::entries(&several).unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(entries[1].purpose(), Some("suspension"));
    assert!(matches!(
        &entries[1],
        StatusEntry::StatusList2021 {
            index: 7,
            id: None,
            ..
        }
    ));
    assert_eq!(
        entries[2],
        StatusEntry::Other {
            type_name: "CredentialStatus".into()
        }
    );
    assert_eq!(
        entries[3],
        StatusEntry::Other {
            type_name: String::new()
        }
    );
    assert!(matches!(
        &entries[4],
        StatusEntry::Bitstring {
            index: 12,
            status_size: 2,
            ..
        }
    ));
    assert_eq!(entries[4].list_url(), Some("https://example.org/status/m"));
}

#[test]
fn bad_entries_give_codes_and_paths() {
    let base = json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "5",
        "statusListCredential": LIST_URL
    });
    let edit = |member: &str, value: Option<Value>| {
        let mut v = base.clone();
        match value {
            Some(value) => v[member] = value,
            None => {
                v.as_object_mut().unwrap().remove(member);
            }
        }
        v
    };
    for (value, path) in [
        (
            edit("statusListIndex", Some(json!("-1"))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", Some(json!("1.5"))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", Some(json!(""))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", Some(json!("99999999999999999999999"))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", Some(json!(-3))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", Some(json!(true))),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusListIndex", None),
            "credentialStatus.statusListIndex",
        ),
        (
            edit("statusPurpose", None),
            "credentialStatus.statusPurpose",
        ),
        (
            edit("statusPurpose", Some(json!(1))),
            "credentialStatus.statusPurpose",
        ),
        (
            edit("statusListCredential", Some(json!(""))),
            "credentialStatus.statusListCredential",
        ),
        (
            edit("statusSize", Some(json!(0))),
            "credentialStatus.statusSize",
        ),
        (edit("type", None), "credentialStatus.type"),
        (edit("type", Some(json!(7))), "credentialStatus.type"),
        (json!(42), "credentialStatus"),
        (json!([base, null]), "credentialStatus[1]"),
    ] {
        let e = status::entries(&value).unwrap_err();
        assert_eq!(e.code(), "status.invalid_entry", "{value}");
        let message = e.to_string();
        assert!(message.starts_with(&format!("{path}:")), "{message}");
    }
}

#[test]
fn revoked_clear_and_suspended() {
    let revoked = [0u64, 7, 8, 94_567, 131_071];
    let fetcher = StaticFetcher::new()
        .with(
            LIST_URL,
            bitstring_list(json!("revocation"), &bitstring(MIN_BYTES, &revoked)),
        )
        .with(
            LIST_2021_URL,
            list_2021("suspension", &bitstring(MIN_BYTES, &[3])),
        );
    for index in revoked {
        assert_eq!(
            status::check(&bitstring_entry("revocation", index), &fetcher),
            StatusOutcome::Set {
                purpose: "revocation".into()
            },
            "{index}"
        );
    }
    for index in [1u64, 6, 9, 94_566, 94_568, 131_070] {
        assert_eq!(
            status::check(&bitstring_entry("revocation", index), &fetcher),
            StatusOutcome::Clear {
                purpose: "revocation".into()
            },
            "{index}"
        );
    }
    assert_eq!(
        status::check(&entry_2021("suspension", 3), &fetcher),
        StatusOutcome::Set {
            purpose: "suspension".into()
        }
    );
    assert_eq!(
        status::check(&entry_2021("suspension", 4), &fetcher),
        StatusOutcome::Clear {
            purpose: "suspension".into()
        }
    );
}

#[test]
fn the_list_and_the_entry_must_agree() {
    let bits = bitstring(MIN_BYTES, &[5]);
    let fetcher = StaticFetcher::new()
        .with(LIST_URL, bitstring_list(json!("revocation"), &bits))
        .with(LIST_2021_URL, bitstring_list(json!("revocation"), &bits));
    // Wrong purpose.
    let outcome = status::check(&bitstring_entry("suspension", 5), &fetcher);
    assert_eq!(code(&outcome), "status.purpose_mismatch");
    // Out of range: the list has 131 072 bits.
    let outcome = status::check(&bitstring_entry("revocation", 131_072), &fetcher);
    assert_eq!(code(&outcome), "status.index_out_of_range");
    let outcome = status::check(&bitstring_entry("revocation", u64::MAX), &fetcher);
    assert_eq!(code(&outcome), "status.index_out_of_range");
    // A StatusList2021 entry pointing at a Bitstring list.
    let outcome = status::check(&entry_2021("revocation", 5), &fetcher);
    assert_eq!(code(&outcome), "status.list_type_mismatch");
    // An entry of another type.
    let other = status::entries(&json!({"type": "CredentialStatus"})).unwrap();
    assert_eq!(
        code(&status::check(&other[0], &fetcher)),
        "status.unsupported_type"
    );
}

#[test]
fn multi_purpose_and_wide_entries() {
    // A list for two purposes; two-bit entries: entry 1 covers bits 2 and 3.
    let bits = bitstring(MIN_BYTES, &[3]);
    let fetcher = StaticFetcher::new().with(
        LIST_URL,
        bitstring_list(json!(["revocation", "message"]), &bits),
    );
    let wide = status::entries(&json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "message",
        "statusListIndex": "1",
        "statusSize": 2,
        "statusListCredential": LIST_URL
    }))
    .unwrap();
    assert_eq!(
        status::check(&wide[0], &fetcher),
        StatusOutcome::Set {
            purpose: "message".into()
        }
    );
    assert_eq!(
        status::check(&bitstring_entry("revocation", 3), &fetcher),
        StatusOutcome::Set {
            purpose: "revocation".into()
        }
    );
    let list = status::parse_list(&fetcher.fetch(LIST_URL).unwrap()).unwrap();
    assert_eq!(list.kind, ListKind::Bitstring);
    assert_eq!(list.purposes, ["revocation", "message"]);
    assert_eq!(list.id.as_deref(), Some(LIST_URL));
    assert_eq!(list.value(1, 2), Some(1));
    assert_eq!(list.bit_len(), 131_072);
    // The caller gets the credential to verify, and can check against a list it verified.
    assert_eq!(list.credential["issuer"], "did:example:university");
    assert_eq!(
        status::check_with_list(&bitstring_entry("revocation", 2), &list),
        StatusOutcome::Clear {
            purpose: "revocation".into()
        }
    );
}

#[test]
fn malformed_lists() {
    let good = bitstring_list(json!("revocation"), &bitstring(64, &[]));
    let value: Value = serde_json::from_slice(&good).unwrap();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut v = value.clone();
        edit(&mut v);
        v.to_string().into_bytes()
    };
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"not json".to_vec(), "status.malformed_list"),
        (b"".to_vec(), "status.malformed_list"),
        (
            edited(&|v| v["type"] = json!(["VerifiableCredential"])),
            "status.malformed_list",
        ),
        (
            edited(&|v| v["credentialSubject"]["type"] = json!("StatusList2021")),
            "status.malformed_list",
        ),
        (
            edited(&|v| {
                v.as_object_mut().unwrap().remove("credentialSubject");
            }),
            "status.malformed_list",
        ),
        (
            edited(&|v| v["credentialSubject"]["statusPurpose"] = json!([])),
            "status.malformed_list",
        ),
        (
            edited(&|v| v["credentialSubject"]["encodedList"] = json!(42)),
            "status.malformed_list",
        ),
        (
            edited(&|v| v["credentialSubject"]["encodedList"] = json!("u!!!not base64")),
            "status.bad_encoding",
        ),
        (
            edited(&|v| {
                v["credentialSubject"]["encodedList"] =
                    json!(format!("u{}", URL_SAFE_NO_PAD.encode(b"plain, not gzip")))
            }),
            "status.bad_encoding",
        ),
        (
            edited(&|v| {
                let gz = gzip(&[0u8; 4096]);
                v["credentialSubject"]["encodedList"] =
                    json!(format!("u{}", URL_SAFE_NO_PAD.encode(&gz[..gz.len() - 6])))
            }),
            "status.bad_encoding",
        ),
    ];
    for (bytes, expected) in cases {
        let e = status::parse_list(&bytes).unwrap_err();
        assert_eq!(e.code(), expected, "{}", String::from_utf8_lossy(&bytes));
        // Through check, the same code comes out as indeterminate.
        let fetcher = StaticFetcher::new().with(LIST_URL, bytes);
        let outcome = status::check(&bitstring_entry("revocation", 0), &fetcher);
        assert_eq!(code(&outcome), expected);
    }
    // Padding and a missing multibase prefix are tolerated; both kinds read either way.
    let padded = edited(&|v| {
        v["credentialSubject"]["encodedList"] = json!(format!(
            "u{}",
            base64::engine::general_purpose::URL_SAFE.encode(gzip(&[0x80]))
        ))
    });
    let list = status::parse_list(&padded).unwrap();
    assert_eq!(list.bit(0), Some(true));
    let unprefixed = edited(&|v| {
        v["credentialSubject"]["encodedList"] = json!(URL_SAFE_NO_PAD.encode(gzip(&[0x40])))
    });
    let list = status::parse_list(&unprefixed).unwrap();
    assert_eq!(list.bit(1), Some(true));
}

#[test]
fn gzip_bombs_stop_at_the_limit() {
    // 17 MiB of zeros compress to about 17 KiB.
    let bomb = gzip(&vec![0u8; status::MAX_LIST_BYTES + 1024 * 1024]);
    assert!(bomb.len() < 100_000);
    let bytes = bitstring_list(json!("revocation"), &[]);
    let mut value: Value = serde_json::from_slice(&bytes).unwrap();
    value["credentialSubject"]["encodedList"] =
        json!(format!("u{}", URL_SAFE_NO_PAD.encode(&bomb)));
    let bytes = value.to_string().into_bytes();
    let e = status::parse_list(&bytes).unwrap_err();
    assert_eq!(e.code(), "status.list_too_large");
    let fetcher = StaticFetcher::new().with(LIST_URL, bytes);
    assert_eq!(
        code(&status::check(&bitstring_entry("revocation", 0), &fetcher)),
        "status.list_too_large"
    );
    // Exactly at the limit is fine.
    let at_limit = gzip(&vec![0u8; status::MAX_LIST_BYTES]);
    value["credentialSubject"]["encodedList"] =
        json!(format!("u{}", URL_SAFE_NO_PAD.encode(&at_limit)));
    let list = status::parse_list(value.to_string().as_bytes()).unwrap();
    assert_eq!(list.bit_len(), status::MAX_LIST_BYTES as u64 * 8);
    // An oversized credential is refused before parsing.
    let huge = vec![b' '; status::MAX_LIST_BYTES + 1];
    assert_eq!(
        status::parse_list(&huge).unwrap_err().code(),
        "status.list_too_large"
    );
}

#[test]
fn fetch_failures_are_indeterminate() {
    let entry = bitstring_entry("revocation", 0);
    assert_eq!(code(&status::check(&entry, &NoFetcher)), "status.offline");
    assert_eq!(
        code(&status::check(&entry, &StaticFetcher::new())),
        "status.list_not_found"
    );
    struct Broken;
    impl StatusFetcher for Broken {
        fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
            Err(FetchError::Failed {
                url: url.to_owned(),
                reason: "HTTP 503".into(),
            })
        }
    }
    match status::check(&entry, &Broken) {
        StatusOutcome::Indeterminate { code, detail } => {
            assert_eq!(code, "status.fetch_failed");
            assert!(detail.contains("HTTP 503"));
        }
        other => panic!("{other:?}"),
    }
}

/// Counts fetches and serves one list.
struct Counting {
    fetches: AtomicUsize,
    bytes: Vec<u8>,
}

impl StatusFetcher for Counting {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        if url == LIST_URL {
            Ok(self.bytes.clone())
        } else {
            Err(FetchError::NotFound {
                url: url.to_owned(),
            })
        }
    }
}

#[test]
fn caching_fetches_each_url_once() {
    let counting = Counting {
        fetches: AtomicUsize::new(0),
        bytes: bitstring_list(json!("revocation"), &bitstring(MIN_BYTES, &[10])),
    };
    let cache = Arc::new(CachingFetcher::new(counting));
    assert!(cache.is_empty());
    std::thread::scope(|scope| {
        for t in 0..4u64 {
            let cache = Arc::clone(&cache);
            scope.spawn(move || {
                for i in 0..25u64 {
                    let index = t * 25 + i;
                    let outcome = status::check(&bitstring_entry("revocation", index), &*cache);
                    let expected = if index == 10 {
                        StatusOutcome::Set {
                            purpose: "revocation".into(),
                        }
                    } else {
                        StatusOutcome::Clear {
                            purpose: "revocation".into(),
                        }
                    };
                    assert_eq!(outcome, expected, "{index}");
                }
            });
        }
    });
    assert_eq!(cache.inner().fetches.load(Ordering::SeqCst), 1);
    // Failures are cached too: an unreachable list is not asked for again and again.
    for _ in 0..3 {
        assert_eq!(
            cache
                .fetch("https://elsewhere.example/list")
                .unwrap_err()
                .code(),
            "status.list_not_found"
        );
    }
    assert_eq!(cache.inner().fetches.load(Ordering::SeqCst), 2);
    assert_eq!(cache.len(), 2);
    cache.clear();
    cache.fetch(LIST_URL).unwrap();
    assert_eq!(cache.inner().fetches.load(Ordering::SeqCst), 3);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = status::parse_list(&bytes);
        }

        #[test]
        fn arbitrary_encoded_lists_never_panic(encoded in "u?[A-Za-z0-9_=-]{0,200}", index in any::<u64>(), size in 0u64..70) {
            let bytes = json!({
                "type": "BitstringStatusListCredential",
                "credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": encoded}
            }).to_string();
            if let Ok(list) = status::parse_list(bytes.as_bytes()) {
                let _ = list.value(index, size);
            }
        }

        #[test]
        fn bits_read_back(set in proptest::collection::btree_set(0u64..4096, 0..40), probe in 0u64..4096) {
            let bits = bitstring(512, &set.iter().copied().collect::<Vec<_>>());
            let fetcher = StaticFetcher::new().with(LIST_URL, bitstring_list(json!("revocation"), &bits));
            let outcome = status::check(&bitstring_entry("revocation", probe), &fetcher);
            let expected = if set.contains(&probe) {
                StatusOutcome::Set { purpose: "revocation".into() }
            } else {
                StatusOutcome::Clear { purpose: "revocation".into() }
            };
            prop_assert_eq!(outcome, expected);
        }
    }
}

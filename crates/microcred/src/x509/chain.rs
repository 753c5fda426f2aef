//! Certification path building and validation (the parts of RFC 5280 section 6 a seal needs).

use time::OffsetDateTime;

use super::key::{Hash, Key, PublicKey, SignatureScheme, verify_rsa_pss};
use super::{Certificate, TrustAnchors, X509Error, oids};

/// The longest path searched, leaf and anchor included.
pub const MAX_PATH_LEN: usize = 8;
/// Signature checks one search may spend. The intermediates usually come from the signed file
/// itself (`x5c`), so a hostile file could otherwise offer many same-named candidates and make the
/// search exponential.
const MAX_SIGNATURE_CHECKS: usize = 64;

/// The result of [`validate_chain`]. Closed on purpose: a caller maps it onto valid / invalid /
/// indeterminate and should be told by the compiler if that ever changes.
#[derive(Debug, Clone)]
pub enum ChainOutcome {
    /// A valid path from the leaf to a trust anchor.
    Trusted {
        /// Leaf first, anchor last (a single certificate when the leaf is itself an anchor).
        path: Vec<Certificate>,
    },
    /// No path to an anchor could be found or checked: the verdict is indeterminate, not
    /// negative. Codes: `x509.no_trust_anchor` (no anchors configured), `x509.untrusted_root` (no
    /// path to any anchor), `x509.unsupported_algorithm` / `x509.unsupported_key` (a path exists
    /// but uses an algorithm this crate does not verify).
    Untrusted {
        /// The stable code.
        code: &'static str,
        /// A description for reports (names certificates, never credential data).
        detail: String,
    },
    /// A path to an anchor exists but is not valid: a bad certificate signature
    /// (`x509.bad_signature`, `x509.wrong_key_type`), an issuer that is not a CA (`x509.not_ca`) or
    /// may not sign certificates (`x509.no_cert_sign`), a path length constraint exceeded
    /// (`x509.path_len_exceeded`), an unknown critical extension
    /// (`x509.unsupported_critical_extension`), or a certificate outside its validity period at
    /// the time asked (`x509.not_valid_at_time`).
    Invalid {
        /// The stable code.
        code: &'static str,
        /// A description for reports.
        detail: String,
    },
}

impl ChainOutcome {
    /// Whether the chain is trusted.
    pub fn is_trusted(&self) -> bool {
        matches!(self, ChainOutcome::Trusted { .. })
    }

    /// The code of an untrusted or invalid outcome.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            ChainOutcome::Trusted { .. } => None,
            ChainOutcome::Untrusted { code, .. } | ChainOutcome::Invalid { code, .. } => Some(code),
        }
    }
}

/// Builds a path from `leaf` through `intermediates` to one of `anchors` and validates it at `at`.
///
/// Issuers are found by name (the issuer DER equals the candidate's subject DER) and, when both
/// sides carry them, by authority/subject key identifier. Each certificate's signature is checked
/// with its issuer's key; every certificate on the path (anchor included) must be valid at `at`;
/// every issuer must be a CA allowed to sign certificates, within its path length constraint.
/// The leaf's key usage is not checked here (that depends on what the leaf is used for). When
/// several paths exist, a trusted one wins, then the first invalid one found.
pub fn validate_chain(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchors: &TrustAnchors,
    at: OffsetDateTime,
) -> ChainOutcome {
    validate_to(leaf, intermediates, &[anchors.certificates()], at)
}

/// [`validate_chain`] for a time-stamping authority's certificate: the path may end at any of the
/// anchors, those for seals and those for time-stamping only
/// ([`TrustAnchors::timestamping`]). The leaf's extended key usage is checked by the caller.
pub fn validate_timestamping_chain(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchors: &TrustAnchors,
    at: OffsetDateTime,
) -> ChainOutcome {
    validate_to(
        leaf,
        intermediates,
        &[anchors.certificates(), anchors.timestamping()],
        at,
    )
}

fn validate_to(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchors: &[&[Certificate]],
    at: OffsetDateTime,
) -> ChainOutcome {
    if anchors.iter().all(|set| set.is_empty()) {
        return ChainOutcome::Untrusted {
            code: "x509.no_trust_anchor",
            detail: "no trust anchors are configured".into(),
        };
    }
    let mut search = Search {
        intermediates,
        anchors,
        at,
        checks: 0,
        invalid: None,
        unsupported: None,
        truncated: false,
    };
    let mut path = vec![leaf.clone()];
    if let Some(path) = search.extend(&mut path) {
        return ChainOutcome::Trusted { path };
    }
    if let Some(outcome) = search.invalid.or(search.unsupported) {
        return outcome;
    }
    let why = if search.truncated {
        format!(
            "no path to a trust anchor within {MAX_PATH_LEN} certificates and \
             {MAX_SIGNATURE_CHECKS} signature checks"
        )
    } else {
        "no path to a trust anchor".to_owned()
    };
    ChainOutcome::Untrusted {
        code: "x509.untrusted_root",
        detail: format!(
            "{why} from {} (issuer {})",
            leaf.subject_text(),
            leaf.issuer_text()
        ),
    }
}

struct Search<'a> {
    intermediates: &'a [Certificate],
    anchors: &'a [&'a [Certificate]],
    at: OffsetDateTime,
    checks: usize,
    /// The first invalid outcome met, reported when no path is trusted.
    invalid: Option<ChainOutcome>,
    /// The first path that could not be checked for want of an algorithm.
    unsupported: Option<ChainOutcome>,
    truncated: bool,
}

impl Search<'_> {
    /// Depth-first: returns the first trusted path that continues `path`.
    fn extend(&mut self, path: &mut Vec<Certificate>) -> Option<Vec<Certificate>> {
        let current = path.last()?.clone();
        if self.anchors.iter().any(|set| set.contains(&current)) {
            match check_path(path, self.at) {
                Ok(()) => return Some(path.clone()),
                Err(outcome) => {
                    self.invalid.get_or_insert(outcome);
                    return None;
                }
            }
        }
        if path.len() >= MAX_PATH_LEN {
            self.truncated = true;
            return None;
        }
        let candidates: Vec<Certificate> = self
            .anchors
            .iter()
            .flat_map(|set| set.iter())
            .chain(self.intermediates)
            .filter(|c| may_have_issued(c, &current) && !path.contains(c))
            .cloned()
            .collect();
        for candidate in candidates {
            if self.checks >= MAX_SIGNATURE_CHECKS {
                self.truncated = true;
                return None;
            }
            self.checks += 1;
            let checked = current.verify_issued_by(&candidate);
            match checked {
                Ok(()) => {
                    path.push(candidate);
                    if let Some(found) = self.extend(path) {
                        return Some(found);
                    }
                    path.pop();
                }
                Err(
                    e @ (X509Error::UnsupportedAlgorithm { .. } | X509Error::UnsupportedKey { .. }),
                ) => {
                    self.unsupported.get_or_insert(ChainOutcome::Untrusted {
                        code: e.code(),
                        detail: format!(
                            "certificate {} ({}) cannot be checked with its issuer {}: {e}",
                            path.len(),
                            current.subject_text(),
                            candidate.subject_text()
                        ),
                    });
                }
                Err(e) => {
                    let n = path.len();
                    let (subject, issuer) = (current.subject_text(), candidate.subject_text());
                    let detail = match &e {
                        X509Error::BadSignature => format!(
                            "the signature on certificate {n} ({subject}) does not verify with \
                             the key of {issuer}"
                        ),
                        other => format!(
                            "certificate {n} ({subject}) cannot be checked with the key of \
                             {issuer}: {other}"
                        ),
                    };
                    self.invalid.get_or_insert(ChainOutcome::Invalid {
                        code: e.code(),
                        detail,
                    });
                }
            }
        }
        None
    }
}

/// Name chaining, narrowed by key identifiers when both certificates carry them.
fn may_have_issued(issuer: &Certificate, child: &Certificate) -> bool {
    if issuer.subject_der() != child.issuer_der() {
        return false;
    }
    match (
        child.authority_key_identifier(),
        issuer.subject_key_identifier(),
    ) {
        (Some(aki), Some(ski)) => aki == ski,
        _ => true,
    }
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| at.to_string())
}

/// The per-certificate checks of a complete path (signatures are already verified).
fn check_path(path: &[Certificate], at: OffsetDateTime) -> Result<(), ChainOutcome> {
    let invalid = |code: &'static str, detail: String| ChainOutcome::Invalid { code, detail };
    // Issuers below the one being checked that count against its pathLenConstraint:
    // intermediates that are not self-issued (RFC 5280 6.1.4 (l)).
    let mut intermediates_below = 0usize;
    for (i, cert) in path.iter().enumerate() {
        let n = i + 1;
        let label = || format!("certificate {n} ({})", cert.subject_text());
        if !cert.valid_at(at) {
            return Err(invalid(
                "x509.not_valid_at_time",
                format!(
                    "{} is valid from {} to {}, not at {}",
                    label(),
                    rfc3339(cert.not_before()),
                    rfc3339(cert.not_after()),
                    rfc3339(at)
                ),
            ));
        }
        if let Some(oid) = cert.unhandled_critical_extensions().first() {
            return Err(invalid(
                "x509.unsupported_critical_extension",
                format!(
                    "{} has a critical extension {oid} that is not processed",
                    label()
                ),
            ));
        }
        if i == 0 {
            continue;
        }
        let is_anchor = i + 1 == path.len();
        // A v1 root (no basic constraints at all) is accepted as an anchor: it is trusted as
        // configured. Everywhere else a certificate that signs certificates must say it is a CA.
        let no_basic_constraints = cert
            .parsed()
            .tbs_certificate()
            .extensions()
            .is_none_or(|e| !e.iter().any(|x| x.extn_id == oids::BASIC_CONSTRAINTS));
        let may_sign = cert.is_ca() || (is_anchor && no_basic_constraints);
        if !may_sign {
            return Err(invalid(
                "x509.not_ca",
                format!("{} issues a certificate but is not a CA", label()),
            ));
        }
        if cert.key_usage().is_some_and(|ku| !ku.key_cert_sign) {
            return Err(invalid(
                "x509.no_cert_sign",
                format!(
                    "{} issues a certificate but its key usage lacks keyCertSign",
                    label()
                ),
            ));
        }
        if let Some(limit) = cert.path_len_constraint()
            && intermediates_below > usize::from(limit)
        {
            return Err(invalid(
                "x509.path_len_exceeded",
                format!(
                    "{} allows {limit} intermediate CA certificates below it, the path has {intermediates_below}",
                    label()
                ),
            ));
        }
        if !cert.is_self_issued() {
            intermediates_below += 1;
        }
    }
    Ok(())
}

impl Certificate {
    /// Verifies this certificate's signature with its issuer's key. The signature algorithm inside
    /// the signed part must equal the outer one (RFC 5280 4.1.1.2).
    pub fn verify_signature(&self, issuer_key: &PublicKey) -> Result<(), X509Error> {
        let parsed = self.parsed();
        let algorithm = parsed.signature_algorithm();
        if parsed.tbs_certificate().signature() != algorithm {
            return Err(X509Error::BadSignature);
        }
        let signature = parsed
            .signature()
            .as_bytes()
            .ok_or(X509Error::BadSignature)?;
        verify_signed(algorithm, self.tbs_der(), signature, issuer_key)
    }
}

/// Verifies an X.509-style signature (certificate, CRL, OCSP response): `signature` by
/// `issuer_key` over `signed` with the signature algorithm `algorithm`.
pub(crate) fn verify_signed(
    algorithm: &spki::AlgorithmIdentifierOwned,
    signed: &[u8],
    signature: &[u8],
    issuer_key: &PublicKey,
) -> Result<(), X509Error> {
    let scheme = match algorithm.oid {
        oids::SHA256_WITH_RSA => SignatureScheme::RsaPkcs1(Hash::Sha256),
        oids::SHA384_WITH_RSA => SignatureScheme::RsaPkcs1(Hash::Sha384),
        oids::SHA512_WITH_RSA => SignatureScheme::RsaPkcs1(Hash::Sha512),
        oids::ECDSA_WITH_SHA256 => SignatureScheme::Ecdsa {
            hash: Hash::Sha256,
            der: true,
        },
        oids::ECDSA_WITH_SHA384 => SignatureScheme::Ecdsa {
            hash: Hash::Sha384,
            der: true,
        },
        oids::ECDSA_WITH_SHA512 => SignatureScheme::Ecdsa {
            hash: Hash::Sha512,
            der: true,
        },
        oids::ED25519 => SignatureScheme::Ed25519,
        oids::RSASSA_PSS => {
            let (hash, salt_len) = pss_parameters(algorithm.parameters.as_ref())?;
            let PublicKey(Key::Rsa(key)) = issuer_key else {
                return Err(X509Error::WrongKeyType {
                    scheme: "RSASSA-PSS".into(),
                    key: issuer_key.description(),
                });
            };
            return verify_rsa_pss(key, hash, Some(salt_len), signed, signature);
        }
        other => {
            return Err(X509Error::UnsupportedAlgorithm {
                algorithm: other.to_string(),
            });
        }
    };
    issuer_key.verify(scheme, signed, signature)
}

/// Hash and salt length of RSASSA-PSS parameters. Only MGF1 over the same hash and the standard
/// trailer are supported (what every profile in use prescribes); the SHA-1 defaults are refused.
fn pss_parameters(parameters: Option<&der::Any>) -> Result<(Hash, usize), X509Error> {
    let unsupported = |why: &str| X509Error::UnsupportedAlgorithm {
        algorithm: format!("RSASSA-PSS {why}"),
    };
    let parameters = parameters.ok_or_else(|| unsupported("with SHA-1 defaults"))?;
    let params = parameters
        .decode_as::<rsa::pkcs1::RsaPssParams<der::Any>>()
        .map_err(|e| X509Error::malformed("RSASSA-PSS parameters", e))?;
    let hash = Hash::from_oid(params.hash.oid).ok_or_else(|| unsupported("hash"))?;
    let mgf_hash = params.mask_gen.parameters.as_ref().map(|p| p.oid);
    if params.mask_gen.oid != oids::MGF1 || mgf_hash.and_then(Hash::from_oid) != Some(hash) {
        return Err(unsupported("mask generation"));
    }
    if params.trailer_field != rsa::pkcs1::TrailerField::BC {
        return Err(unsupported("trailer field"));
    }
    Ok((hash, usize::from(params.salt_len)))
}

/// `outcome` (from [`validate_chain`] or [`validate_timestamping_chain`] at another time)
/// judged again at `at`: a trusted path is re-checked without searching or verifying signatures
/// again (validity periods are what depends on the time); `None` for other outcomes, which need
/// a new search.
pub fn revalidate_at(outcome: &ChainOutcome, at: OffsetDateTime) -> Option<ChainOutcome> {
    let ChainOutcome::Trusted { path } = outcome else {
        return None;
    };
    Some(match check_path(path, at) {
        Ok(()) => outcome.clone(),
        Err(invalid) => invalid,
    })
}

/// The certificate among `candidates` that issued `cert`: its subject is `cert`'s issuer (and its
/// key identifier matches, when both carry one) and its key verifies `cert`'s signature. Nothing
/// is said about whether that issuer is trusted.
pub fn find_issuer(cert: &Certificate, candidates: &[Certificate]) -> Option<Certificate> {
    candidates
        .iter()
        .filter(|c| may_have_issued(c, cert))
        .find(|c| cert.verify_issued_by(c).is_ok())
        .cloned()
}

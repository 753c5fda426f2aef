//! The checks that look at the credential itself: format, micro-credential completeness, expiry,
//! revocation, accreditation and owner.

use time::OffsetDateTime;

use super::report::{Check, CheckKind, Status};
use super::{AccreditationSource, AccreditationStatus, Owner};
use crate::model::{Accreditation, Claim, EuropeanDigitalCredential, Organisation};
use crate::profile::{self, Severity};
use crate::status::{self, StatusEntry, StatusFetcher, StatusOutcome};

/// The EDC application profile.
pub(super) fn format(credential: &EuropeanDigitalCredential) -> Check {
    let findings = profile::check_edc(credential);
    match findings.iter().find(|f| f.severity == Severity::Error) {
        Some(first) => {
            let path = first.path.clone();
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            Check::new(
                CheckKind::Format,
                Status::Failed,
                "format.profile",
                format!("{errors} EDC application profile rule(s) broken"),
            )
            .at(path)
            .with_findings(findings)
        }
        None => Check::new(
            CheckKind::Format,
            Status::Ok,
            "format.ok",
            "follows the EDC application profile",
        )
        .with_findings(findings),
    }
}

/// The Annex I elements of an EU micro-credential (advisory).
pub(super) fn micro_credential(credential: &EuropeanDigitalCredential) -> Check {
    let findings = profile::check_micro_credential(credential);
    let missing: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    match missing.first() {
        Some(first) => Check::new(
            CheckKind::MicroCredential,
            Status::Failed,
            "micro_credential.incomplete",
            format!(
                "not a complete EU micro-credential: {} mandatory element(s) missing",
                missing.len()
            ),
        )
        .at(first.path.clone())
        .with_findings(findings.clone()),
        None => Check::new(
            CheckKind::MicroCredential,
            Status::Ok,
            "micro_credential.complete",
            "carries every mandatory element of an EU micro-credential",
        )
        .with_findings(findings),
    }
}

/// `validFrom`, `validUntil` and `expirationDate` against `now`.
pub(super) fn expiry(credential: &EuropeanDigitalCredential, now: OffsetDateTime) -> Check {
    let kind = CheckKind::Expiry;
    if let Some(from) = credential.valid_from.as_ref().and_then(|d| d.to_offset())
        && from > now
    {
        return Check::new(
            kind,
            Status::Failed,
            "expiry.not_yet_valid",
            "not valid yet",
        )
        .at("$.validFrom");
    }
    for (until, path) in [
        (&credential.valid_until, "$.validUntil"),
        (&credential.expiration_date, "$.expirationDate"),
    ] {
        if let Some(until) = until.as_ref().and_then(|d| d.to_offset())
            && until < now
        {
            return Check::new(
                kind,
                Status::Failed,
                "expiry.expired",
                "the credential has expired",
            )
            .at(path);
        }
    }
    Check::new(kind, Status::Ok, "expiry.ok", "within its validity period")
}

/// Status list entries, through the fetcher. An unreachable list is indeterminate, never "not
/// revoked".
pub(super) fn revocation(
    credential: &EuropeanDigitalCredential,
    fetcher: &dyn StatusFetcher,
) -> Check {
    let kind = CheckKind::Revocation;
    if credential.credential_status.is_empty() {
        return Check::new(
            kind,
            Status::Skipped,
            "revocation.no_status",
            "the credential names no status list",
        );
    }
    let mut undecided: Option<Check> = None;
    let mut checked = 0usize;
    for (index, value) in credential.credential_status.iter().enumerate() {
        let path = if credential.credential_status.len() == 1 {
            "$.credentialStatus".to_owned()
        } else {
            format!("$.credentialStatus[{index}]")
        };
        let entries = match status::entries(value) {
            Ok(entries) => entries,
            Err(e) => {
                undecided.get_or_insert(
                    Check::new(
                        kind,
                        Status::Indeterminate,
                        e.code(),
                        "a status entry cannot be read",
                    )
                    .at(path.clone()),
                );
                continue;
            }
        };
        for entry in entries {
            if let StatusEntry::Other { .. } = entry {
                undecided.get_or_insert(
                    Check::new(
                        kind,
                        Status::Indeterminate,
                        "revocation.unsupported_status_type",
                        "a status entry of a kind this verifier does not know",
                    )
                    .at(path.clone()),
                );
                continue;
            }
            match status::check(&entry, fetcher) {
                StatusOutcome::Clear { .. } => checked += 1,
                StatusOutcome::Set { purpose } => {
                    let (code, message) = match purpose.as_str() {
                        "revocation" => ("revocation.revoked", "the credential has been revoked"),
                        "suspension" => ("revocation.suspended", "the credential is suspended"),
                        _ => {
                            // Other purposes (`message`, `refresh`) say nothing about validity.
                            checked += 1;
                            continue;
                        }
                    };
                    return Check::new(kind, Status::Failed, code, message).at(path);
                }
                StatusOutcome::Indeterminate { code, .. } => {
                    undecided.get_or_insert(
                        Check::new(
                            kind,
                            Status::Indeterminate,
                            code,
                            "the status list could not be checked",
                        )
                        .at(path.clone()),
                    );
                }
            }
        }
    }
    match undecided {
        Some(check) => check,
        None => Check::new(
            kind,
            Status::Ok,
            "revocation.ok",
            format!("not revoked or suspended ({checked} status entr(y/ies) checked)"),
        ),
    }
}

/// The accreditations the credential relies on: on the qualifications and on the awarding bodies
/// and issuer. Their expiry and EQF scope are checked; a configured source confirms them.
pub(super) fn accreditation(
    credential: &EuropeanDigitalCredential,
    source: Option<&dyn AccreditationSource>,
    now: OffsetDateTime,
) -> Check {
    let kind = CheckKind::Accreditation;
    let mut found: Vec<(&Accreditation, String, Option<&str>)> = Vec::new();
    if let Some(issuer) = &credential.issuer {
        collect(issuer, "$.issuer".to_owned(), None, &mut found);
    }
    for (i, claim) in credential.claims().iter().enumerate() {
        let claim_path = format!("$.credentialSubject.hasClaim[{i}]");
        let mut eqf = None;
        if let Claim::Achievement(achievement) = claim
            && let Some(spec) = &achievement.specified_by
        {
            eqf = spec.eqf_level.as_ref().and_then(|c| c.id.as_deref());
            for (j, a) in spec.accreditation.iter().enumerate() {
                found.push((
                    a,
                    format!("{claim_path}.specifiedBy.accreditation[{j}]"),
                    eqf,
                ));
            }
        }
        if let Some(process) = claim.awarded_by() {
            for (j, body) in process.awarding_body.iter().enumerate() {
                collect(
                    body,
                    format!("{claim_path}.awardedBy.awardingBody[{j}]"),
                    eqf,
                    &mut found,
                );
            }
        }
    }
    if found.is_empty() {
        return Check::new(
            kind,
            Status::Skipped,
            "accreditation.none",
            "the credential names no accreditation",
        );
    }
    let mut undecided = None;
    for (accreditation, path, eqf) in &found {
        if accreditation.expired_at(now) {
            return Check::new(
                kind,
                Status::Failed,
                "accreditation.expired",
                "an accreditation has expired",
            )
            .at(format!("{path}.expiryDate"));
        }
        if let Some(eqf) = eqf
            && !accreditation.limit_eqf_level.is_empty()
            && !accreditation
                .limit_eqf_level
                .iter()
                .any(|level| level.id.as_deref() == Some(*eqf))
        {
            return Check::new(
                kind,
                Status::Failed,
                "accreditation.out_of_scope",
                "an accreditation does not cover the qualification's EQF level",
            )
            .at(format!("{path}.limitEQFLevel"));
        }
        if let Some(source) = source {
            match source.status(accreditation) {
                AccreditationStatus::Confirmed => {}
                AccreditationStatus::Withdrawn => {
                    return Check::new(
                        kind,
                        Status::Failed,
                        "accreditation.withdrawn",
                        "the accreditation register lists an accreditation as withdrawn",
                    )
                    .at(path.clone());
                }
                AccreditationStatus::Unknown => {
                    undecided.get_or_insert(
                        Check::new(
                            kind,
                            Status::Indeterminate,
                            "accreditation.unconfirmed",
                            "the accreditation register does not know an accreditation",
                        )
                        .at(path.clone()),
                    );
                }
            }
        }
    }
    undecided.unwrap_or_else(|| {
        let how = if source.is_some() {
            "confirmed by the accreditation register"
        } else {
            "dates and scope hold (no accreditation register configured)"
        };
        Check::new(
            kind,
            Status::Ok,
            "accreditation.ok",
            format!("{} accreditation(s): {how}", found.len()),
        )
    })
}

fn collect<'c>(
    body: &'c Organisation,
    path: String,
    eqf: Option<&'c str>,
    found: &mut Vec<(&'c Accreditation, String, Option<&'c str>)>,
) {
    for (j, a) in body.accreditation.iter().enumerate() {
        found.push((a, format!("{path}.accreditation[{j}]"), eqf));
    }
}

/// Whether the credential belongs to `owner`. Values are compared, never echoed.
pub(super) fn owner(credential: &EuropeanDigitalCredential, owner: Option<&Owner>) -> Check {
    let kind = CheckKind::Owner;
    let Some(owner) = owner else {
        return Check::new(
            kind,
            Status::Skipped,
            "owner.not_requested",
            "no expected owner was given",
        );
    };
    let Some(subject) = &credential.credential_subject else {
        return Check::new(
            kind,
            Status::Failed,
            "owner.mismatch",
            "the credential has no subject",
        )
        .at("$.credentialSubject");
    };
    let matches = match owner {
        Owner::Email(email) => {
            let wanted = format!("mailto:{}", email.trim()).to_lowercase();
            subject
                .contact_point
                .iter()
                .flat_map(|c| &c.email_address)
                .any(|m| m.id.as_deref().map(str::to_lowercase) == Some(wanted.clone()))
        }
        Owner::Identifier(id) => {
            let id = id.trim();
            subject
                .national_id
                .iter()
                .any(|n| n.notation.as_deref() == Some(id))
                || subject
                    .identifier
                    .iter()
                    .any(|i| i.notation.as_deref() == Some(id))
                || subject.id.as_deref() == Some(id)
        }
    };
    if matches {
        Check::new(kind, Status::Ok, "owner.ok", "issued to the expected owner")
    } else {
        Check::new(
            kind,
            Status::Failed,
            "owner.mismatch",
            "not issued to the expected owner",
        )
        .at("$.credentialSubject")
    }
}

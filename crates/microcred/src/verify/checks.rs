//! The checks that look at the credential itself: format, micro-credential completeness, expiry,
//! revocation, accreditation and owner.

use serde_json::Value;
use time::OffsetDateTime;

use super::report::{Check, CheckKind, Status};
use super::{AccreditationSource, AccreditationStatus, Owner};
use crate::model::{Accreditation, Claim, DateTime, EuropeanDigitalCredential, Organisation};
use crate::profile::{self, ElmVersion, Severity};
use crate::rdf::Expander;
use crate::status::{self, StatusEntry, StatusFetcher, StatusOutcome};

/// The EDC application profile. A broken rule fails the check with the first error finding's
/// code and path; every finding stays attached.
pub(super) fn format(
    credential: &EuropeanDigitalCredential,
    version: Option<ElmVersion>,
    expander: &Expander,
    json: Option<profile::JsonFindings>,
) -> Check {
    // The typed rules, and what a JSON-LD processor would drop (EDC validates the RDF), with the
    // verifier's contexts.
    let findings = profile::check_format_with(credential, version, expander, json);
    match findings.iter().find(|f| f.severity == Severity::Error) {
        Some(first) => {
            let (code, path) = (first.code.clone(), first.path.clone());
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            Check::new(
                CheckKind::Format,
                Status::Failed,
                code,
                format!("{errors} EDC application profile rule(s) broken"),
            )
            .at(path)
            .with_findings(findings)
        }
        // Nothing broken, but the JSON-LD half could not be run here: undecided, not valid.
        None if findings.iter().any(|f| f.code == "edc.jsonld.unchecked") => Check::new(
            CheckKind::Format,
            Status::Indeterminate,
            "rdf.needs_full_processor",
            "the typed rules hold; what JSON-LD would drop needs the full JSON-LD processor, \
             which this build leaves out (the npm package loads it with loadFullProcessor())",
        )
        .with_findings(findings),
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

/// `validFrom`, `validUntil` and `expirationDate` of the credential's JSON against `now` (the
/// same members in VCDM 1.1, 2.0 and ELM). A bare date is midnight UTC; a date-time without a time
/// zone cannot be placed in time and is left alone.
pub(super) fn expiry(credential: &Value, now: OffsetDateTime) -> Check {
    let kind = CheckKind::Expiry;
    let invalid = |name: &str| {
        Check::new(
            kind,
            Status::Failed,
            "expiry.invalid_date",
            "a validity date is not an xsd:dateTime",
        )
        .at(format!("$.{name}"))
    };
    let mut dates = [None, None, None];
    let names = ["validFrom", "validUntil", "expirationDate"];
    for (slot, name) in dates.iter_mut().zip(names) {
        match credential.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => match DateTime::parse(text) {
                Ok(date) => *slot = date.to_offset(),
                Err(_) => return invalid(name),
            },
            Some(_) => return invalid(name),
        }
    }
    let [from, until, expiration] = dates;
    if let Some(from) = from
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
    for (until, path) in [(until, "$.validUntil"), (expiration, "$.expirationDate")] {
        if let Some(until) = until
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

/// The `credentialStatus` entries of the credential's JSON, through the fetcher. An unreachable
/// list is indeterminate, never "not revoked".
pub(super) fn revocation(credential: &Value, fetcher: &dyn StatusFetcher) -> Check {
    let kind = CheckKind::Revocation;
    let statuses: Vec<&Value> = match credential.get("credentialStatus") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    };
    if statuses.is_empty() {
        return Check::new(
            kind,
            Status::Skipped,
            "revocation.no_status",
            "the credential names no status list",
        );
    }
    let mut undecided: Option<Check> = None;
    let mut checked = 0usize;
    for (index, value) in statuses.iter().enumerate() {
        let path = if statuses.len() == 1 {
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

/// The owner check when no owner is expected.
pub(super) fn owner_not_requested() -> Check {
    Check::new(
        CheckKind::Owner,
        Status::Skipped,
        "owner.not_requested",
        "no expected owner was given",
    )
}

/// Whether the credential belongs to `owner`. Values are compared, never echoed.
pub(super) fn owner(credential: &EuropeanDigitalCredential, owner: Option<&Owner>) -> Check {
    let kind = CheckKind::Owner;
    let Some(owner) = owner else {
        return owner_not_requested();
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
    owner_outcome(matches)
}

/// Whether a credential that is not an EDC one belongs to `owner`: a subject's `id` (a DID, a URL,
/// `mailto:` for an e-mail address) or its `email`. Values are compared, never echoed.
pub(super) fn owner_of_json(credential: &Value, owner: &Owner) -> Check {
    let subjects: Vec<&Value> = match credential.get("credentialSubject") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    let text = |subject: &Value, name: &str| {
        subject
            .get(name)
            .and_then(Value::as_str)
            .map(|t| t.trim().to_owned())
    };
    let matches = subjects.iter().any(|subject| match owner {
        Owner::Email(email) => {
            let wanted = email.trim().to_lowercase();
            let mailto = format!("mailto:{wanted}");
            text(subject, "id").map(|id| id.to_lowercase()) == Some(mailto.clone())
                || text(subject, "email").is_some_and(|e| {
                    let e = e.to_lowercase();
                    e == wanted || e == mailto
                })
        }
        Owner::Identifier(id) => text(subject, "id").as_deref() == Some(id.trim()),
    });
    owner_outcome(matches)
}

/// The owner check's outcome: the same codes whatever kind of credential was compared.
fn owner_outcome(matches: bool) -> Check {
    if matches {
        Check::new(
            CheckKind::Owner,
            Status::Ok,
            "owner.ok",
            "issued to the expected owner",
        )
    } else {
        Check::new(
            CheckKind::Owner,
            Status::Failed,
            "owner.mismatch",
            "not issued to the expected owner",
        )
        .at("$.credentialSubject")
    }
}

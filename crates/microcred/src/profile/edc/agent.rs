//! People, organisations, places, identifiers and accreditations.

use super::Walker;
use crate::model::{
    Accreditation, Address, ContactPoint, Group, Identifier, LegalIdentifier, Location,
    Organisation, Person,
};
use crate::profile::codes;
use crate::profile::path::key;

impl Walker {
    pub(super) fn person(&mut self, p: &Person, at: &str) {
        self.all(&p.identifier, at, "identifier", Self::identifier);
        self.one(
            p.national_id.as_ref(),
            at,
            "nationalID",
            Self::legal_identifier,
        );
        self.one(
            p.place_of_birth.as_ref(),
            at,
            "placeOfBirth",
            Self::location,
        );
        self.all(
            &p.citizenship_country,
            at,
            "citizenshipCountry",
            Self::concept,
        );
        self.one(p.gender.as_ref(), at, "gender", Self::concept);
        self.all(&p.location, at, "location", Self::location);
        self.all(&p.contact_point, at, "contactPoint", Self::contact_point);
        self.all(&p.group_member_of, at, "groupMemberOf", Self::group);
        self.required_all(
            &p.has_claim,
            codes::EDC_HAS_CLAIM,
            at,
            "hasClaim",
            Self::claim,
        );
    }

    /// The issuer is an organisation with, in EDC, exactly one eIDAS identifier. (The model holds at
    /// most one; several are a decoding error at `$.issuer.eIDASIdentifier`.)
    pub(super) fn issuer(&mut self, o: &Organisation, at: &str) {
        self.need(
            o.eidas_identifier.is_some(),
            codes::EDC_EIDAS_IDENTIFIER,
            at,
            "eIDASIdentifier",
        );
        self.organisation(o, at);
    }

    pub(super) fn organisation(&mut self, o: &Organisation, at: &str) {
        self.one(
            o.eidas_identifier.as_ref(),
            at,
            "eIDASIdentifier",
            Self::legal_identifier,
        );
        self.all(&o.group_member_of, at, "groupMemberOf", Self::group);
        self.required_all(
            &o.location,
            codes::EDC_LOCATION,
            at,
            "location",
            Self::location,
        );
        self.one(o.logo.as_ref(), at, "logo", Self::media);
        self.all(
            &o.vat_identifier,
            at,
            "vatIdentifier",
            Self::legal_identifier,
        );
        self.all(
            &o.tax_identifier,
            at,
            "taxIdentifier",
            Self::legal_identifier,
        );
        self.all(&o.identifier, at, "identifier", Self::identifier);
        self.need(
            !o.legal_name.is_blank(),
            codes::EDC_LEGAL_NAME,
            at,
            "legalName",
        );
        self.one(
            o.registration.as_ref(),
            at,
            "registration",
            Self::legal_identifier,
        );
        self.all(&o.accreditation, at, "accreditation", Self::accreditation);
        self.all(&o.contact_point, at, "contactPoint", Self::contact_point);
        self.all(&o.dc_type, at, "dcType", Self::concept);
        self.all(&o.additional_note, at, "additionalNote", Self::note);
        self.all(&o.homepage, at, "homepage", Self::web_resource);
    }

    pub(super) fn group(&mut self, g: &Group, at: &str) {
        self.need(
            !g.pref_label.is_blank(),
            codes::EDC_PREF_LABEL,
            at,
            "prefLabel",
        );
        self.all(&g.contact_point, at, "contactPoint", Self::contact_point);
        self.all(&g.location, at, "location", Self::location);
    }

    pub(super) fn location(&mut self, l: &Location, at: &str) {
        self.all(&l.identifier, at, "identifier", Self::identifier);
        self.required_all(&l.address, codes::EDC_ADDRESS, at, "address", Self::address);
        self.all(&l.spatial_code, at, "spatialCode", Self::concept);
    }

    pub(super) fn address(&mut self, a: &Address, at: &str) {
        self.all(&a.identifier, at, "identifier", Self::identifier);
        self.one(a.full_address.as_ref(), at, "fullAddress", Self::note);
        self.required(
            a.country_code.as_ref(),
            codes::EDC_COUNTRY_CODE,
            at,
            "countryCode",
            Self::concept,
        );
    }

    pub(super) fn contact_point(&mut self, c: &ContactPoint, at: &str) {
        self.all(&c.address, at, "address", Self::address);
        self.all(&c.phone, at, "phone", Self::only_strays);
        self.all(&c.email_address, at, "emailAddress", Self::only_strays);
        self.all(&c.contact_form, at, "contactForm", Self::web_resource);
        self.all(&c.additional_note, at, "additionalNote", Self::note);
    }

    pub(super) fn identifier(&mut self, i: &Identifier, at: &str) {
        self.need(
            i.notation.as_deref().is_some_and(|n| !n.trim().is_empty()),
            codes::EDC_NOTATION,
            at,
            "notation",
        );
        self.all(&i.dc_type, at, "dcType", Self::concept);
    }

    pub(super) fn legal_identifier(&mut self, i: &LegalIdentifier, at: &str) {
        self.need(
            i.notation.as_deref().is_some_and(|n| !n.trim().is_empty()),
            codes::EDC_NOTATION,
            at,
            "notation",
        );
        self.all(&i.dc_type, at, "dcType", Self::concept);
        self.required(
            i.spatial.as_ref(),
            codes::EDC_SPATIAL,
            at,
            "spatial",
            Self::concept,
        );
    }

    /// Quality assurance, on a qualification or an organisation: the EDC shape wants its kind
    /// (`dcType`), a title and the agency that accredits.
    pub(super) fn accreditation(&mut self, a: &Accreditation, at: &str) {
        self.all(&a.identifier, at, "identifier", Self::identifier);
        self.required(
            a.dc_type.as_ref(),
            codes::EDC_ACCREDITATION_TYPE,
            at,
            "dcType",
            Self::concept,
        );
        self.need(!a.title.is_blank(), codes::EDC_TITLE, at, "title");
        self.all(&a.homepage, at, "homepage", Self::web_resource);
        self.one(a.decision.as_ref(), at, "decision", Self::concept);
        self.one(a.report.as_ref(), at, "report", Self::web_resource);
        self.one(
            a.organisation.as_deref(),
            at,
            "organisation",
            Self::organisation,
        );
        self.all(&a.limit_field, at, "limitField", Self::concept);
        self.all(&a.limit_eqf_level, at, "limitEQFLevel", Self::concept);
        self.all(
            &a.limit_jurisdiction,
            at,
            "limitJurisdiction",
            Self::concept,
        );
        let agent = a.accrediting_agent.as_deref();
        self.required(
            agent,
            codes::EDC_ACCREDITING_AGENT,
            at,
            "accreditingAgent",
            Self::organisation,
        );
        self.all(&a.landing_page, at, "landingPage", Self::web_resource);
        self.all(&a.additional_note, at, "additionalNote", Self::note);
        // The Verifier's rule (`accreditation.expired`), at the one time the credential fixes.
        if a.expires_before_issued() || self.issued.is_some_and(|t| a.expired_at(t)) {
            self.report(codes::EDC_ACCREDITATION_EXPIRED, key(at, "expiryDate"));
        }
    }
}

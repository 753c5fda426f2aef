//! People, organisations and how to reach them.

use super::common::{Concept, MediaObject, Note, WebResource};
use super::learning::Claim;
use super::{DateTime, LangMap, elm_class};

elm_class! {
    /// The learner, the credential subject.
    pub struct Person as ["Person"] {
        /// Identifiers such as a student number.
        pub identifier: Vec<Identifier> = "identifier",
        /// A national identifier.
        pub national_id: Option<LegalIdentifier> = "nationalID",
        /// The full name.
        pub full_name: LangMap = "fullName",
        /// Given names.
        pub given_name: LangMap = "givenName",
        /// Family names.
        pub family_name: LangMap = "familyName",
        /// The name at birth.
        pub birth_name: LangMap = "birthName",
        /// A patronymic name.
        pub patronymic_name: LangMap = "patronymicName",
        /// The date of birth.
        pub date_of_birth: Option<DateTime> = "dateOfBirth",
        /// The place of birth.
        pub place_of_birth: Option<Location> = "placeOfBirth",
        /// Citizenship countries.
        pub citizenship_country: Vec<Concept> = "citizenshipCountry",
        /// Gender (Publications Office `human-sex` table).
        pub gender: Option<Concept> = "gender",
        /// Locations.
        pub location: Vec<Location> = "location",
        /// Email addresses, phones, postal addresses.
        pub contact_point: Vec<ContactPoint> = "contactPoint",
        /// Groups the person belongs to.
        pub group_member_of: Vec<Group> = "groupMemberOf",
        /// What the credential says about the person.
        pub has_claim: Vec<Claim> = "hasClaim",
    }
}

elm_class! {
    /// An organisation: the issuer, an awarding body, an accrediting agency.
    pub struct Organisation as ["Organisation"] {
        /// The eIDAS legal identifier (exactly one on an EDC issuer; set from the seal certificate).
        pub eidas_identifier: Option<LegalIdentifier> = "eIDASIdentifier",
        /// Groups the organisation belongs to.
        pub group_member_of: Vec<Group> = "groupMemberOf",
        /// Where it is; the address's country is mandatory in EDC.
        pub location: Vec<Location> = "location",
        /// Its logo.
        pub logo: Option<MediaObject> = "logo",
        /// VAT identifiers.
        pub vat_identifier: Vec<LegalIdentifier> = "vatIdentifier",
        /// Tax identifiers.
        pub tax_identifier: Vec<LegalIdentifier> = "taxIdentifier",
        /// A short name.
        pub alt_label: LangMap = "altLabel",
        /// Other identifiers (Erasmus code, SCHAC, ...).
        pub identifier: Vec<Identifier> = "identifier",
        /// The legal name (mandatory in EDC).
        pub legal_name: LangMap = "legalName",
        /// The registration number in a business register.
        pub registration: Option<LegalIdentifier> = "registration",
        /// The organisation's accreditations (institutional quality assurance).
        pub accreditation: Vec<Accreditation> = "accreditation",
        /// Contact points.
        pub contact_point: Vec<ContactPoint> = "contactPoint",
        /// Kinds of organisation.
        pub dc_type: Vec<Concept> = "dcType",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
        /// The web site.
        pub homepage: Vec<WebResource> = "homepage",
    }
}

elm_class! {
    /// A group of agents, such as a university alliance.
    pub struct Group as ["Group"] {
        /// The name.
        pub pref_label: LangMap = "prefLabel",
        /// Other names.
        pub alt_label: LangMap = "altLabel",
        /// Contact points.
        pub contact_point: Vec<ContactPoint> = "contactPoint",
        /// Locations.
        pub location: Vec<Location> = "location",
    }
}

elm_class! {
    /// Quality assurance or licensing of an organisation or a qualification.
    ///
    /// microcred represents the micro-credential's *type of quality assurance* with this class
    /// (see the README's architecture section).
    pub struct Accreditation as ["Accreditation"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// The kind of quality assurance (the `accreditation` vocabulary).
        pub dc_type: Option<Concept> = "dcType",
        /// A title.
        pub title: LangMap = "title",
        /// A description.
        pub description: LangMap = "description",
        /// A web page.
        pub homepage: Vec<WebResource> = "homepage",
        /// When it was issued.
        pub date_issued: Option<DateTime> = "dateIssued",
        /// The outcome.
        pub decision: Option<Concept> = "decision",
        /// The report.
        pub report: Option<WebResource> = "report",
        /// The organisation accredited.
        pub organisation: Option<Box<Organisation>> = "organisation",
        /// Fields of education it is limited to.
        pub limit_field: Vec<Concept> = "limitField",
        /// EQF levels it is limited to.
        pub limit_eqf_level: Vec<Concept> = "limitEQFLevel",
        /// Jurisdictions it is limited to.
        pub limit_jurisdiction: Vec<Concept> = "limitJurisdiction",
        /// The quality assurance agency (mandatory in EDC).
        pub accrediting_agent: Option<Box<Organisation>> = "accreditingAgent",
        /// The next review.
        pub review_date: Option<DateTime> = "reviewDate",
        /// The expiry.
        pub expiry_date: Option<DateTime> = "expiryDate",
        /// A landing page.
        pub landing_page: Vec<WebResource> = "landingPage",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
    }
}

/// The date rule of quality assurance, in one place: the Verifier (`accreditation.expired`), the
/// profile check (`edc.accreditation.expired`) and issuance all decide with these.
impl Accreditation {
    /// Whether the accreditation had expired at `at`: its `expiryDate` is earlier. Without an
    /// `expiryDate` it never expires. A date-time without a time zone is read as UTC, as
    /// [`DateTime::to_offset`] does.
    pub fn expired_at(&self, at: time::OffsetDateTime) -> bool {
        self.expiry_date
            .as_ref()
            .and_then(DateTime::to_offset)
            .is_some_and(|expiry| expiry < at)
    }

    /// Whether the accreditation expires before it was issued (`expiryDate` earlier than
    /// `dateIssued`), so that it never held.
    pub fn expires_before_issued(&self) -> bool {
        self.date_issued
            .as_ref()
            .and_then(DateTime::to_offset)
            .is_some_and(|issued| self.expired_at(issued))
    }
}

elm_class! {
    /// An identifier in some scheme.
    pub struct Identifier as ["Identifier"] {
        /// The identifier itself.
        pub notation: Option<String> = "notation",
        /// The scheme's name.
        pub scheme_name: Option<String> = "schemeName",
        /// The scheme's agency.
        pub scheme_agency: LangMap = "schemeAgency",
        /// The scheme's version.
        pub scheme_version: Option<String> = "schemeVersion",
        /// The scheme's IRI.
        pub scheme_id: Option<String> = "schemeId",
        /// When it was issued.
        pub date_issued: Option<DateTime> = "dateIssued",
        /// Kinds of identifier.
        pub dc_type: Vec<Concept> = "dcType",
    }
}

elm_class! {
    /// A legal identifier: an eIDAS identifier, a VAT number, a national ID.
    pub struct LegalIdentifier as ["LegalIdentifier"] {
        /// The identifier itself.
        pub notation: Option<String> = "notation",
        /// The scheme's name.
        pub scheme_name: Option<String> = "schemeName",
        /// The scheme's agency.
        pub scheme_agency: LangMap = "schemeAgency",
        /// The scheme's IRI.
        pub scheme_id: Option<String> = "schemeId",
        /// When it was issued.
        pub date_issued: Option<DateTime> = "dateIssued",
        /// Kinds of identifier.
        pub dc_type: Vec<Concept> = "dcType",
        /// The country that issued it (mandatory in EDC).
        pub spatial: Option<Concept> = "spatial",
    }
}

elm_class! {
    /// A place.
    pub struct Location as ["Location"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// A description.
        pub description: LangMap = "description",
        /// The postal address.
        pub address: Vec<Address> = "address",
        /// A name.
        pub geographic_name: LangMap = "geographicName",
        /// An administrative area (Publications Office `atu` table).
        pub spatial_code: Vec<Concept> = "spatialCode",
    }
}

elm_class! {
    /// A postal address.
    pub struct Address as ["Address"] {
        /// Identifiers.
        pub identifier: Vec<Identifier> = "identifier",
        /// The address as one text.
        pub full_address: Option<Note> = "fullAddress",
        /// The country (Publications Office `country` table; mandatory in EDC).
        pub country_code: Option<Concept> = "countryCode",
    }
}

elm_class! {
    /// How to reach someone.
    pub struct ContactPoint as ["ContactPoint"] {
        /// A description.
        pub description: LangMap = "description",
        /// Postal addresses.
        pub address: Vec<Address> = "address",
        /// Phones.
        pub phone: Vec<Phone> = "phone",
        /// Email addresses.
        pub email_address: Vec<Mailbox> = "emailAddress",
        /// Contact forms.
        pub contact_form: Vec<WebResource> = "contactForm",
        /// Notes.
        pub additional_note: Vec<Note> = "additionalNote",
    }
}

elm_class! {
    /// An email address; the address is the `id` (`mailto:...`).
    pub struct Mailbox as ["Mailbox"] {}
}

elm_class! {
    /// A phone number.
    pub struct Phone as ["Phone"] {
        /// The number.
        pub phone_number: Option<String> = "phoneNumber",
        /// The country dialling code.
        pub country_dialing: Option<String> = "countryDialing",
        /// The area dialling code.
        pub area_dialing_code: Option<String> = "areaDialingCode",
        /// The local number.
        pub dial_number: Option<String> = "dialNumber",
    }
}

impl Person {
    /// The learner's full name in `lang` (else English, else any), or given and family names.
    pub fn display_name(&self, lang: &str) -> Option<String> {
        if let Some(full) = self.full_name.best(&[lang]) {
            return Some(full.to_owned());
        }
        let parts: Vec<&str> = [
            self.given_name.best(&[lang]),
            self.family_name.best(&[lang]),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

impl Organisation {
    /// The country of the organisation's first address that names one.
    pub fn country(&self) -> Option<&Concept> {
        self.location
            .iter()
            .flat_map(|l| &l.address)
            .find_map(|a| a.country_code.as_ref())
    }
}

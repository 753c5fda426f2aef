//! The walk reaches every node field of the model, and the requirement table says what the EDC
//! shapes say.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Walker, rules};
use crate::model::{AnyNode, Codec, DecodeErrorKind, EuropeanDigitalCredential, JsonPath, NodeRef};
use crate::terms::ElmVersion;

#[path = "../../../tests/shared.rs"]
mod shared;

/// The JSON keys of the class whose `type` is `class`.
fn keys(class: &str) -> &'static [&'static str] {
    AnyNode::CLASSES
        .iter()
        .find(|(name, _)| *name == class)
        .map_or(&[], |(_, keys)| keys)
}

/// The error kind of the member `key` when a node of `class` holds `value` there, if any.
fn stray(class: &str, key: &str, value: Value) -> Option<DecodeErrorKind> {
    let node = AnyNode::read(&json!({ "type": class, key: value }));
    assert!(node.as_node().is_some(), "{class} does not read");
    let strays = node.strays();
    strays
        .into_iter()
        .find(|s| s.key == key)
        .map(|s| s.error.kind)
}

/// The class of a node that fits in `class.key`, when that field holds nodes: the field refuses
/// a node of a class the model does not know, and takes one of the model's classes.
fn node_field(class: &str, key: &str) -> Option<&'static str> {
    let unknown = stray(class, key, json!({ "type": "NoSuchClass" }));
    if !matches!(unknown, Some(DecodeErrorKind::UnexpectedClass { .. })) {
        return None;
    }
    let fits = AnyNode::CLASSES
        .iter()
        .map(|(name, _)| *name)
        .find(|name| stray(class, key, json!({ "type": name })).is_none());
    Some(fits.unwrap_or_else(|| panic!("no class fits in {class}.{key}")))
}

/// A node of `class` whose node fields each hold a node, the first time the class is met (later
/// ones hold only their id, which keeps the tree finite).
fn populate(
    class: &str,
    expanded: &mut BTreeSet<String>,
    slots: &mut BTreeSet<(String, String)>,
) -> Value {
    let mut node = json!({ "type": class, "id": format!("urn:test:{}", slots.len()) });
    if expanded.insert(class.to_owned()) {
        for key in keys(class) {
            if let Some(child) = node_field(class, key) {
                slots.insert((class.to_owned(), (*key).to_owned()));
                node[*key] = populate(child, expanded, slots);
            }
        }
    }
    node
}

/// A field added to the model is walked without being named anywhere else: on a credential where
/// every node field of every class holds a node, the walker visits a node in each of them.
#[test]
fn every_node_field_of_every_class_is_walked() {
    let mut expanded = BTreeSet::new();
    let mut slots = BTreeSet::new();
    let document = populate("EuropeanDigitalCredential", &mut expanded, &mut slots);
    let reached: BTreeSet<&str> = expanded.iter().map(String::as_str).collect();
    let all: BTreeSet<&str> = AnyNode::CLASSES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        reached, all,
        "every class of the model is reached from the credential"
    );
    assert!(slots.len() > 150, "{} node fields", slots.len());

    let credential = EuropeanDigitalCredential::from_json(document, &JsonPath::Root).unwrap();
    let mut walker = Walker::default();
    walker.node(NodeRef::EuropeanDigitalCredential(&credential), "$", None);
    let visited: BTreeSet<(String, String)> = walker
        .visited
        .iter()
        .filter_map(|(slot, _)| *slot)
        .map(|(class, key)| (class.to_owned(), key.to_owned()))
        .collect();
    let missed: Vec<_> = slots.difference(&visited).collect();
    assert!(missed.is_empty(), "node fields not walked: {missed:?}");
    // Every node fits where it is, so nothing was walked as a stray.
    assert!(
        walker.stray_members.is_empty(),
        "{:?}",
        walker.stray_members
    );
}

/// Findings follow the fields in the writer's order, except that a claim's title and awarding
/// process come first (as they did when the walk was written by hand); the table's order plays no
/// part.
#[test]
fn findings_follow_the_fields_with_a_claims_title_first() {
    let walk = |value: Value| {
        let node = AnyNode::read(&value);
        let mut walker = Walker::default();
        walker.node(node.as_node().unwrap(), "$", None);
        let found: Vec<String> = walker
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code, f.path))
            .collect();
        found
    };
    let claim =
        walk(json!({ "type": "LearningAchievement", "identifier": { "type": "Identifier" } }));
    assert_eq!(
        claim,
        [
            "edc.missing.title $.title",
            "edc.missing.awarded_by $.awardedBy",
            "edc.missing.notation $.identifier.notation",
        ]
    );
    let media = walk(json!({ "type": "MediaObject", "contentType": { "type": "Concept" } }));
    assert_eq!(
        media,
        [
            "edc.concept.missing_id $.contentType",
            "edc.concept.missing_scheme $.contentType.inScheme",
            "edc.missing.content_encoding $.contentEncoding",
            "edc.missing.content $.content",
        ]
    );
}

/// Each row of the table names a field of the model, and a class names each row once.
#[test]
fn the_table_names_fields_of_the_model() {
    let slots = rules::SLOTS.iter().map(|(parent, key, needs)| {
        let child = node_field(parent, key).expect("a slot holds nodes");
        (child, *needs)
    });
    for (class, needs) in rules::CLASSES.iter().copied().chain(slots) {
        let mut seen = BTreeSet::new();
        for need in needs {
            assert!(
                keys(class).contains(&need.key),
                "{class}.{} is not in the model",
                need.key
            );
            assert!(seen.insert(need.key), "{class}.{} twice", need.key);
            assert!(need.min >= 1);
            assert!(
                need.code.code.starts_with("edc.missing."),
                "{}",
                need.code.code
            );
        }
    }
}

/// The most values `class.key` holds in the model (`Some(1)` for a field it holds once).
fn model_max(class: &str, key: &str) -> Option<Option<usize>> {
    let node = AnyNode::read(&json!({ "type": class }));
    let mut max = None;
    node.as_node()?.fields(&mut |k, field| {
        if k == key {
            max = Some(field.max());
        }
    });
    max
}

/// One cardinality of the shapes, on the class's own shape or on the node shape of a slot.
#[derive(Debug)]
struct Shape {
    class: String,
    slot: Option<String>,
    path: String,
    min: Option<usize>,
    max: Option<usize>,
}

/// The triples of a Turtle file as (subject, predicate, object) text.
fn triples(ttl: &[u8]) -> Vec<[String; 3]> {
    use sophia_api::source::TripleSource;
    use sophia_api::term::{Term, TermKind};
    use sophia_api::triple::Triple;
    fn text<T: Term>(term: T) -> String {
        match term.kind() {
            TermKind::Iri => term.iri().map(|i| i.as_str().to_owned()),
            TermKind::BlankNode => term.bnode_id().map(|b| format!("_:{}", b.as_str())),
            _ => term.lexical_form().map(|l| l.to_string()),
        }
        .unwrap_or_default()
    }
    let text_ttl = std::str::from_utf8(ttl).expect("Turtle is UTF-8");
    let mut out = Vec::new();
    sophia_turtle::parser::turtle::parse_str(text_ttl)
        .for_each_triple(|t| out.push([text(t.s()), text(t.p()), text(t.o())]))
        .expect("the shapes parse");
    out
}

const SH: &str = "http://www.w3.org/ns/shacl#";

/// The cardinalities of the shapes in `files`.
fn shapes(files: &[Vec<u8>]) -> Vec<Shape> {
    let all: Vec<[String; 3]> = files.iter().flat_map(|f| triples(f)).collect();
    let objects = |s: &str, p: &str| -> Vec<String> {
        let p = format!("{SH}{p}");
        all.iter()
            .filter(|t| t[0] == s && t[1] == p)
            .map(|t| t[2].clone())
            .collect()
    };
    let number = |s: &str, p: &str| objects(s, p).first().map(|n| n.parse::<usize>().unwrap());
    let mut out = Vec::new();
    let cardinalities = |class: &str, slot: Option<&str>, shape: &str, out: &mut Vec<Shape>| {
        for property in objects(shape, "property") {
            let Some(path) = objects(&property, "path").into_iter().next() else {
                continue;
            };
            let (min, max) = (number(&property, "minCount"), number(&property, "maxCount"));
            if min.is_some() || max.is_some() {
                out.push(Shape {
                    class: class.to_owned(),
                    slot: slot.map(str::to_owned),
                    path: path.clone(),
                    min,
                    max,
                });
            }
        }
    };
    for t in all.iter().filter(|t| t[1] == format!("{SH}targetClass")) {
        let (shape, class) = (&t[0], &t[2]);
        cardinalities(class, None, shape, &mut out);
        for property in objects(shape, "property") {
            let Some(path) = objects(&property, "path").into_iter().next() else {
                continue;
            };
            for node in objects(&property, "node") {
                cardinalities(class, Some(&path), &node, &mut out);
            }
        }
    }
    out
}

/// The JSON names of an IRI in `version`: class names for a class, keys for a property.
fn names(version: ElmVersion, iri: &str) -> Vec<&'static str> {
    let classes = version
        .classes()
        .filter(|(_, i)| *i == iri)
        .map(|(n, _)| *n);
    let terms = crate::terms::VC_TERMS.iter().chain(version.edc_terms());
    let keys = terms.filter(|t| t.iri == iri).map(|t| t.name);
    classes.chain(keys).collect()
}

/// The last segment of an IRI (`http://data.europa.eu/snb/model/elm/Claim` → `Claim`).
fn local(iri: &str) -> &str {
    iri.rsplit(['/', '#']).next().unwrap_or(iri)
}

/// The classes of the model a shape's target class stands for (its subclasses for the ELM
/// superclasses the model does not hold).
fn model_classes(version: ElmVersion, iri: &str) -> Vec<&'static str> {
    const CLAIMS: &[&str] = &[
        "LearningAchievement",
        "LearningActivity",
        "LearningAssessment",
        "LearningEntitlement",
    ];
    const SPECIFICATIONS: &[&str] = &[
        "LearningAchievementSpecification",
        "LearningActivitySpecification",
        "LearningAssessmentSpecification",
        "LearningEntitlementSpecification",
    ];
    match local(iri) {
        "Claim" => CLAIMS.to_vec(),
        "Specification" => SPECIFICATIONS.to_vec(),
        "Agent" => vec!["Person", "Organisation"],
        "Qualification" => vec!["LearningAchievementSpecification"],
        "VerifiableCredential" => vec!["EuropeanDigitalCredential"],
        _ => names(version, iri)
            .into_iter()
            .filter(|name| !keys(name).is_empty())
            .collect(),
    }
}

/// Unless exempted, a difference between the shapes and microcred: (class, key, what differs).
/// The rows of the table it confirms go to `required`: (in a slot, class, key).
fn differences(
    version: ElmVersion,
    shape: &Shape,
    required: &mut BTreeSet<(bool, &'static str, &'static str)>,
) -> Vec<(String, String, &'static str)> {
    let class = local(&shape.class).to_owned();
    let classes = model_classes(version, &shape.class);
    let keys_of_path = names(version, &shape.path);
    let key = keys_of_path
        .first()
        .copied()
        .unwrap_or(local(&shape.path))
        .to_owned();
    if classes.is_empty() {
        return vec![(class, "*".to_owned(), "class")];
    }
    let mut out = Vec::new();
    for model_class in classes {
        // A slot's node shape applies to the node in that field of the class.
        let (owner, needs) = match &shape.slot {
            Some(slot) => {
                let slot_key = names(version, slot).first().copied().unwrap_or(local(slot));
                let child = node_field(model_class, slot_key).expect("a slot holds nodes");
                let needs = rules::SLOTS
                    .iter()
                    .find(|(p, k, _)| *p == model_class && *k == slot_key)
                    .map_or(&[][..], |(_, _, needs)| needs);
                (child, needs)
            }
            None => (model_class, rules::of_class(model_class)),
        };
        let Some(field) = keys_of_path
            .iter()
            .copied()
            .find(|k| keys(owner).contains(k))
        else {
            out.push((class.clone(), key.clone(), "key"));
            continue;
        };
        if let Some(min) = shape.min.filter(|min| *min > 0) {
            if needs.iter().any(|n| n.key == field && n.min == min) {
                required.insert((shape.slot.is_some(), owner, field));
            } else {
                out.push((class.clone(), key.clone(), "min"));
            }
        }
        if shape.max == Some(1) && model_max(owner, field) != Some(Some(1)) {
            out.push((class.clone(), key.clone(), "max"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Where microcred differs from a cardinality of the shapes: (class of the shape, key, what
/// differs, why). `*` stands for any class or key.
const EXEMPT: &[(&str, &str, &str, &str)] = &[
    // Classes the model does not hold: such nodes are kept as read, where they appear.
    ("Amount", "*", "class", NOT_MODELLED),
    ("AwardingOpportunity", "*", "class", NOT_MODELLED),
    ("Grant", "*", "class", NOT_MODELLED),
    ("LearningOpportunity", "*", "class", NOT_MODELLED),
    ("PriceDetail", "*", "class", NOT_MODELLED),
    ("ResultCategory", "*", "class", NOT_MODELLED),
    ("ShortenedGrading", "*", "class", NOT_MODELLED),
    ("VerificationCheck", "*", "class", NOT_MODELLED),
    // Properties the model does not hold typed: kept in `extra`, written back as read.
    ("*", "dateModified", "key", NOT_MODELLED),
    ("*", "status", "key", NOT_MODELLED),
    ("Accreditation", "limitQualification", "key", NOT_MODELLED),
    ("Accreditation", "valid", "key", NOT_MODELLED),
    ("Evidence", "accreditation", "key", NOT_MODELLED),
    ("Evidence", "evidenceTarget", "key", NOT_MODELLED),
    ("Identifier", "creator", "key", NOT_MODELLED),
    ("LegalIdentifier", "creator", "key", NOT_MODELLED),
    ("LegalIdentifier", "schemeVersion", "key", NOT_MODELLED),
    (
        "LearningAchievement",
        "learningOpportunity",
        "key",
        NOT_MODELLED,
    ),
    (
        "LearningActivity",
        "learningOpportunity",
        "key",
        NOT_MODELLED,
    ),
    ("LearningAssessment", "proves", "key", NOT_MODELLED),
    (
        "LearningAssessment",
        "resultDistribution",
        "key",
        NOT_MODELLED,
    ),
    (
        "LearningAssessment",
        "shortenedGrading",
        "key",
        NOT_MODELLED,
    ),
    ("Organisation", "subOrganizationOf", "key", NOT_MODELLED),
    // The shapes name a property no key of the context expands to.
    (
        "Person",
        "nationalId",
        "key",
        "the ELM 3.1 shapes name elm:nationalId, the 3.1 context's nationalID is elm:nationalID \
         (reported as edc.version.national_id)",
    ),
    (
        "Phone",
        "areaDialing",
        "key",
        "the shapes name elm:areaDialing, the context's areaDialingCode is elm:areaDialingCode",
    ),
    // One value per language: the model holds a language map; two texts in one language are
    // edc.conflicting_node when they are two copies of one node.
    ("Person", "fullName", "max", LANGUAGE_MAP),
    ("Person", "givenName", "max", LANGUAGE_MAP),
    ("Person", "familyName", "max", LANGUAGE_MAP),
    ("Identifier", "schemeAgency", "max", LANGUAGE_MAP),
    ("LegalIdentifier", "schemeAgency", "max", LANGUAGE_MAP),
    // The VC data model allows several status entries; the status module reads each.
    (
        "*",
        "credentialStatus",
        "max",
        "the Verifier checks every status entry",
    ),
    // The model holds a list where the shapes allow one value: a second value is kept and not
    // reported. A gap rather than a choice; closing it changes the public model's field type.
    ("AwardingProcess", "location", "max", LIST),
    ("LearningAssessment", "location", "max", LIST),
    ("Person", "location", "max", LIST),
    ("WebResource", "language", "max", LIST),
    ("LearningEntitlement", "dcType", "max", LIST),
    ("LearningEntitlementSpecification", "dcType", "max", LIST),
];

const NOT_MODELLED: &str = "not in the model";
const LANGUAGE_MAP: &str = "a language map";
const LIST: &str = "the model holds a list";

/// The exemption for a difference, if any.
fn exemption(class: &str, key: &str, what: &str) -> Option<usize> {
    EXEMPT.iter().position(|(c, k, w, _)| {
        (*c == "*" || *c == class) && (*k == "*" || *k == key) && *w == what
    })
}

/// Every `sh:minCount` of `EDC-generic-full.ttl` and the `EDC-generic-no-cv.ttl` it imports has
/// its row in the table, and every `sh:maxCount 1` is a field the model holds once; the
/// differences are the listed exemptions.
#[test]
fn the_table_matches_the_edc_shapes() {
    for (dir, version) in [
        ("upstream/elm-repo/shacl-edc", ElmVersion::V3_1),
        ("upstream/elm-repo-3.2-LTS/shacl-edc", ElmVersion::V3_2),
    ] {
        let Some(full) = shared::shared_file(&format!("{dir}/EDC-generic-full.ttl")) else {
            return;
        };
        let Some(no_cv) = shared::shared_file(&format!("{dir}/EDC-generic-no-cv.ttl")) else {
            return;
        };
        let mut required = BTreeSet::new();
        let mut unexplained = BTreeSet::new();
        let mut used = BTreeSet::new();
        let mut checked = 0;
        for shape in shapes(&[full, no_cv]) {
            checked += 1;
            for (class, key, what) in differences(version, &shape, &mut required) {
                match exemption(&class, &key, what) {
                    Some(i) => {
                        used.insert(i);
                    }
                    None => {
                        unexplained.insert(format!("{class}.{key} ({what})"));
                    }
                }
            }
        }
        assert!(checked > 150, "{version:?}: {checked} cardinalities");
        assert!(unexplained.is_empty(), "{version:?}: {unexplained:?}");
        // Every row of the table is a minCount of the shapes.
        let rows = rules::CLASSES
            .iter()
            .flat_map(|(class, needs)| needs.iter().map(move |n| (false, *class, n.key)));
        let slot_rows = rules::SLOTS.iter().flat_map(|(parent, key, needs)| {
            let child = node_field(parent, key).unwrap();
            needs.iter().map(move |n| (true, child, n.key))
        });
        for row in rows.chain(slot_rows) {
            assert!(
                required.contains(&row),
                "{version:?}: {row:?} is no minCount of the shapes"
            );
        }
        // Every exemption is still needed (3.1 alone names elm:nationalId).
        for (i, exempt) in EXEMPT.iter().enumerate() {
            assert!(
                used.contains(&i) || exempt.1 == "nationalId",
                "{version:?}: {exempt:?} unused"
            );
        }
    }
}

//! The catalog: exactly one checked code list per [`ListId`], and the built-in lists embedded
//! from `protocol/data/codelists/`.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{CodeList, CodeListError, Lang, ListId};

/// The JSON files of the built-in lists, in [`ListId::ALL`] order.
const BUILTIN_JSON: [(ListId, &str); 14] = [
    (ListId::Commodity, include_str!("../../data/codelists/commodity.json")),
    (ListId::DetectionMethod, include_str!("../../data/codelists/detection_method.json")),
    (ListId::LocationType, include_str!("../../data/codelists/location_type.json")),
    (ListId::Direction, include_str!("../../data/codelists/direction.json")),
    (ListId::ConveyanceType, include_str!("../../data/codelists/conveyance_type.json")),
    (ListId::ConcealmentMethod, include_str!("../../data/codelists/concealment_method.json")),
    (ListId::Country, include_str!("../../data/codelists/country.json")),
    (ListId::Currency, include_str!("../../data/codelists/currency.json")),
    (ListId::Unit, include_str!("../../data/codelists/unit.json")),
    (ListId::PhotoKind, include_str!("../../data/codelists/photo_kind.json")),
    (ListId::Sex, include_str!("../../data/codelists/sex.json")),
    (ListId::IdentityDocumentType, include_str!("../../data/codelists/identity_document_type.json")),
    (ListId::CompanyRole, include_str!("../../data/codelists/company_role.json")),
    (ListId::WcoRegion, include_str!("../../data/codelists/wco_region.json")),
];

/// One checked [`CodeList`] per [`ListId`]: codes unique and well formed, parents present,
/// every label given in all seven languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Indexed by [`ListId::index`].
    lists: Vec<CodeList>,
}

impl Catalog {
    /// The built-in lists, parsed and checked once. The embedded data is checked by the crate's
    /// tests, so this cannot fail in a released build.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Catalog::builtin_checked().expect("embedded code lists are valid (checked by tests)")
        })
    }

    /// Parses and checks the built-in lists, reporting what is wrong instead of panicking.
    pub fn builtin_checked() -> Result<Catalog, CodeListError> {
        let lists =
            BUILTIN_JSON.iter().map(|&(id, json)| parse_list(id, json)).collect::<Result<Vec<_>, _>>()?;
        Catalog::from_lists(lists)
    }

    /// Builds a catalog from one list per [`ListId`], in any order, after checking them.
    pub fn from_lists(lists: Vec<CodeList>) -> Result<Catalog, CodeListError> {
        let mut slots: Vec<Option<CodeList>> = ListId::ALL.iter().map(|_| None).collect();
        for list in lists {
            check_list(&list)?;
            let id = list.id;
            let slot = &mut slots[id.index()];
            if slot.is_some() {
                return Err(CodeListError::DuplicateList { list: id });
            }
            *slot = Some(list);
        }
        let lists = slots
            .into_iter()
            .zip(ListId::ALL)
            .map(|(slot, id)| slot.ok_or(CodeListError::MissingList { list: id }))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Catalog { lists })
    }

    /// The list with this id.
    pub fn list(&self, id: ListId) -> &CodeList {
        &self.lists[id.index()]
    }

    /// Every list, in [`ListId::ALL`] order.
    pub fn lists(&self) -> impl Iterator<Item = &CodeList> {
        self.lists.iter()
    }
}

/// The embedded JSON text of every built-in list, for tests that inspect the raw files.
#[cfg(test)]
pub(crate) fn builtin_json() -> impl Iterator<Item = (ListId, &'static str)> {
    BUILTIN_JSON.into_iter()
}

/// Parses one list's JSON and checks that it is the list expected.
pub(crate) fn parse_list(expected: ListId, json: &str) -> Result<CodeList, CodeListError> {
    let list: CodeList =
        serde_json::from_str(json).map_err(|source| CodeListError::Parse { list: expected, source })?;
    if list.id != expected {
        return Err(CodeListError::WrongId { expected, found: list.id });
    }
    Ok(list)
}

/// Whether `code` is made of non-empty dot-separated segments of `A-Z`, `0-9` and `_`.
fn well_formed(code: &str) -> bool {
    code.split('.').all(|segment| {
        !segment.is_empty()
            && segment.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    })
}

/// Checks one list on its own: codes, labels and parents.
fn check_list(list: &CodeList) -> Result<(), CodeListError> {
    let id = list.id;
    let mut seen = HashSet::with_capacity(list.entries.len());
    for entry in &list.entries {
        let code = &entry.code;
        if !well_formed(code) {
            return Err(CodeListError::InvalidCode { list: id, code: code.clone() });
        }
        if !seen.insert(code.as_str()) {
            return Err(CodeListError::DuplicateCode { list: id, code: code.clone() });
        }
        for lang in Lang::ALL {
            if entry.labels.get(&lang).is_none_or(|l| l.trim().is_empty()) {
                return Err(CodeListError::MissingLabel { list: id, code: code.clone(), lang });
            }
        }
    }
    for entry in &list.entries {
        let Some(parent) = entry.parent.as_deref() else {
            continue;
        };
        if !seen.contains(parent) {
            return Err(CodeListError::MissingParent {
                list: id,
                code: entry.code.clone(),
                parent: parent.to_owned(),
            });
        }
        // The code extends its parent by one segment, which also rules out cycles.
        let extends = entry
            .code
            .strip_prefix(parent)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|rest| !rest.contains('.'));
        if !extends {
            return Err(CodeListError::NotUnderParent {
                list: id,
                code: entry.code.clone(),
                parent: parent.to_owned(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codelists::CodeEntry;

    fn entry(code: &str, parent: Option<&str>) -> CodeEntry {
        CodeEntry {
            code: code.to_owned(),
            labels: Lang::ALL.into_iter().map(|lang| (lang, format!("{code} {lang}"))).collect(),
            parent: parent.map(str::to_owned),
            hs_chapters: Vec::new(),
            deprecated: false,
            nominal: false,
        }
    }

    /// One minimal list per id; `commodity` gets the given entries.
    fn lists_with(commodity: Vec<CodeEntry>) -> Vec<CodeList> {
        ListId::ALL
            .into_iter()
            .map(|id| match id {
                ListId::Commodity => CodeList::new(id, 1, commodity.clone()),
                _ => CodeList::new(id, 1, vec![entry("OTHER", None)]),
            })
            .collect()
    }

    fn message(lists: Vec<CodeList>) -> String {
        match Catalog::from_lists(lists) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn accepts_a_consistent_set_in_any_order() {
        let mut lists = lists_with(vec![entry("DRUGS", None), entry("DRUGS.COCAINE", Some("DRUGS"))]);
        lists.reverse();
        let catalog = Catalog::from_lists(lists).expect("valid");
        for id in ListId::ALL {
            assert_eq!(catalog.list(id).id, id);
        }
        assert!(catalog.list(ListId::Commodity).is_valid("DRUGS.COCAINE"));
    }

    #[test]
    fn rejects_duplicate_codes_naming_them() {
        let msg = message(lists_with(vec![entry("DRUGS", None), entry("DRUGS", None)]));
        assert!(msg.contains("commodity") && msg.contains("\"DRUGS\""), "{msg}");
        assert!(msg.contains("more than once"), "{msg}");
    }

    #[test]
    fn rejects_missing_parents_naming_them() {
        let msg = message(lists_with(vec![entry("DRUGS.HEROIN", Some("DRUGS"))]));
        assert!(msg.contains("commodity"), "{msg}");
        assert!(msg.contains("\"DRUGS.HEROIN\"") && msg.contains("\"DRUGS\""), "{msg}");
    }

    #[test]
    fn rejects_codes_not_under_their_parent() {
        let lists = lists_with(vec![entry("DRUGS", None), entry("HEROIN", Some("DRUGS"))]);
        assert!(matches!(Catalog::from_lists(lists), Err(CodeListError::NotUnderParent { .. })));
        let lists = lists_with(vec![entry("DRUGS", Some("DRUGS"))]);
        assert!(matches!(Catalog::from_lists(lists), Err(CodeListError::NotUnderParent { .. })));
    }

    #[test]
    fn rejects_missing_or_blank_labels() {
        let mut blank = entry("DRUGS", None);
        blank.labels.insert(Lang::Ar, "  ".to_owned());
        let msg = message(lists_with(vec![blank]));
        assert!(msg.contains("\"DRUGS\"") && msg.contains("ar label"), "{msg}");
        let mut missing = entry("DRUGS", None);
        missing.labels.remove(&Lang::Ru);
        assert!(matches!(
            Catalog::from_lists(lists_with(vec![missing])),
            Err(CodeListError::MissingLabel { lang: Lang::Ru, .. })
        ));
    }

    #[test]
    fn rejects_malformed_codes() {
        for code in ["", "drugs", "DRUGS.", ".DRUGS", "DRUGS..X", "DRUGS X"] {
            let lists = lists_with(vec![entry(code, None)]);
            assert!(matches!(Catalog::from_lists(lists), Err(CodeListError::InvalidCode { .. })), "{code:?}");
        }
    }

    #[test]
    fn rejects_missing_and_duplicate_lists() {
        let mut lists = lists_with(vec![entry("DRUGS", None)]);
        lists.retain(|l| l.id != ListId::Unit);
        assert!(message(lists).contains("code list unit is missing"));
        let mut lists = lists_with(vec![entry("DRUGS", None)]);
        lists.push(CodeList::new(ListId::Sex, 2, vec![entry("MALE", None)]));
        assert!(message(lists).contains("code list sex is given more than once"));
    }

    #[test]
    fn parse_list_checks_the_id() {
        let json = r#"{"id":"sex","version":1,"entries":[]}"#;
        assert!(matches!(
            parse_list(ListId::Unit, json),
            Err(CodeListError::WrongId { expected: ListId::Unit, found: ListId::Sex })
        ));
        let err = parse_list(ListId::Unit, "{").expect_err("bad json");
        assert!(err.to_string().starts_with("code list unit: cannot parse"));
    }
}

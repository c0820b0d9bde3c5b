//! One versioned code list: its entries, their labels and O(1) lookup by code.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Lang, ListId};

/// One value of a code list: a stable code and its label in every [`Lang`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeEntry {
    /// Stable code stored in records (`DRUGS.COCAINE`, `NL`, `KGM`); never reused.
    pub code: String,
    /// Label per language; a catalog guarantees all seven are present and non-empty.
    pub labels: BTreeMap<Lang, String>,
    /// The broader entry in a hierarchical list; its code is this code's prefix before the
    /// last dot.
    #[serde(default)]
    pub parent: Option<String>,
    /// Harmonized System chapters (two digits) where the category maps onto them.
    #[serde(default)]
    pub hs_chapters: Vec<String>,
    /// Kept so that old records still resolve, but not offered for new records.
    #[serde(default)]
    pub deprecated: bool,
    /// Marks a value that makes the data it qualifies nominal (about an identified person).
    #[serde(default)]
    pub nominal: bool,
}

impl CodeEntry {
    /// The label in `lang`, or the English one if that language is missing.
    pub fn label(&self, lang: Lang) -> Option<&str> {
        self.labels.get(&lang).or_else(|| self.labels.get(&Lang::En)).map(String::as_str)
    }
}

/// A versioned code list. Deserialising one builds its lookup index; after changing
/// `entries` by hand, call [`CodeList::reindex`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(from = "CodeListData")]
pub struct CodeList {
    pub id: ListId,
    /// Raised by the hub at every change; entries are only added or deprecated, never removed.
    pub version: u32,
    pub entries: Vec<CodeEntry>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// Lists are equal when their id, version and entries are; the index is derived from them.
impl PartialEq for CodeList {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.version == other.version && self.entries == other.entries
    }
}

/// The serialised form of a [`CodeList`], without its index.
#[derive(Deserialize)]
struct CodeListData {
    id: ListId,
    version: u32,
    entries: Vec<CodeEntry>,
}

impl From<CodeListData> for CodeList {
    fn from(data: CodeListData) -> Self {
        CodeList::new(data.id, data.version, data.entries)
    }
}

impl CodeList {
    /// A list with its lookup index built. Duplicate codes resolve to their first entry; a
    /// [`Catalog`](super::Catalog) rejects them.
    pub fn new(id: ListId, version: u32, entries: Vec<CodeEntry>) -> Self {
        let mut list = CodeList { id, version, entries, index: HashMap::new() };
        list.reindex();
        list
    }

    /// Rebuilds the lookup index after `entries` were changed directly.
    pub fn reindex(&mut self) {
        self.index.clear();
        self.index.reserve(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            self.index.entry(entry.code.clone()).or_insert(i);
        }
    }

    /// The entry with this code, deprecated or not (old records must still resolve).
    pub fn get(&self, code: &str) -> Option<&CodeEntry> {
        match self.index.get(code).and_then(|&i| self.entries.get(i)) {
            Some(entry) if entry.code == code => Some(entry),
            // A stale index (entries changed without `reindex`): fall back to a scan.
            _ if self.index.len() != self.entries.len() || self.index.contains_key(code) => {
                self.entries.iter().find(|e| e.code == code)
            }
            _ => None,
        }
    }

    /// Whether new records may use this code: it exists and is not deprecated.
    pub fn is_valid(&self, code: &str) -> bool {
        self.get(code).is_some_and(|entry| !entry.deprecated)
    }

    /// The label of `code` in `lang` (English if that language is missing).
    pub fn label(&self, code: &str, lang: Lang) -> Option<&str> {
        self.get(code).and_then(|entry| entry.label(lang))
    }

    /// The direct children of `code` in a hierarchical list, in list order.
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a CodeEntry> {
        self.entries.iter().filter(move |entry| entry.parent.as_deref() == Some(code))
    }

    /// The top-level entries (those without a parent), in list order.
    pub fn roots(&self) -> impl Iterator<Item = &CodeEntry> {
        self.entries.iter().filter(|entry| entry.parent.is_none())
    }

    /// Whether `code` is `ancestor` or lies below it, following parents (so a search for
    /// `DRUGS` also matches `DRUGS.COCAINE`). False when either code is unknown.
    pub fn is_within(&self, code: &str, ancestor: &str) -> bool {
        let mut current = self.get(code);
        // A catalog rules out cycles; the bound keeps a hand-made list from looping.
        for _ in 0..=self.entries.len() {
            match current {
                Some(entry) if entry.code == ancestor => return true,
                Some(entry) => current = entry.parent.as_deref().and_then(|p| self.get(p)),
                None => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &str, parent: Option<&str>) -> CodeEntry {
        CodeEntry {
            code: code.to_owned(),
            labels: Lang::ALL.into_iter().map(|lang| (lang, format!("{code} ({lang})"))).collect(),
            parent: parent.map(str::to_owned),
            hs_chapters: Vec::new(),
            deprecated: false,
            nominal: false,
        }
    }

    fn sample() -> CodeList {
        let mut old = entry("DRUGS.OLD", Some("DRUGS"));
        old.deprecated = true;
        CodeList::new(
            ListId::Commodity,
            3,
            vec![
                entry("DRUGS", None),
                entry("DRUGS.COCAINE", Some("DRUGS")),
                entry("DRUGS.CANNABIS", Some("DRUGS")),
                entry("DRUGS.CANNABIS.RESIN", Some("DRUGS.CANNABIS")),
                old,
                entry("OTHER", None),
            ],
        )
    }

    #[test]
    fn lookup_labels_and_validity() {
        let list = sample();
        assert_eq!(list.label("DRUGS.COCAINE", Lang::Ar), Some("DRUGS.COCAINE (ar)"));
        assert!(list.is_valid("DRUGS.COCAINE"));
        assert!(list.get("DRUGS.OLD").is_some());
        assert!(!list.is_valid("DRUGS.OLD"));
        assert!(!list.is_valid("drugs.cocaine"));
        assert_eq!(list.get("NOPE"), None);
    }

    #[test]
    fn label_falls_back_to_english() {
        let mut list = sample();
        list.entries[0].labels.remove(&Lang::De);
        assert_eq!(list.label("DRUGS", Lang::De), Some("DRUGS (en)"));
    }

    #[test]
    fn hierarchy() {
        let list = sample();
        let children: Vec<&str> = list.children("DRUGS").map(|e| e.code.as_str()).collect();
        assert_eq!(children, ["DRUGS.COCAINE", "DRUGS.CANNABIS", "DRUGS.OLD"]);
        let roots: Vec<&str> = list.roots().map(|e| e.code.as_str()).collect();
        assert_eq!(roots, ["DRUGS", "OTHER"]);
        assert!(list.is_within("DRUGS.CANNABIS.RESIN", "DRUGS"));
        assert!(list.is_within("DRUGS", "DRUGS"));
        assert!(!list.is_within("DRUGS", "DRUGS.CANNABIS"));
        assert!(!list.is_within("OTHER", "DRUGS"));
        assert!(!list.is_within("NOPE", "DRUGS"));
    }

    #[test]
    fn stale_index_still_finds_entries() {
        let mut list = sample();
        let fresh = list.clone();
        list.index.clear();
        assert_eq!(list, fresh, "the index takes no part in equality");
        list.reindex();
        list.entries.push(entry("NEW", None));
        assert!(list.is_valid("NEW"));
        list.entries[0].code = "RENAMED".to_owned();
        assert!(list.get("DRUGS").is_none());
        list.reindex();
        assert!(list.is_valid("RENAMED"));
    }

    #[test]
    fn json_round_trip_rebuilds_the_index() {
        let list = sample();
        let json = serde_json::to_string(&list).expect("serialise");
        assert!(!json.contains("index"));
        let back: CodeList = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, list);
        assert!(back.is_valid("DRUGS.CANNABIS.RESIN"));
    }

    #[test]
    fn optional_fields_default() {
        let json = r#"{"id":"sex","version":1,"entries":[{"code":"MALE","labels":{"en":"Male"}}]}"#;
        let list: CodeList = serde_json::from_str(json).expect("deserialise");
        let male = list.get("MALE").expect("MALE");
        assert_eq!(male.parent, None);
        assert!(male.hs_chapters.is_empty());
        assert!(!male.deprecated && !male.nominal);
    }
}

//! A release of one code list as the WCO hub signs it (MISSION B5), the changes the hub operator
//! makes to a list, and the rule a member checks before taking a release: a higher version that
//! keeps every code, changing only labels and turning `deprecated` on.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalog::check_list;
use super::{CodeEntry, CodeList, CodeListError, Lang, ListId};
use crate::cbor::{self, Limits};
use crate::envelope::{self, EnvelopeError};

pub const CONTENT_TYPE_CODE_LIST: &str = "application/ncen-code-list+cbor";
pub const RELEASE_FORMAT: u8 = 1;
/// Largest signed release accepted (the country list, the largest, is about 100 KiB).
pub const MAX_RELEASE_BYTES: usize = 1 << 20;
/// Most entries one list may hold.
pub const MAX_ENTRIES: usize = 5_000;
/// Longest code, in bytes.
pub const MAX_CODE_BYTES: usize = 64;
/// Longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 200;

/// One version of one code list, signed by the hub.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeListRelease {
    pub format: u8,
    pub list: ListId,
    pub version: u32,
    pub issued_at_ms: i64,
    pub entries: Vec<CodeEntry>,
}

/// A change the hub operator makes to one list; each makes a new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// A new value with its label in all seven languages.
    AddValue {
        code: String,
        labels: BTreeMap<Lang, String>,
        #[serde(default)]
        parent: Option<String>,
        #[serde(default)]
        hs_chapters: Vec<String>,
        #[serde(default)]
        nominal: bool,
    },
    /// A label in one language, new or corrected.
    SetLabel { code: String, lang: Lang, label: String },
    /// The value stays (old records keep it) but new records may no longer use it.
    Deprecate { code: String },
}

/// Why a release or a change is refused; each names the list and the code.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error(transparent)]
    List(#[from] CodeListError),
    #[error("the release is of code list {found}, not {expected}")]
    WrongList { expected: ListId, found: ListId },
    #[error("code list {list}: version {got} is not newer than version {have}")]
    NotNewer { list: ListId, have: u32, got: u32 },
    #[error("code list {list}: code {code:?} was removed; codes are never removed")]
    Removed { list: ListId, code: String },
    #[error("code list {list}: code {code:?} changed its {what}; only labels and deprecation may change")]
    Changed { list: ListId, code: String, what: &'static str },
    #[error("code list {list}: code {code:?} is deprecated and cannot come back")]
    Undeprecated { list: ListId, code: String },
    #[error("code list {list}: no code {code:?}")]
    UnknownCode { list: ListId, code: String },
    #[error("code list {list}: code {code:?} already exists")]
    Exists { list: ListId, code: String },
    #[error("code list {list}: code {code:?} is already deprecated")]
    AlreadyDeprecated { list: ListId, code: String },
    #[error("code list {list}: code {code:?} is longer than {MAX_CODE_BYTES} bytes")]
    CodeTooLong { list: ListId, code: String },
    #[error("code list {list}: code {code:?} has a {lang} label longer than {MAX_LABEL_CHARS} characters")]
    LabelTooLong { list: ListId, code: String, lang: Lang },
    #[error("code list {list}: code {code:?}: HS chapter {chapter:?} is not two digits")]
    BadHsChapter { list: ListId, code: String, chapter: String },
    #[error("code list {list} would hold more than {MAX_ENTRIES} entries")]
    TooMany { list: ListId },
    #[error("release format {0} unsupported")]
    Format(u8),
}

impl CodeListRelease {
    /// The release of `list` as it stands.
    pub fn of(list: &CodeList, issued_at_ms: i64) -> Self {
        CodeListRelease {
            format: RELEASE_FORMAT,
            list: list.id,
            version: list.version,
            issued_at_ms,
            entries: list.entries.clone(),
        }
    }

    /// The list this release describes.
    pub fn to_list(&self) -> CodeList {
        CodeList::new(self.list, self.version, self.entries.clone())
    }

    pub fn sign(&self, key: &ed25519_dalek::SigningKey, hub_peer_id: &str) -> Result<Vec<u8>, EnvelopeError> {
        let payload = cbor::to_vec(self).map_err(|e| EnvelopeError::Encode(e.to_string()))?;
        envelope::sign(key, hub_peer_id.as_bytes(), CONTENT_TYPE_CODE_LIST, &payload)
    }

    /// Verifies a release signed by the hub whose PeerId is `hub_peer_id`, under size and
    /// depth limits; the list itself is checked by [`check_successor`].
    pub fn verify(
        signed: &[u8],
        hub_key: &ed25519_dalek::VerifyingKey,
        hub_peer_id: &str,
    ) -> Result<CodeListRelease, EnvelopeError> {
        let verified = envelope::verify_from(signed, hub_key, hub_peer_id.as_bytes(), MAX_RELEASE_BYTES)?;
        if verified.content_type.as_deref() != Some(CONTENT_TYPE_CODE_LIST) {
            return Err(EnvelopeError::Malformed("not a code list release".into()));
        }
        let release: CodeListRelease =
            cbor::from_slice(&verified.payload, Limits { max_bytes: MAX_RELEASE_BYTES, max_depth: 8 })
                .map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
        if release.format != RELEASE_FORMAT {
            return Err(EnvelopeError::Malformed(format!("release format {} unsupported", release.format)));
        }
        Ok(release)
    }
}

/// Checks the bounds a list must keep beyond the catalog's own checks.
fn check_bounds(list: &CodeList) -> Result<(), ReleaseError> {
    let id = list.id;
    if list.entries.len() > MAX_ENTRIES {
        return Err(ReleaseError::TooMany { list: id });
    }
    for entry in &list.entries {
        let code = || entry.code.clone();
        if entry.code.len() > MAX_CODE_BYTES {
            return Err(ReleaseError::CodeTooLong { list: id, code: code() });
        }
        for (lang, label) in &entry.labels {
            if label.chars().count() > MAX_LABEL_CHARS {
                return Err(ReleaseError::LabelTooLong { list: id, code: code(), lang: *lang });
            }
        }
        for chapter in &entry.hs_chapters {
            if chapter.len() != 2 || !chapter.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ReleaseError::BadHsChapter { list: id, code: code(), chapter: chapter.clone() });
            }
        }
    }
    Ok(())
}

/// Whether `next` may follow `prev`: the same list, a higher version, every code kept with its
/// parent, HS chapters and nominal flag; labels may change and `deprecated` may turn on, never
/// off; new codes may be added; and the whole list passes the catalog's checks.
pub fn check_successor(prev: &CodeList, next: &CodeList) -> Result<(), ReleaseError> {
    let id = prev.id;
    if next.id != id {
        return Err(ReleaseError::WrongList { expected: id, found: next.id });
    }
    if next.version <= prev.version {
        return Err(ReleaseError::NotNewer { list: id, have: prev.version, got: next.version });
    }
    check_list(next)?;
    check_bounds(next)?;
    for old in &prev.entries {
        let code = || old.code.clone();
        let Some(new) = next.get(&old.code) else {
            return Err(ReleaseError::Removed { list: id, code: code() });
        };
        if new.parent != old.parent {
            return Err(ReleaseError::Changed { list: id, code: code(), what: "parent" });
        }
        if new.hs_chapters != old.hs_chapters {
            return Err(ReleaseError::Changed { list: id, code: code(), what: "HS chapters" });
        }
        if new.nominal != old.nominal {
            return Err(ReleaseError::Changed { list: id, code: code(), what: "nominal flag" });
        }
        if old.deprecated && !new.deprecated {
            return Err(ReleaseError::Undeprecated { list: id, code: code() });
        }
    }
    Ok(())
}

/// The next version of `list` after `change`, checked against `list` by [`check_successor`].
pub fn apply_change(list: &CodeList, change: &Change) -> Result<CodeList, ReleaseError> {
    let id = list.id;
    let mut entries = list.entries.clone();
    let position = |code: &str| {
        entries
            .iter()
            .position(|e| e.code == code)
            .ok_or_else(|| ReleaseError::UnknownCode { list: id, code: code.to_owned() })
    };
    match change {
        Change::AddValue { code, labels, parent, hs_chapters, nominal } => {
            if list.get(code).is_some() {
                return Err(ReleaseError::Exists { list: id, code: code.clone() });
            }
            let labels = labels.iter().map(|(lang, l)| (*lang, l.trim().to_owned())).collect();
            entries.push(CodeEntry {
                code: code.clone(),
                labels,
                parent: parent.clone(),
                hs_chapters: hs_chapters.clone(),
                deprecated: false,
                nominal: *nominal,
            });
        }
        Change::SetLabel { code, lang, label } => {
            let i = position(code)?;
            entries[i].labels.insert(*lang, label.trim().to_owned());
        }
        Change::Deprecate { code } => {
            let i = position(code)?;
            if entries[i].deprecated {
                return Err(ReleaseError::AlreadyDeprecated { list: id, code: code.clone() });
            }
            entries[i].deprecated = true;
        }
    }
    let version = list.version.checked_add(1).ok_or(ReleaseError::NotNewer {
        list: id,
        have: list.version,
        got: list.version,
    })?;
    let next = CodeList::new(id, version, entries);
    check_successor(list, &next)?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codelists::Catalog;

    fn labels(text: &str) -> BTreeMap<Lang, String> {
        Lang::ALL.into_iter().map(|l| (l, format!("{text} ({l})"))).collect()
    }

    fn commodity() -> CodeList {
        Catalog::builtin().list(ListId::Commodity).clone()
    }

    fn add(code: &str, parent: Option<&str>) -> Change {
        Change::AddValue {
            code: code.into(),
            labels: labels(code),
            parent: parent.map(str::to_owned),
            hs_chapters: vec!["29".into()],
            nominal: false,
        }
    }

    #[test]
    fn add_label_and_deprecate_make_new_versions() {
        let v1 = commodity();
        let v2 = apply_change(&v1, &add("DRUGS.NITAZENES", Some("DRUGS"))).expect("add");
        assert_eq!(v2.version, v1.version + 1);
        assert!(v2.is_valid("DRUGS.NITAZENES"));
        let set =
            Change::SetLabel { code: "DRUGS.NITAZENES".into(), lang: Lang::Fr, label: " Nitazènes ".into() };
        let v3 = apply_change(&v2, &set).expect("label");
        assert_eq!(v3.label("DRUGS.NITAZENES", Lang::Fr), Some("Nitazènes"));
        let v4 = apply_change(&v3, &Change::Deprecate { code: "DRUGS.COCAINE".into() }).expect("deprecate");
        assert!(v4.get("DRUGS.COCAINE").is_some() && !v4.is_valid("DRUGS.COCAINE"));
        assert!(check_successor(&v1, &v4).is_ok());
    }

    #[test]
    fn refuses_bad_changes_naming_the_code() {
        let v1 = commodity();
        let err = |c: Change| apply_change(&v1, &c).expect_err("refused").to_string();
        assert!(err(add("DRUGS.COCAINE", Some("DRUGS"))).contains("already exists"));
        assert!(err(add("drugs.x", None)).contains("invalid code"));
        assert!(err(add("NOPE.X", Some("NOPE"))).contains("\"NOPE\""));
        let mut missing = labels("X");
        missing.remove(&Lang::Ar);
        let no_ar = Change::AddValue {
            code: "DRUGS.X".into(),
            labels: missing,
            parent: Some("DRUGS".into()),
            hs_chapters: vec![],
            nominal: false,
        };
        assert!(err(no_ar).contains("ar label"));
        let blank = Change::SetLabel { code: "DRUGS.COCAINE".into(), lang: Lang::De, label: "  ".into() };
        assert!(err(blank).contains("de label"));
        assert!(err(Change::Deprecate { code: "NOPE".into() }).contains("no code \"NOPE\""));
        let long = Change::SetLabel { code: "DRUGS.COCAINE".into(), lang: Lang::En, label: "x".repeat(201) };
        assert!(err(long).contains("longer than"));
    }

    #[test]
    fn successor_rule() {
        let v1 = commodity();
        let mut same = v1.clone();
        assert!(matches!(check_successor(&v1, &same), Err(ReleaseError::NotNewer { .. })));
        same.version += 1;
        assert!(check_successor(&v1, &same).is_ok());
        let mut removed = same.clone();
        removed.entries.retain(|e| e.code != "DRUGS.HEROIN");
        removed.reindex();
        assert!(matches!(check_successor(&v1, &removed), Err(ReleaseError::Removed { .. })));
        let mut moved = same.clone();
        moved.entries.iter_mut().filter(|e| e.code == "DRUGS").for_each(|e| e.nominal = true);
        assert!(matches!(check_successor(&v1, &moved), Err(ReleaseError::Changed { .. })));
        let v2 = apply_change(&v1, &Change::Deprecate { code: "DRUGS.HEROIN".into() }).expect("deprecate");
        let mut back = v2.clone();
        back.version += 1;
        back.entries.iter_mut().for_each(|e| e.deprecated = false);
        assert!(matches!(check_successor(&v2, &back), Err(ReleaseError::Undeprecated { .. })));
        let other = Catalog::builtin().list(ListId::Unit).clone();
        assert!(matches!(check_successor(&v1, &other), Err(ReleaseError::WrongList { .. })));
    }

    #[test]
    fn signed_release_round_trips_and_refuses_another_key() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let release = CodeListRelease::of(&commodity(), 1);
        let signed = release.sign(&key, "hub").expect("sign");
        let back = CodeListRelease::verify(&signed, &key.verifying_key(), "hub").expect("verify");
        assert_eq!(back, release);
        let other = ed25519_dalek::SigningKey::from_bytes(&[8; 32]);
        assert!(CodeListRelease::verify(&signed, &other.verifying_key(), "hub").is_err());
        assert!(CodeListRelease::verify(&signed, &key.verifying_key(), "another").is_err());
        assert!(CodeListRelease::verify(&signed[..signed.len() - 1], &key.verifying_key(), "hub").is_err());
    }
}

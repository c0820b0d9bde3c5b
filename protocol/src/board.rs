//! Publications, the library and the forum (MISSION C5, C6): what the hub publishes (alerts,
//! analytical reports, bulletins, library documents), signed by the hub, and what users of the
//! members write in the forum, signed by the author's node. Both travel in the hub's board log
//! (policy "directory"). Everything here is data and its checks: no I/O.

use serde::{Deserialize, Serialize};

use crate::cbor::{self, Limits};
use crate::codelists::{Catalog, ListId};
use crate::envelope::{self, EnvelopeError};
use crate::model::RecordId;
use crate::operation::{Attachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_ATTACHMENTS_BYTES};
use crate::record::is_administration_code;
use crate::validate::{FieldError, ValidationErrors};

/// Version of the signed board payloads.
pub const BOARD_FORMAT: u8 = 1;
/// Content type of a signed [`Publication`].
pub const CONTENT_TYPE_PUBLICATION: &str = "application/ncen-publication+cbor";
/// Content type of a signed [`ForumPost`].
pub const CONTENT_TYPE_POST: &str = "application/ncen-forum-post+cbor";
/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest publication text, in characters.
pub const MAX_PUBLICATION_TEXT: usize = 20_000;
/// Longest forum post, in characters.
pub const MAX_POST_TEXT: usize = 8_000;
/// Most target regions or commodities of one publication.
pub const MAX_TARGETS: usize = 50;
/// Largest signed publication (its files and text, with room for the envelope).
pub const MAX_PUBLICATION_BYTES: usize = MAX_ATTACHMENTS_BYTES + (256 << 10);
/// Largest signed forum post (well under the wire's request limit).
pub const MAX_POST_BYTES: usize = 64 << 10;
/// Languages a publication may be written in (the UI's seven).
pub const LANGUAGES: [&str; 7] = ["en", "fr", "es", "pt", "ru", "de", "ar"];

/// What the hub publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicationKind {
    /// An urgent warning to members.
    Alert,
    /// An analytical report.
    Report,
    /// A periodic bulletin.
    Bulletin,
    /// A document of the library (a user guide, a manual, a reference).
    Document,
}

impl PublicationKind {
    pub const ALL: [PublicationKind; 4] = [
        PublicationKind::Alert,
        PublicationKind::Report,
        PublicationKind::Bulletin,
        PublicationKind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PublicationKind::Alert => "alert",
            PublicationKind::Report => "report",
            PublicationKind::Bulletin => "bulletin",
            PublicationKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<PublicationKind> {
        PublicationKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A publication as the hub signs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub format: u8,
    pub id: RecordId,
    pub kind: PublicationKind,
    /// One of [`LANGUAGES`].
    pub language: String,
    pub title: String,
    pub body: String,
    /// Countries (ISO 3166-1 alpha-2) or WCO regions the publication is about; empty for all.
    pub regions: Vec<String>,
    /// Commodity codes the publication is about; empty for all.
    pub commodities: Vec<String>,
    /// Files, at most [`MAX_ATTACHMENTS`], bounded like CENcomm's.
    pub attachments: Vec<Attachment>,
    /// The hub user who published it.
    pub author: String,
    pub published_at_ms: i64,
}

/// One post of a forum thread, as the author's node signs it. The first post of a thread has
/// `id == thread` and a title; replies have no title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumPost {
    pub format: u8,
    pub thread: RecordId,
    pub id: RecordId,
    /// The thread's title (first post only).
    #[serde(default)]
    pub title: String,
    /// The author's administration: the node that signs the post.
    pub author_administration: String,
    /// The author's username at that node, for display.
    pub author_name: String,
    pub body: String,
    #[serde(default)]
    pub in_reply_to: Option<RecordId>,
    pub posted_at_ms: i64,
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: &str, value: Option<&str>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            value: value.map(|v| v.chars().take(80).collect()),
            message: message.into(),
        });
    }

    fn text(&mut self, field: &str, value: &str, max: usize, required: bool) {
        if required && value.trim().is_empty() {
            self.push(field, None, "is required");
        } else if value.chars().count() > max {
            self.push(field, None, format!("is longer than {max} characters"));
        }
    }

    fn done(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(ValidationErrors(self.0)) }
    }
}

impl Publication {
    /// Checks every field: kind-independent texts, language, target codes against the code
    /// lists, and the files (count, sizes, names, media types, SHA-256).
    pub fn check(&self, catalog: &Catalog) -> Result<(), ValidationErrors> {
        let mut e = Errors(Vec::new());
        if self.format != BOARD_FORMAT {
            e.push("format", None, format!("format {} unsupported", self.format));
        }
        e.text("title", &self.title, MAX_TITLE, true);
        e.text("body", &self.body, MAX_PUBLICATION_TEXT, true);
        if !LANGUAGES.contains(&self.language.as_str()) {
            e.push("language", Some(&self.language), format!("is one of {}", LANGUAGES.join(", ")));
        }
        for (field, list, codes) in [
            ("regions", ListId::Country, &self.regions),
            ("commodities", ListId::Commodity, &self.commodities),
        ] {
            if codes.len() > MAX_TARGETS {
                e.push(field, None, format!("at most {MAX_TARGETS} codes"));
                continue;
            }
            for (i, code) in codes.iter().enumerate() {
                // A target region is a country or a WCO region.
                let known = catalog.list(list).get(code).is_some()
                    || (list == ListId::Country && catalog.list(ListId::WcoRegion).get(code).is_some());
                if !known {
                    e.push(
                        &format!("{field}[{i}]"),
                        Some(code),
                        format!("is not in code list `{}`", list.name()),
                    );
                }
            }
        }
        e.text("author", &self.author, 64, true);
        check_files(&mut e, &self.attachments);
        e.done()
    }

    /// Signs the publication with the hub's key; the key id is the hub's PeerId.
    pub fn sign(&self, key: &ed25519_dalek::SigningKey, hub_peer_id: &str) -> Result<Vec<u8>, EnvelopeError> {
        let payload = cbor::to_vec(self).map_err(|e| EnvelopeError::Encode(e.to_string()))?;
        envelope::sign(key, hub_peer_id.as_bytes(), CONTENT_TYPE_PUBLICATION, &payload)
    }

    /// Verifies a publication signed by the hub whose PeerId is `hub_peer_id`, and decodes it
    /// with limits.
    pub fn verify(
        signed: &[u8],
        hub_key: &ed25519_dalek::VerifyingKey,
        hub_peer_id: &str,
    ) -> Result<Publication, EnvelopeError> {
        let v = envelope::verify_from(signed, hub_key, hub_peer_id.as_bytes(), MAX_PUBLICATION_BYTES)?;
        if v.content_type.as_deref() != Some(CONTENT_TYPE_PUBLICATION) {
            return Err(EnvelopeError::Malformed("not a publication".into()));
        }
        decode(&v.payload, MAX_PUBLICATION_BYTES)
    }

    /// A publication this node signed or verified before.
    pub fn read_trusted(signed: &[u8]) -> Result<Publication, EnvelopeError> {
        decode(&envelope::payload_unverified(signed, MAX_PUBLICATION_BYTES)?, MAX_PUBLICATION_BYTES)
    }
}

impl ForumPost {
    /// Checks every field of the post.
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut e = Errors(Vec::new());
        if self.format != BOARD_FORMAT {
            e.push("format", None, format!("format {} unsupported", self.format));
        }
        let first = self.thread == self.id;
        e.text("title", &self.title, MAX_TITLE, first);
        if !first && !self.title.is_empty() {
            e.push("title", None, "only the first post of a thread has a title");
        }
        if first && self.in_reply_to.is_some() {
            e.push("in_reply_to", None, "the first post of a thread answers nothing");
        }
        e.text("body", &self.body, MAX_POST_TEXT, true);
        e.text("author_name", &self.author_name, 64, true);
        if !is_administration_code(&self.author_administration) {
            e.push("author_administration", Some(&self.author_administration), "is an administration's code");
        }
        e.done()
    }

    /// Signs the post with the author's node key; the key id is that node's PeerId.
    pub fn sign(&self, key: &ed25519_dalek::SigningKey, peer_id: &str) -> Result<Vec<u8>, EnvelopeError> {
        let payload = cbor::to_vec(self).map_err(|e| EnvelopeError::Encode(e.to_string()))?;
        envelope::sign(key, peer_id.as_bytes(), CONTENT_TYPE_POST, &payload)
    }

    /// Verifies a post signed by the node whose PeerId is `peer_id` (key `key`).
    pub fn verify(
        signed: &[u8],
        key: &ed25519_dalek::VerifyingKey,
        peer_id: &str,
    ) -> Result<ForumPost, EnvelopeError> {
        let v = envelope::verify_from(signed, key, peer_id.as_bytes(), MAX_POST_BYTES)?;
        if v.content_type.as_deref() != Some(CONTENT_TYPE_POST) {
            return Err(EnvelopeError::Malformed("not a forum post".into()));
        }
        decode(&v.payload, MAX_POST_BYTES)
    }

    /// A post this node signed or verified before.
    pub fn read_trusted(signed: &[u8]) -> Result<ForumPost, EnvelopeError> {
        decode(&envelope::payload_unverified(signed, MAX_POST_BYTES)?, MAX_POST_BYTES)
    }
}

fn decode<T: serde::de::DeserializeOwned>(payload: &[u8], max_bytes: usize) -> Result<T, EnvelopeError> {
    cbor::from_slice(payload, Limits { max_bytes, max_depth: 16 })
        .map_err(|e| EnvelopeError::Malformed(e.to_string()))
}

/// What a board entry holds, from its envelope's content type (read before verifying, to pick
/// the rules; the verification that follows checks it again from the protected header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Publication,
    Post,
}

/// The kind of a board envelope and its signer's key id, unverified.
pub fn peek(signed: &[u8]) -> Result<(EntryKind, String), EnvelopeError> {
    let kid = envelope::peek_kid(signed, MAX_PUBLICATION_BYTES)?;
    let kid =
        String::from_utf8(kid).map_err(|_| EnvelopeError::Malformed("key id is not a PeerId".into()))?;
    // The content type is in the protected header; a verification with any key tells it.
    let kind = match envelope::content_type_unverified(signed, MAX_PUBLICATION_BYTES)?.as_deref() {
        Some(CONTENT_TYPE_PUBLICATION) => EntryKind::Publication,
        Some(CONTENT_TYPE_POST) => EntryKind::Post,
        _ => return Err(EnvelopeError::Malformed("neither a publication nor a forum post".into())),
    };
    Ok((kind, kid))
}

fn check_files(e: &mut Errors, files: &[Attachment]) {
    if files.len() > MAX_ATTACHMENTS {
        e.push("attachments", None, format!("at most {MAX_ATTACHMENTS} files"));
    }
    let total: usize = files.iter().map(|a| a.bytes.len()).sum();
    if total > MAX_ATTACHMENTS_BYTES {
        e.push("attachments", None, format!("at most {} MiB in all", MAX_ATTACHMENTS_BYTES >> 20));
    }
    for (i, a) in files.iter().enumerate() {
        let at = format!("attachments[{i}]");
        if a.name.trim().is_empty() || a.name.chars().count() > 200 || a.name.contains(['/', '\\', '\0']) {
            e.push(&at, Some(&a.name), "needs a file name of at most 200 characters without a path");
        }
        if a.bytes.is_empty() || a.bytes.len() > MAX_ATTACHMENT_BYTES {
            e.push(&at, Some(&a.name), format!("must hold 1 byte to {} MiB", MAX_ATTACHMENT_BYTES >> 20));
        }
        if !a.is_photo() && a.media_type != "application/octet-stream" && a.media_type != "application/pdf" {
            e.push(
                &at,
                Some(&a.media_type),
                "is image/jpeg, image/png, application/pdf or application/octet-stream",
            );
        }
        if hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&a.bytes)) != a.sha256 {
            e.push(&at, Some(&a.name), "does not match its SHA-256");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::from_bytes(&[7; 32])
    }

    fn publication() -> Publication {
        Publication {
            format: BOARD_FORMAT,
            id: uuid::Uuid::now_v7(),
            kind: PublicationKind::Alert,
            language: "en".into(),
            title: "Cocaine in banana boxes".into(),
            body: "Reefers from Guayaquil".into(),
            regions: vec!["EC".into(), "NL".into(), "EUROPE".into()],
            commodities: vec!["DRUGS.COCAINE".into()],
            attachments: Vec::new(),
            author: "analyst".into(),
            published_at_ms: 1,
        }
    }

    type R = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_publication_signs_verifies_and_checks() -> R {
        let p = publication();
        assert_eq!(p.check(Catalog::builtin()), Ok(()));
        let signed = p.sign(&key(), "HUB")?;
        assert_eq!(peek(&signed)?, (EntryKind::Publication, "HUB".to_owned()));
        assert_eq!(Publication::verify(&signed, &key().verifying_key(), "HUB")?, p);
        assert!(Publication::verify(&signed, &key().verifying_key(), "OTHER").is_err());
        let other = ed25519_dalek::SigningKey::from_bytes(&[8; 32]);
        assert!(Publication::verify(&signed, &other.verifying_key(), "HUB").is_err());
        assert!(
            ForumPost::verify(&signed, &key().verifying_key(), "HUB").is_err(),
            "a publication is no post"
        );
        Ok(())
    }

    #[test]
    fn bad_publications_name_their_fields() {
        let mut p = publication();
        p.title = String::new();
        p.language = "xx".into();
        p.regions = vec!["ZZ".into()];
        p.commodities = vec!["DRUGS.UNOBTAINIUM".into()];
        p.body = "x".repeat(MAX_PUBLICATION_TEXT + 1);
        let errors = p.check(Catalog::builtin()).err().map(|e| e.0).unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["title", "body", "language", "regions[0]", "commodities[0]"]);
    }

    #[test]
    fn posts_check_threads_and_replies() -> R {
        let id = uuid::Uuid::now_v7();
        let mut post = ForumPost {
            format: BOARD_FORMAT,
            thread: id,
            id,
            title: "Concealment in reefers".into(),
            author_administration: "NL".into(),
            author_name: "officer".into(),
            body: "Seen in Rotterdam".into(),
            in_reply_to: None,
            posted_at_ms: 1,
        };
        assert_eq!(post.check(), Ok(()));
        let signed = post.sign(&key(), "NLPEER")?;
        assert_eq!(ForumPost::verify(&signed, &key().verifying_key(), "NLPEER")?, post);
        post.title = String::new();
        post.author_administration = "nl!".into();
        assert_eq!(post.check().err().map(|e| e.0.len()), Some(2));
        Ok(())
    }
}

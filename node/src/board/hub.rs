//! The hub's side of the board: publishing (signed by the hub), accepting a member's forum post
//! after checking who sent it and who signed it, and serving the log to members in pages that
//! fit a response.

use ncen_protocol::board::{
    self, BOARD_FORMAT, EntryKind, ForumPost, MAX_POST_BYTES, Publication, PublicationKind,
};
use ncen_protocol::operation::Attachment;
use ncen_protocol::validate::{FieldError, ValidationErrors};
use ncen_protocol::wire::{BoardEntry, MAX_PULL, MAX_RESPONSE_BYTES, Response};

use super::{Board, BoardError, StoredBoardEntry};
use crate::audit::{AuditEvent, Outcome};
use crate::net::key_of_peer_id;
use crate::store::{Cf, StoreError, value};

/// Room left in a response for the entries' framing.
const PAGE_BYTES: usize = MAX_RESPONSE_BYTES - (512 << 10);

/// What a hub user publishes.
#[derive(Debug, Clone)]
pub struct NewPublication {
    pub kind: PublicationKind,
    pub language: String,
    pub title: String,
    pub body: String,
    pub regions: Vec<String>,
    pub commodities: Vec<String>,
    /// Files as (name, bytes); the media type is read from the content.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The media type of a file, read from its content: JPEG and PNG by their signature, PDF by
/// its header, anything else only ever downloaded.
pub fn media_type_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else {
        "application/octet-stream"
    }
}

pub(crate) fn attachment(name: String, bytes: Vec<u8>) -> Attachment {
    Attachment {
        media_type: media_type_of(&bytes).to_owned(),
        sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)),
        name,
        bytes,
    }
}

fn invalid(field: &str, message: &str) -> BoardError {
    BoardError::Invalid(ValidationErrors(vec![FieldError {
        field: field.to_owned(),
        value: None,
        message: message.to_owned(),
    }]))
}

impl Board {
    /// Hub: signs and appends a publication for every member. Audited.
    pub fn publish(&self, actor: &str, new: NewPublication) -> Result<Publication, BoardError> {
        if !self.is_hub {
            return Err(BoardError::NotHub);
        }
        let publication = Publication {
            format: BOARD_FORMAT,
            id: uuid::Uuid::now_v7(),
            kind: new.kind,
            language: new.language,
            title: new.title.trim().to_owned(),
            body: new.body.trim().to_owned(),
            regions: new.regions,
            commodities: new.commodities,
            attachments: new.files.into_iter().map(|(n, b)| attachment(n, b)).collect(),
            author: actor.to_owned(),
            published_at_ms: Board::now(),
        };
        publication.check(&self.catalog.current()).map_err(BoardError::Invalid)?;
        let signed = publication
            .sign(self.identity.signing_key(), self.identity.peer_id())
            .map_err(|e| BoardError::Sign(e.to_string()))?;
        let entry = StoredBoardEntry {
            publication: true,
            signer: self.identity.peer_id().to_owned(),
            received_ms: publication.published_at_ms,
            envelope: signed,
        };
        self.append(&entry, publication.id, |app_batch, app| {
            app.audit(
                app_batch,
                AuditEvent::new(actor, "publication.publish", Outcome::Ok)
                    .target(format!("publications/{}", publication.id))
                    .detail(format!("kind={} language={}", publication.kind.as_str(), publication.language)),
            )
        })?;
        Ok(publication)
    }

    /// Appends an entry at the next sequence number of the hub's log, with `audit` in the same
    /// batch. The journal's lock serialises writes, so the number is read and used under it.
    fn append(
        &self,
        entry: &StoredBoardEntry,
        id: uuid::Uuid,
        audit: impl FnOnce(&mut crate::store::Batch<'_>, &mut crate::journal::Appender) -> Result<(), StoreError>,
    ) -> Result<u64, BoardError> {
        let seq = self.journal.write(true, |batch, app| -> Result<u64, StoreError> {
            let seq = self.head()? + 1;
            Board::put_entry(batch, seq, id, entry)?;
            audit(batch, app)?;
            Ok(seq)
        })?;
        Ok(seq)
    }

    /// Hub: a forum post a member sent. The requester must be a directory member, the envelope
    /// signed by that member's key, and the post's author its administration. Returns whether
    /// the post is new (a post already held is acknowledged again and not stored twice).
    pub fn receive_post(&self, requester: &str, signed: &[u8]) -> Result<bool, BoardError> {
        if !self.is_hub {
            return Err(BoardError::NotHub);
        }
        let Some((dir, _)) = self.directory.current()? else {
            return Err(BoardError::Refused("not a member of the directory".into()));
        };
        let Some(member) = dir.by_peer_id(requester) else {
            return Err(BoardError::Refused("not a member of the directory".into()));
        };
        if signed.len() > MAX_POST_BYTES {
            return Err(BoardError::Refused(format!("a post is at most {MAX_POST_BYTES} bytes")));
        }
        let (kind, kid) = board::peek(signed).map_err(|e| BoardError::Refused(e.to_string()))?;
        if kind != EntryKind::Post || kid != requester {
            return Err(BoardError::Refused("the post is not signed by the node that sends it".into()));
        }
        let key =
            key_of_peer_id(requester).ok_or_else(|| BoardError::Refused("no key in the PeerId".into()))?;
        let post =
            ForumPost::verify(signed, &key, requester).map_err(|e| BoardError::Refused(e.to_string()))?;
        if post.author_administration != member.administration {
            return Err(BoardError::Refused(format!(
                "the post claims {} as its author but {} signed it",
                post.author_administration, member.administration
            )));
        }
        post.check().map_err(BoardError::Invalid)?;
        self.accept_post(&post, requester, signed.to_vec(), &member.administration)
    }

    /// Appends a verified post (checks its thread; a post already held is not stored twice).
    pub(super) fn accept_post(
        &self,
        post: &ForumPost,
        signer: &str,
        signed: Vec<u8>,
        from: &str,
    ) -> Result<bool, BoardError> {
        if self.seq_of(post.id)?.is_some() {
            return Ok(false);
        }
        if post.thread != post.id {
            let first = self.seq_of(post.thread)?;
            let held = match first {
                Some(_) => self.thread(post.thread)?.is_some(),
                None => false,
            };
            if !held {
                return Err(invalid("thread", "is not a thread of the forum"));
            }
        }
        let entry = StoredBoardEntry {
            publication: false,
            signer: signer.to_owned(),
            received_ms: Board::now(),
            envelope: signed,
        };
        let (id, thread) = (post.id, post.thread);
        self.append(&entry, id, |batch, app| {
            app.audit(
                batch,
                AuditEvent::new(from, "forum.post", Outcome::Ok)
                    .target(format!("forum/{thread}/{id}"))
                    .detail(format!("from={from} author={}", post.author_name)),
            )
        })?;
        Ok(true)
    }

    /// Hub: entries after `after` for a member, in a page that fits a response.
    pub fn serve(&self, after: u64, limit: u32) -> Result<(Response, usize), StoreError> {
        let limit = limit.clamp(1, MAX_PULL) as usize;
        let head = self.head()?;
        let mut entries = Vec::new();
        let mut bytes = 0usize;
        let mut next = after;
        for item in
            self.journal.store().iter_from(Cf::BoardLog, &super::log_key(after.saturating_add(1)), true)
        {
            let (k, v) = item?;
            let Some((&super::LOG, rest)) = k.split_first() else { break };
            let Ok(seq) = <[u8; 8]>::try_from(rest).map(u64::from_be_bytes) else { break };
            let entry: StoredBoardEntry = value::decode("board_log", &v)?;
            if !entries.is_empty() && (entries.len() >= limit || bytes + entry.envelope.len() > PAGE_BYTES) {
                break;
            }
            bytes += entry.envelope.len();
            entries.push(BoardEntry { seq, envelope: serde_bytes::ByteBuf::from(entry.envelope) });
            next = seq;
        }
        let sent = entries.len();
        Ok((Response::BoardEntries { entries, next, head }, sent))
    }
}

//! A member's side of the board: writing a forum post (signed by this node, kept in an outbox
//! until the hub acknowledges it), and checking each entry the hub serves before keeping it:
//! a publication must verify with the hub's key, a post with its author's key from the
//! hub-signed directory (the hub's word alone is never enough).

use ncen_protocol::board::{self, BOARD_FORMAT, EntryKind, ForumPost, Publication};
use ncen_protocol::model::RecordId;
use ncen_protocol::wire::BoardEntry;

use super::{Board, BoardError, CURSOR_KEY, StoredBoardEntry};
use crate::audit::{AuditEvent, Outcome};
use crate::net::key_of_peer_id;
use crate::store::{Cf, StoreError};

/// What a user writes in the forum.
#[derive(Debug, Clone)]
pub struct NewPost {
    /// The thread answered; `None` starts a thread.
    pub thread: Option<RecordId>,
    pub title: String,
    pub body: String,
    pub in_reply_to: Option<RecordId>,
}

/// What applying a page did.
#[derive(Debug, Default)]
pub struct Applied {
    pub applied: usize,
    /// Entries refused, with why (they are skipped; the refusal is audited).
    pub rejected: Vec<(u64, String)>,
    /// The page stopped at a post whose signer the local directory does not name yet: fetch
    /// the directory, then apply again.
    pub needs_directory: bool,
}

impl Board {
    /// Signs `new` as `actor`'s post. At a member it goes to the outbox for the hub; at the hub
    /// it is appended at once. Returns the post.
    pub fn write_post(&self, actor: &str, new: NewPost) -> Result<ForumPost, BoardError> {
        let id = uuid::Uuid::now_v7();
        let post = ForumPost {
            format: BOARD_FORMAT,
            thread: new.thread.unwrap_or(id),
            id,
            title: if new.thread.is_none() { new.title.trim().to_owned() } else { String::new() },
            author_administration: self.me.clone(),
            author_name: actor.to_owned(),
            body: new.body.trim().to_owned(),
            in_reply_to: if new.thread.is_some() { new.in_reply_to.or(new.thread) } else { None },
            posted_at_ms: Board::now(),
        };
        post.check().map_err(BoardError::Invalid)?;
        if let Some(thread) = new.thread {
            let Some(posts) = self.thread(thread)? else { return Err(BoardError::NotFound) };
            if post.in_reply_to.is_some_and(|r| !posts.iter().any(|p| p.post.id == r)) {
                return Err(BoardError::Invalid(ncen_protocol::validate::ValidationErrors(vec![
                    ncen_protocol::validate::FieldError {
                        field: "in_reply_to".into(),
                        value: None,
                        message: "is not a post of this thread".into(),
                    },
                ])));
            }
        }
        let signed = post
            .sign(self.identity.signing_key(), self.identity.peer_id())
            .map_err(|e| BoardError::Sign(e.to_string()))?;
        if self.is_hub {
            self.accept_post(&post, self.identity.peer_id(), signed, actor)?;
            return Ok(post);
        }
        if self.directory.current()?.is_none_or(|(d, _)| d.by_peer_id(self.identity.peer_id()).is_none()) {
            return Err(BoardError::NotMember);
        }
        self.journal.write(true, |batch, app| {
            batch.put(Cf::BoardOutbox, post.id.as_bytes(), &signed);
            app.audit(
                batch,
                AuditEvent::new(actor, "forum.write", Outcome::Ok)
                    .target(format!("forum/{}/{}", post.thread, post.id)),
            )
        })?;
        Ok(post)
    }

    /// Posts waiting for the hub's acknowledgement, oldest first.
    pub fn outbox(&self) -> Result<Vec<(RecordId, Vec<u8>)>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::BoardOutbox, b"", true) {
            let (k, v) = item?;
            if let Ok(id) = uuid::Uuid::from_slice(&k) {
                out.push((id, v.to_vec()));
            }
        }
        Ok(out)
    }

    /// The hub acknowledged post `id` (or refused it for good): it leaves the outbox.
    pub fn delivered(&self, id: RecordId, outcome: Result<(), String>) -> Result<(), StoreError> {
        self.journal.write(false, |batch, app| {
            batch.delete(Cf::BoardOutbox, id.as_bytes());
            let event = match &outcome {
                Ok(()) => AuditEvent::new("network", "forum.deliver", Outcome::Ok),
                Err(why) => AuditEvent::new("network", "forum.deliver", Outcome::Denied)
                    .detail(format!("hub refused: {why}")),
            };
            app.audit(batch, event.target(format!("forum/post/{id}")))
        })
    }

    /// Where this member's pulls of the hub's board log stand.
    pub fn cursor(&self) -> Result<u64, StoreError> {
        Ok(match self.journal.store().get(Cf::Cursors, CURSOR_KEY)? {
            Some(b) => <[u8; 8]>::try_from(b.as_slice()).map(u64::from_be_bytes).unwrap_or(0),
            None => 0,
        })
    }

    /// Member: checks and keeps a page of the hub's board log, then moves the cursor to `next`
    /// (or to before the first post whose signer is not known yet, when `wait_for_directory`).
    pub fn apply(
        &self,
        entries: &[BoardEntry],
        next: u64,
        wait_for_directory: bool,
    ) -> Result<Applied, BoardError> {
        let Some(hub) = self.hub_peer_id.clone() else { return Err(BoardError::NotMember) };
        let hub_key =
            key_of_peer_id(&hub).ok_or_else(|| BoardError::Refused("no key in the hub PeerId".into()))?;
        let dir = self.directory.current()?.map(|(d, _)| d);
        let mut out = Applied::default();
        let mut keep: Vec<(u64, RecordId, StoredBoardEntry)> = Vec::new();
        let mut cursor = next;
        for e in entries {
            let checked = (|| -> Result<(RecordId, StoredBoardEntry), String> {
                let (kind, kid) = board::peek(&e.envelope).map_err(|e| e.to_string())?;
                let bytes = e.envelope.to_vec();
                match kind {
                    EntryKind::Publication => {
                        let p = Publication::verify(&bytes, &hub_key, &hub).map_err(|e| e.to_string())?;
                        p.check(&self.catalog.current()).map_err(|e| e.to_string())?;
                        Ok((
                            p.id,
                            StoredBoardEntry {
                                publication: true,
                                signer: hub.clone(),
                                received_ms: Board::now(),
                                envelope: bytes,
                            },
                        ))
                    }
                    EntryKind::Post => {
                        let author = if kid == hub {
                            Some("WCO".to_owned())
                        } else {
                            dir.as_ref().and_then(|d| d.by_peer_id(&kid)).map(|m| m.administration.clone())
                        };
                        let Some(author) = author else { return Err(format!("unknown signer {kid}")) };
                        let key = key_of_peer_id(&kid).ok_or("no key in the signer's PeerId")?;
                        let p = ForumPost::verify(&bytes, &key, &kid).map_err(|e| e.to_string())?;
                        if p.author_administration != author {
                            return Err(format!(
                                "post claims {} but {author} signed it",
                                p.author_administration
                            ));
                        }
                        p.check().map_err(|e| e.to_string())?;
                        Ok((
                            p.id,
                            StoredBoardEntry {
                                publication: false,
                                signer: kid,
                                received_ms: Board::now(),
                                envelope: bytes,
                            },
                        ))
                    }
                }
            })();
            match checked {
                Ok((id, entry)) => keep.push((e.seq, id, entry)),
                Err(why) if wait_for_directory && why.starts_with("unknown signer") => {
                    out.needs_directory = true;
                    cursor = e.seq.saturating_sub(1);
                    break;
                }
                Err(why) => out.rejected.push((e.seq, why)),
            }
        }
        let rejected = out.rejected.clone();
        out.applied = keep.len();
        self.journal.write(true, |batch, app| -> Result<(), StoreError> {
            for (seq, id, entry) in &keep {
                Board::put_entry(batch, *seq, *id, entry)?;
            }
            batch.put(Cf::Cursors, CURSOR_KEY, &cursor.to_be_bytes());
            if !keep.is_empty() {
                app.audit(
                    batch,
                    AuditEvent::new("hub", "board.receive", Outcome::Ok)
                        .detail(format!("entries={} next={cursor}", keep.len())),
                )?;
            }
            for (seq, why) in &rejected {
                app.audit(
                    batch,
                    AuditEvent::new("hub", "board.receive", Outcome::Denied)
                        .detail(format!("seq={seq} reason={why}")),
                )?;
            }
            Ok(())
        })?;
        Ok(out)
    }
}

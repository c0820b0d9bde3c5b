//! The replication engine's board side (policy "directory"): the hub serves its board log to
//! every directory member, accepts their forum posts and notifies them when the log grows; a
//! member pulls the log from a persisted cursor when notified (and every few seconds), and
//! delivers its outbox of forum posts to the hub until acknowledged.

use std::sync::{Arc, Mutex, PoisonError};

use ncen_protocol::wire::{MAX_PULL, Refusal, Request, Response};
use serde_bytes::ByteBuf;
use tokio::sync::Notify;

use super::engine::{Engine, POLL};
use crate::audit::{AuditEvent, Outcome};
use crate::board::BoardError;
use crate::net::parse_peer_id;

/// A member's board puller: started once, woken by notifies.
#[derive(Debug, Default)]
pub struct BoardSync {
    puller: Mutex<Option<Arc<Notify>>>,
    pulling: tokio::sync::Mutex<()>,
    delivering: tokio::sync::Mutex<()>,
}

fn refused(reason: Refusal, message: impl Into<String>) -> Response {
    Response::Refused { reason, message: message.into() }
}

impl Engine {
    /// Whether `peer_id` is a member of the hub's directory (at the hub).
    async fn directory_member(&self, peer_id: &str) -> Option<String> {
        let id = peer_id.to_owned();
        self.blocking(move |fed| {
            fed.directory
                .current()
                .ok()
                .flatten()
                .and_then(|(d, _)| d.by_peer_id(&id).map(|m| m.administration.clone()))
        })
        .await
        .flatten()
    }

    /// Hub: answers a member's pull of the board log.
    pub(super) async fn answer_board_pull(&self, peer_id: String, after: u64, limit: u32) -> Response {
        if !self.fed.is_hub() {
            return refused(Refusal::BadRequest, "only the hub serves publications and the forum");
        }
        let Some(admin) = self.directory_member(&peer_id).await else {
            return refused(Refusal::UnknownPeer, "not a member of the directory");
        };
        match self.blocking(move |fed| fed.board.serve(after, limit)).await {
            Some(Ok((response, sent))) => {
                if sent > 0 {
                    self.audit(
                        AuditEvent::new(admin.as_str(), "board.serve", Outcome::Ok)
                            .detail(format!("to={admin} after={after} entries={sent}")),
                    );
                }
                response
            }
            _ => refused(Refusal::Unavailable, "the store could not be read"),
        }
    }

    /// Hub: a member's forum post. Refusals are audited and nothing is stored.
    pub(super) async fn answer_forum_post(&self, peer_id: String, envelope: ByteBuf) -> Response {
        if !self.fed.is_hub() {
            return refused(Refusal::BadRequest, "only the hub carries the forum");
        }
        let id = peer_id.clone();
        let outcome = self.blocking(move |fed| fed.board.receive_post(&id, &envelope)).await;
        match outcome {
            Some(Ok(new)) => {
                if new {
                    self.board_grew();
                }
                Response::Ack
            }
            Some(Err(e)) => {
                let admin = self.directory_member(&peer_id).await.unwrap_or_else(|| "unknown".into());
                self.audit(
                    AuditEvent::new(admin.as_str(), "forum.post", Outcome::Denied)
                        .detail(format!("peer_id={peer_id} reason={e}")),
                );
                let reason = match e {
                    BoardError::Refused(_) => Refusal::UnknownPeer,
                    BoardError::Store(_) => Refusal::Unavailable,
                    _ => Refusal::BadRequest,
                };
                refused(reason, e.to_string())
            }
            None => refused(Refusal::Unavailable, "try again later"),
        }
    }

    /// Member: the hub says its board log grew.
    pub(super) fn on_board_notify(&self, peer_id: &str) {
        if self.fed.hub.as_ref().is_some_and(|(h, _)| h == peer_id) {
            self.trigger_board();
        }
    }

    /// Hub: tells every member that the board log grew.
    pub fn board_grew(&self) {
        if !self.fed.is_hub() {
            return;
        }
        let engine = self.clone();
        tokio::spawn(async move {
            let head = engine.blocking(|fed| fed.board.head()).await.and_then(Result::ok).unwrap_or(0);
            let members = engine
                .blocking(|fed| fed.directory.current().ok().flatten().map(|(d, _)| d.members))
                .await
                .flatten()
                .unwrap_or_default();
            for m in members {
                let Ok(peer) = parse_peer_id(&m.peer_id) else { continue };
                let net = engine.net.clone();
                tokio::spawn(async move {
                    if let Err(e) = net.request(peer, Request::BoardNotify { head }).await {
                        tracing::debug!(%peer, error = %e, "board notify not delivered");
                    }
                });
            }
        });
    }

    /// Member: asks the board puller to pull now (starting it if needed).
    pub fn trigger_board(&self) {
        if self.fed.is_hub() || self.fed.hub.is_none() {
            return;
        }
        let mut puller = self.board.puller.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = puller.as_ref() {
            n.notify_one();
            return;
        }
        let notify = Arc::new(Notify::new());
        notify.notify_one();
        *puller = Some(notify.clone());
        drop(puller);
        let engine = self.clone();
        self.spawn(async move {
            loop {
                drop(tokio::time::timeout(POLL, notify.notified()).await);
                engine.deliver_posts().await;
                if let Err(e) = engine.pull_board_once().await {
                    tracing::debug!(error = %e, "board pull did not complete");
                }
            }
        });
    }

    /// Member: pulls the hub's board log until caught up; returns how many entries it kept.
    pub async fn pull_board_once(&self) -> Result<usize, String> {
        let Some((hub_id, _)) = self.fed.hub.clone() else { return Ok(0) };
        let _pulling = self.board.pulling.lock().await;
        let peer = parse_peer_id(&hub_id).map_err(|e| e.to_string())?;
        let mut after =
            self.blocking(|fed| fed.board.cursor()).await.ok_or("task failed")?.map_err(|e| e.to_string())?;
        let mut total = 0;
        let mut refreshed = false;
        loop {
            let response = self
                .net
                .request(peer, Request::BoardPull { after, limit: MAX_PULL })
                .await
                .map_err(|e| e.to_string())?;
            let Response::BoardEntries { entries, next, head } = response else {
                return Err(format!("unexpected answer {response:?}"));
            };
            if next < after || next > head || entries.iter().any(|e| e.seq <= after || e.seq > next) {
                return Err(format!("the hub answered an impossible position {next}"));
            }
            let done = next >= head || (entries.is_empty() && next == after);
            let wait = !refreshed;
            let applied = self
                .blocking(move |fed| fed.board.apply(&entries, next, wait))
                .await
                .ok_or("task failed")?
                .map_err(|e| e.to_string())?;
            if !applied.rejected.is_empty() {
                tracing::warn!(rejected = ?applied.rejected, "board entries refused");
            }
            total += applied.applied;
            if applied.needs_directory {
                // A post by a member admitted after this node's copy of the directory.
                self.fetch_directory().await;
                refreshed = true;
                after = self
                    .blocking(|fed| fed.board.cursor())
                    .await
                    .ok_or("task failed")?
                    .map_err(|e| e.to_string())?;
                continue;
            }
            refreshed = false;
            after = next;
            if done {
                return Ok(total);
            }
        }
    }

    /// Member: sends the outbox's forum posts to the hub; each leaves the outbox once the hub
    /// acknowledged it, or refused it for good (the refusal is audited).
    pub async fn deliver_posts(&self) {
        let Some((hub_id, _)) = self.fed.hub.clone() else { return };
        let Ok(peer) = parse_peer_id(&hub_id) else { return };
        let _delivering = self.board.delivering.lock().await;
        let Some(Ok(pending)) = self.blocking(|fed| fed.board.outbox()).await else { return };
        for (id, envelope) in pending {
            let outcome = match self
                .net
                .request(peer, Request::ForumPost { envelope: ByteBuf::from(envelope) })
                .await
            {
                Ok(Response::Ack) => Ok(()),
                Ok(Response::Refused { reason: Refusal::Unavailable, .. }) | Err(_) => return,
                Ok(Response::Refused { message, .. }) => Err(message),
                Ok(other) => Err(format!("unexpected answer {other:?}")),
            };
            if let Some(Err(e)) = self.blocking(move |fed| fed.board.delivered(id, outcome)).await {
                tracing::error!(error = %e, "cannot record the delivery of a post");
            }
        }
    }
}

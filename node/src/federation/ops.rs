//! The replication engine's CENcomm side: answers members' pulls of this node's operation log,
//! pulls the logs of the administrations this node shares operations with (when notified, and
//! every few seconds as a fallback), and notifies them when its own log grows.

use std::sync::{Arc, PoisonError};

use ncen_protocol::wire::{Refusal, Request, Response};
use tokio::sync::{Notify, watch};

use super::engine::{Engine, POLL};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::now_ms;
use crate::net::parse_peer_id;
use crate::operations::exchange::MAX_OP_PULL;

impl Engine {
    /// Answers a pull of this node's operation log.
    pub(super) async fn answer_op_pull(&self, who: Option<String>, after: u64, limit: u32) -> Response {
        let Some(admin) = who else {
            return Response::Refused {
                reason: Refusal::UnknownPeer,
                message: "not a peer of this node".into(),
            };
        };
        let a = admin.clone();
        match self.blocking(move |fed| fed.operations.serve(&a, after, limit)).await {
            Some(Ok((response, sent))) => {
                if sent > 0 {
                    self.audit(
                        AuditEvent::new(admin.as_str(), "operation.serve", Outcome::Ok)
                            .detail(format!("to={admin} after={after} entries={sent}")),
                    );
                }
                response
            }
            _ => Response::Refused {
                reason: Refusal::Unavailable,
                message: "the store could not be read".into(),
            },
        }
    }

    /// Asks the operation puller of `administration` to pull now (starting it if needed).
    pub fn trigger_ops(&self, administration: &str) {
        let mut pullers = self.op_pullers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = pullers.get(administration) {
            n.notify_one();
            return;
        }
        let notify = Arc::new(Notify::new());
        notify.notify_one();
        pullers.insert(administration.to_owned(), notify.clone());
        drop(pullers);
        let (engine, admin) = (self.clone(), administration.to_owned());
        self.spawn(async move {
            loop {
                drop(tokio::time::timeout(POLL, notify.notified()).await);
                if let Err(e) = engine.pull_ops_once(&admin).await {
                    tracing::debug!(peer = %admin, error = %e, "operation pull did not complete");
                }
            }
        });
    }

    /// Pulls `administration`'s operation log until caught up; returns how many items applied.
    pub async fn pull_ops_once(&self, administration: &str) -> Result<usize, String> {
        let lock = self.op_pull_lock(administration);
        let _pulling = lock.lock().await;
        let admin = administration.to_owned();
        let located = self
            .blocking(move |fed| -> Result<_, crate::store::StoreError> {
                Ok(fed.locate(&admin)?.map(|(peer_id, _)| peer_id).zip(Some(fed.operations.cursor(&admin)?)))
            })
            .await
            .ok_or("task failed")?
            .map_err(|e| e.to_string())?;
        let Some((peer_id, mut after)) = located else { return Ok(0) };
        let peer = parse_peer_id(&peer_id).map_err(|e| e.to_string())?;
        let mut total = 0;
        loop {
            let response = self
                .net
                .request(peer, Request::OpPull { after, limit: MAX_OP_PULL })
                .await
                .map_err(|e| e.to_string())?;
            let Response::OpEntries { entries, next, head } = response else {
                return Err(format!("unexpected answer {response:?}"));
            };
            if next < after || next > head {
                return Err(format!("{administration} answered an impossible position {next}"));
            }
            let (admin, id) = (administration.to_owned(), peer_id.clone());
            let done = next >= head || (entries.is_empty() && next == after);
            let applied = self
                .blocking(move |fed| fed.operations.apply(&admin, &id, &entries, next))
                .await
                .ok_or("task failed")?
                .map_err(|e| e.to_string())?;
            if !applied.rejected.is_empty() {
                tracing::warn!(peer = %administration, rejected = ?applied.rejected, "operation items refused");
            }
            self.fed.peers.touch(administration, |l| l.last_seen_ms = Some(now_ms()));
            total += applied.applied;
            after = next;
            if done {
                return Ok(total);
            }
        }
    }

    fn op_pull_lock(&self, administration: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.op_pull_locks.lock().unwrap_or_else(PoisonError::into_inner);
        locks.entry(administration.to_owned()).or_default().clone()
    }

    /// Tells the administrations this node shares operations with that its log grew.
    pub(super) async fn op_notifier(self, mut head: watch::Receiver<u64>) {
        while head.changed().await.is_ok() {
            let value = *head.borrow_and_update();
            let targets = self
                .blocking(|fed| -> Result<Vec<String>, crate::store::StoreError> {
                    let mut out = Vec::new();
                    for admin in fed.operations.partners()? {
                        if let Some((peer_id, _)) = fed.locate(&admin)? {
                            out.push(peer_id);
                        }
                    }
                    // The hub pulls the seizure reports forwarded to it.
                    if let Some((hub, _)) = &fed.hub {
                        out.push(hub.clone());
                    }
                    Ok(out)
                })
                .await;
            let Some(Ok(targets)) = targets else { continue };
            for id in targets {
                let Ok(peer) = parse_peer_id(&id) else { continue };
                let net = self.net.clone();
                tokio::spawn(async move {
                    if let Err(e) = net.request(peer, Request::OpNotify { head: value }).await {
                        tracing::debug!(%peer, error = %e, "operation notify not delivered");
                    }
                });
            }
        }
    }

    /// Makes sure every administration this node shares an operation with has a puller, and
    /// reminds each of this node's log head: a notify lost while a member was unreachable (an
    /// invitation to a node that does not know the operation yet) costs one round at most.
    pub(super) async fn op_housekeeping(&self) {
        let located = self
            .blocking(|fed| -> Result<Vec<(String, Option<String>)>, crate::store::StoreError> {
                let mut out = Vec::new();
                for admin in fed.op_sources()? {
                    let peer = fed.locate(&admin)?.map(|(id, _)| id);
                    out.push((admin, peer));
                }
                Ok(out)
            })
            .await;
        let Some(Ok(partners)) = located else { return };
        let head = self.fed.journal.op_head();
        for (admin, peer_id) in partners {
            self.trigger_ops(&admin);
            if head == 0 || self.fed.is_hub() {
                continue;
            }
            if let Some(Ok(peer)) = peer_id.map(|id| parse_peer_id(&id)) {
                let net = self.net.clone();
                tokio::spawn(async move {
                    if let Err(e) = net.request(peer, Request::OpNotify { head }).await {
                        tracing::debug!(%peer, error = %e, "operation reminder not delivered");
                    }
                });
            }
        }
    }
}

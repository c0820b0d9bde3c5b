//! The replication engine's async side: answers peers' requests, pulls from each source with a
//! persisted cursor when notified (and every few seconds as a fallback), pushes `notify(head)`
//! to peers after each local write, delivers agreement documents until the other party has them,
//! and keeps the network's allow list and connections in step with peers and the directory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ncen_protocol::agreement::Document;
use ncen_protocol::wire::{MAX_PULL, Refusal, Request, Response};
use tokio::sync::{Notify, mpsc, watch};

use super::{Federation, Policy};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::now_ms;
use crate::net::{NetEvent, NetHandle, parse_addr, parse_peer_id};

/// Fallback poll of each source when no notify arrives.
pub(super) const POLL: Duration = Duration::from_secs(5);
/// Pages pulled at once over all sources.
const PULL_SLOTS: usize = 6;
/// Entries asked for in one pull.
const PULL_BATCH: u32 = MAX_PULL;

/// PeerIds to keep connected (with their addresses), and PeerIds merely allowed to connect.
type ConnectionPlan = (Vec<(String, Vec<String>)>, Vec<String>);

/// A running engine; cheap to clone.
#[derive(Debug, Clone)]
pub struct Engine {
    pub fed: Federation,
    pub net: NetHandle,
    pullers: Arc<Mutex<HashMap<String, Arc<Notify>>>>,
    /// Set to true to stop every task of the engine.
    stop: Arc<watch::Sender<bool>>,
    tasks: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
    /// Pages being pulled at once, over all sources: bounds the memory a hub with many members
    /// uses while it catches up.
    pull_slots: Arc<tokio::sync::Semaphore>,
    /// One lock per source: pulls from it never overlap.
    pull_locks: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    /// When each noisy source (refused connection, bad message) was last audited.
    noisy: Arc<Mutex<HashMap<String, std::time::Instant>>>,
    /// One puller per administration this node shares CENcomm operations with.
    pub(super) op_pullers: Arc<Mutex<HashMap<String, Arc<Notify>>>>,
    /// One lock per operation log source: pulls from it never overlap.
    pub(super) op_pull_locks: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    /// A member's board puller and outbox delivery.
    pub(super) board: Arc<super::board::BoardSync>,
}

/// A refused connection or bad message from one source is audited at most this often.
const NOISY_AUDIT_EVERY: Duration = Duration::from_secs(60);

fn refused(reason: Refusal, message: impl Into<String>) -> Response {
    Response::Refused { reason, message: message.into() }
}

impl Engine {
    /// Starts the engine's tasks on the current runtime.
    pub async fn start(fed: Federation, net: NetHandle, events: mpsc::Receiver<NetEvent>) -> Engine {
        let (stop, _) = watch::channel(false);
        let engine = Engine {
            fed,
            net,
            pullers: Arc::default(),
            stop: Arc::new(stop),
            tasks: Arc::default(),
            noisy: Arc::default(),
            pull_locks: Arc::default(),
            pull_slots: Arc::new(tokio::sync::Semaphore::new(PULL_SLOTS)),
            op_pullers: Arc::default(),
            op_pull_locks: Arc::default(),
            board: Arc::default(),
        };
        engine.sync_network().await;
        engine.spawn(engine.clone().events(events));
        engine.spawn(engine.clone().notifier(engine.fed.journal.subscribe()));
        engine.spawn(engine.clone().op_notifier(engine.fed.journal.subscribe_ops()));
        engine.spawn(engine.clone().housekeeping());
        if engine.fed.is_hub() {
            engine.spawn(engine.clone().code_list_notifier(engine.fed.catalog.subscribe()));
        }
        engine
    }

    /// Runs `task` until it ends or the engine stops.
    pub(crate) fn spawn(&self, task: impl std::future::Future<Output = ()> + Send + 'static) {
        let mut stop = self.stop.subscribe();
        let handle = tokio::spawn(async move {
            tokio::select! {
                () = task => {}
                _ = stop.wait_for(|s| *s) => {}
            }
        });
        let mut tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        tasks.retain(|t| !t.is_finished());
        tasks.push(handle);
    }

    /// Stops the engine's tasks and the network, and waits for them.
    pub async fn shutdown(&self) {
        self.stop.send_replace(true);
        let tasks: Vec<_> = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(PoisonError::into_inner));
        for t in tasks {
            drop(t.await);
        }
        self.net.shutdown().await;
    }

    pub(super) async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(Federation) -> T + Send + 'static,
    ) -> Option<T> {
        let fed = self.fed.clone();
        match tokio::task::spawn_blocking(move || f(fed)).await {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::error!(error = %e, "replication task failed");
                None
            }
        }
    }

    /// Audits `event` unless `source` was audited for the same reason within the last minute, so
    /// that a flood of refused connections cannot fill the audit log.
    fn audit_noisy(&self, source: String, event: AuditEvent) {
        let now = std::time::Instant::now();
        {
            let mut noisy = self.noisy.lock().unwrap_or_else(PoisonError::into_inner);
            if noisy.len() > 10_000 {
                noisy.retain(|_, at| now.duration_since(*at) < NOISY_AUDIT_EVERY);
            }
            let key = format!("{}:{source}", event.action);
            if noisy.get(&key).is_some_and(|at| now.duration_since(*at) < NOISY_AUDIT_EVERY) {
                return;
            }
            noisy.insert(key, now);
        }
        self.audit(event);
    }

    pub(super) fn audit(&self, event: AuditEvent) {
        if let Err(e) = self.fed.journal.audit(event, false) {
            tracing::error!(error = %e, "cannot write the audit log");
        }
    }

    /// Allows and dials whom this node exchanges with: its peers, its hub, the parties of its
    /// agreements; allows every directory member; at the hub, dials every member.
    pub async fn sync_network(&self) {
        let plan = self
            .blocking(|fed| -> Result<ConnectionPlan, crate::store::StoreError> {
                let mut keep: Vec<(String, Vec<String>)> =
                    fed.peers.list()?.into_iter().map(|p| (p.peer_id, p.addresses)).collect();
                if let Some((id, addr)) = &fed.hub {
                    keep.push((id.clone(), vec![addr.clone()]));
                }
                // The administrations this node shares CENcomm operations with.
                for admin in fed.operations.partners()? {
                    if let Some((id, addrs)) = fed.locate(&admin)?
                        && !keep.iter().any(|(k, _)| *k == id)
                    {
                        keep.push((id, addrs));
                    }
                }
                let mut allow = Vec::new();
                if let Some((dir, _)) = fed.directory.current()? {
                    let parties = fed.agreements.parties()?;
                    // The node's own peer list takes precedence over the directory's addresses.
                    let known: Vec<String> = keep.iter().map(|(id, _)| id.clone()).collect();
                    for m in dir.members.iter().filter(|m| !known.contains(&m.peer_id)) {
                        if fed.is_hub() || parties.contains(&m.administration) {
                            keep.push((m.peer_id.clone(), m.addresses.clone()));
                        } else {
                            allow.push(m.peer_id.clone());
                        }
                    }
                }
                Ok((keep, allow))
            })
            .await;
        let (keep, allow) = match plan {
            Some(Ok(plan)) => plan,
            Some(Err(e)) => {
                tracing::error!(error = %e, "cannot read peers");
                return;
            }
            None => return,
        };
        let me = self.fed.identity.peer_id().to_owned();
        for (id, addrs) in keep {
            if id == me {
                continue;
            }
            let (Ok(peer), addrs) =
                (parse_peer_id(&id), addrs.iter().filter_map(|a| parse_addr(a).ok()).collect())
            else {
                continue;
            };
            if self.net.keep(peer, addrs).await.is_err() {
                return;
            }
        }
        for id in allow {
            if id != me
                && let Ok(peer) = parse_peer_id(&id)
                && self.net.allow(peer).await.is_err()
            {
                return;
            }
        }
    }

    /// Asks the puller of `administration` to pull now (starting it if needed).
    pub fn trigger(&self, administration: &str) {
        let mut pullers = self.pullers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = pullers.get(administration) {
            n.notify_one();
            return;
        }
        let notify = Arc::new(Notify::new());
        notify.notify_one();
        pullers.insert(administration.to_owned(), notify.clone());
        drop(pullers);
        self.spawn(self.clone().puller(administration.to_owned(), notify));
    }

    async fn puller(self, administration: String, notify: Arc<Notify>) {
        loop {
            // A missed notify costs at most one poll interval.
            drop(tokio::time::timeout(POLL, notify.notified()).await);
            if let Err(e) = self.pull_once(&administration, false).await {
                tracing::debug!(peer = %administration, error = %e, "pull did not complete");
            }
            self.fetch_photos(&administration).await;
        }
    }

    /// Pulls from `administration` until caught up; returns how many entries were applied.
    /// Unless `force`, only from a source this node has a reason to pull from.
    pub async fn pull_once(&self, administration: &str, force: bool) -> Result<usize, String> {
        // One pull at a time per source, so that cursors only move forward.
        let lock = self.pull_lock(administration);
        let _pulling = lock.lock().await;
        let admin = administration.to_owned();
        let ready = self
            .blocking(move |fed| -> Result<Option<(String, u64)>, crate::store::StoreError> {
                if !force && !fed.pulls_from(&admin)? {
                    return Ok(None);
                }
                let Some((peer_id, _)) = fed.locate(&admin)? else { return Ok(None) };
                Ok(Some((peer_id, fed.cursor(&admin)?)))
            })
            .await
            .ok_or("task failed")?
            .map_err(|e| e.to_string())?;
        let Some((peer_id, cursor)) = ready else {
            if force {
                return Err(format!("{administration} is not a known peer"));
            }
            return Ok(0);
        };
        let peer = parse_peer_id(&peer_id).map_err(|e| e.to_string())?;
        let mut total = 0;
        let request = |after: u64| {
            let net = self.net.clone();
            tokio::spawn(async move { net.request(peer, Request::Pull { after, limit: PULL_BATCH }).await })
        };
        // The next page is asked for while the current one is checked and written.
        // Every page in flight holds one of the node's pull slots until it is written.
        let slot = || self.pull_slots.clone().acquire_owned();
        let mut pending = Some((cursor, slot().await.map_err(|e| e.to_string())?, request(cursor)));
        while let Some((after, permit, answer)) = pending.take() {
            let response = answer.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
            match response {
                Response::Entries { entries, next, head } => {
                    if next < after || next > head {
                        return Err(format!("{administration} answered an impossible position {next}"));
                    }
                    let done = next >= head || (entries.is_empty() && next == after);
                    // Ask for the next page now if a slot is free; otherwise once this one is
                    // written (waiting for a second slot while holding one could deadlock).
                    let mut deferred = None;
                    if !done {
                        match self.pull_slots.clone().try_acquire_owned() {
                            Ok(next_permit) => pending = Some((next, next_permit, request(next))),
                            Err(_) => deferred = Some(next),
                        }
                    }
                    let (admin, id) = (administration.to_owned(), peer_id.clone());
                    let applied = self
                        .blocking(move |fed| fed.apply_entries(&admin, &id, &entries, next))
                        .await
                        .ok_or("task failed")?
                        .map_err(|e| e.to_string())?;
                    if !applied.rejected.is_empty() {
                        tracing::warn!(peer = %administration, rejected = ?applied.rejected, "entries refused");
                    }
                    if let Some(reason) = applied.held_back {
                        // The origin holds a newer code list release: fetch it, then pull again.
                        if self.fetch_code_lists().await > 0 {
                            self.trigger(administration);
                        }
                        return Err(format!("waiting for a code list release: {reason}"));
                    }
                    self.fed.peers.touch(administration, |l| {
                        l.their_head = head;
                        l.last_seen_ms = Some(now_ms());
                    });
                    total += applied.applied;
                    drop(permit);
                    if let Some(next) = deferred {
                        pending = Some((next, slot().await.map_err(|e| e.to_string())?, request(next)));
                    }
                }
                Response::Refused { reason, message } => {
                    return Err(format!("refused ({reason:?}): {message}"));
                }
                other => return Err(format!("unexpected answer {other:?}")),
            }
        }
        Ok(total)
    }

    fn pull_lock(&self, administration: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.pull_locks.lock().unwrap_or_else(PoisonError::into_inner);
        locks.entry(administration.to_owned()).or_default().clone()
    }

    /// Tells connected peers that may pull something from this node that its log grew.
    async fn notifier(self, mut head: watch::Receiver<u64>) {
        while head.changed().await.is_ok() {
            let value = *head.borrow_and_update();
            let Ok(status) = self.net.status().await else { return };
            for peer in status.connected {
                let id = peer.to_base58();
                let policy = self.blocking(move |fed| fed.policy(&id)).await;
                if matches!(policy, Some(Ok(Policy::Hub | Policy::Agreement { .. }))) {
                    let net = self.net.clone();
                    tokio::spawn(async move {
                        if let Err(e) = net.request(peer, Request::Notify { head: value }).await {
                            tracing::debug!(%peer, error = %e, "notify not delivered");
                        }
                    });
                }
            }
        }
    }

    /// Every few seconds: deliver pending agreement documents, fetch the directory from the hub,
    /// and make sure every source has a puller.
    async fn housekeeping(self) {
        let mut tick = tokio::time::interval(POLL);
        loop {
            tick.tick().await;
            self.deliver_agreements().await;
            self.fetch_directory().await;
            self.fetch_code_lists().await;
            self.op_housekeeping().await;
            self.trigger_board();
            let sources = self
                .blocking(|fed| -> Result<Vec<String>, crate::store::StoreError> {
                    let mut out = fed.agreements.parties()?;
                    if fed.is_hub()
                        && let Some((dir, _)) = fed.directory.current()?
                    {
                        out.extend(dir.members.into_iter().map(|m| m.administration));
                    }
                    Ok(out)
                })
                .await;
            if let Some(Ok(sources)) = sources {
                for s in sources {
                    self.trigger(&s);
                }
            }
        }
    }

    /// Sends each agreement document the other party does not hold yet.
    pub async fn deliver_agreements(&self) {
        let Some(Ok(pending)) = self.blocking(|fed| fed.agreements.undelivered()).await else { return };
        for (other, id, document) in pending {
            let o = other.clone();
            let Some(Ok(Some((peer_id, _)))) = self.blocking(move |fed| fed.locate(&o)).await else {
                continue;
            };
            let Ok(peer) = parse_peer_id(&peer_id) else { continue };
            match self.net.request(peer, Request::Agreement { document: document.clone() }).await {
                Ok(Response::Ack) => {
                    let doc: Document = document;
                    if let Some(Err(e)) =
                        self.blocking(move |fed| fed.agreements.mark_delivered(id, &doc)).await
                    {
                        tracing::error!(error = %e, "cannot record the delivery");
                    }
                    self.trigger(&other);
                }
                Ok(Response::Refused { message, .. }) => {
                    self.audit(
                        AuditEvent::new("network", "agreement.delivery", Outcome::Failed)
                            .target(format!("agreements/{id}"))
                            .detail(format!("peer={other} refused: {message}")),
                    );
                }
                Ok(_) | Err(_) => {}
            }
        }
    }

    pub(super) async fn fetch_directory(&self) {
        let Some((hub_id, _)) = self.fed.hub.clone() else { return };
        let Ok(peer) = parse_peer_id(&hub_id) else { return };
        let have = self.fed.directory.version();
        if let Ok(Response::Directory { envelope: Some(signed) }) =
            self.net.request(peer, Request::Directory { have }).await
        {
            match self.blocking(move |fed| fed.directory.accept(&signed)).await {
                Some(Ok(Some(_))) => self.sync_network().await,
                Some(Err(e)) => tracing::warn!(error = %e, "directory from the hub refused"),
                _ => {}
            }
        }
    }

    async fn events(self, mut events: mpsc::Receiver<NetEvent>) {
        while let Some(event) = events.recv().await {
            match event {
                NetEvent::Inbound { peer, request, channel } => {
                    let engine = self.clone();
                    self.spawn(async move {
                        let response = engine.answer(peer.to_base58(), request).await;
                        if engine.net.respond(channel, response).await.is_err() {
                            tracing::debug!("network stopped before the response");
                        }
                    });
                }
                NetEvent::Connected(peer) => {
                    let engine = self.clone();
                    self.spawn(async move {
                        let id = peer.to_base58();
                        if let Some(Ok(Some(admin))) = engine.blocking(move |fed| fed.resolve(&id)).await {
                            engine.fed.peers.touch(&admin, |l| {
                                l.connected = true;
                                l.last_seen_ms = Some(now_ms());
                            });
                            engine.trigger(&admin);
                            let a = admin.clone();
                            let partner = engine.blocking(move |fed| fed.operations.partners()).await;
                            if matches!(partner, Some(Ok(p)) if p.contains(&a)) {
                                engine.trigger_ops(&admin);
                            }
                        }
                        if engine.fed.hub.as_ref().is_some_and(|(h, _)| *h == peer.to_base58()) {
                            engine.fetch_directory().await;
                            engine.fetch_code_lists().await;
                            engine.trigger_board();
                        }
                        engine.deliver_agreements().await;
                    });
                }
                NetEvent::Disconnected(peer) => {
                    let id = peer.to_base58();
                    if let Some(Ok(Some(admin))) = self.blocking(move |fed| fed.resolve(&id)).await {
                        self.fed.peers.touch(&admin, |l| {
                            l.connected = false;
                            l.last_seen_ms = Some(now_ms());
                        });
                    }
                }
                NetEvent::Denied { peer, address } => {
                    let source = peer.map(|p| p.to_base58()).unwrap_or_else(|| address.clone());
                    self.audit_noisy(
                        source,
                        AuditEvent::new("network", "net.refused", Outcome::Denied).detail(format!(
                            "peer_id={} address={address} reason=not a peer or directory member",
                            peer.map(|p| p.to_base58()).unwrap_or_else(|| "unknown".into())
                        )),
                    );
                }
                NetEvent::BadInbound { peer, message } => {
                    self.audit_noisy(
                        peer.to_base58(),
                        AuditEvent::new("network", "net.bad_message", Outcome::Denied)
                            .detail(format!("peer_id={peer} error={message}")),
                    );
                }
            }
        }
    }

    /// Answers one request from an allowed peer.
    async fn answer(&self, peer_id: String, request: Request) -> Response {
        let engine = self.clone();
        let id = peer_id.clone();
        let Some(Ok(policy)) = self.blocking(move |fed| fed.policy(&id)).await else {
            return refused(Refusal::Unavailable, "try again later");
        };
        let who = match &policy {
            Policy::Hub => Some("WCO".to_owned()),
            Policy::Agreement { administration, .. } | Policy::NoAgreement { administration } => {
                Some(administration.clone())
            }
            Policy::Unknown => None,
        };
        if let Some(admin) = &who {
            self.fed.peers.touch(admin, |l| {
                l.connected = true;
                l.last_seen_ms = Some(now_ms());
            });
        }
        match request {
            Request::Pull { after, limit } => {
                let Some(admin) = who else {
                    return refused(Refusal::UnknownPeer, "not a peer of this node");
                };
                if let Policy::NoAgreement { .. } = policy {
                    self.audit(
                        AuditEvent::new(admin.as_str(), "replication.refused", Outcome::Denied)
                            .detail(format!("peer={admin} peer_id={peer_id} reason=no active agreement")),
                    );
                    return refused(Refusal::NoAgreement, "no active agreement covers anything for you");
                }
                self.fed.peers.touch(&admin, |l| l.they_pulled = Some(after));
                let basis = match &policy {
                    Policy::Agreement { terms, .. } => {
                        let ids: Vec<String> = terms.iter().map(|t| t.id.to_string()).collect();
                        format!("agreements=[{}]", ids.join(","))
                    }
                    _ => "policy=hub".to_owned(),
                };
                let pol = policy.clone();
                match engine.blocking(move |fed| fed.serve_pull(&pol, after, limit)).await {
                    Some(Ok(served)) => {
                        if served.sent > 0 {
                            self.audit(
                                AuditEvent::new(admin.as_str(), "replication.serve", Outcome::Ok).detail(
                                    format!("to={admin} {basis} after={after} entries={}", served.sent),
                                ),
                            );
                        }
                        served.response
                    }
                    _ => refused(Refusal::Unavailable, "the store could not be read"),
                }
            }
            Request::Notify { head } => {
                if let Some(admin) = who {
                    self.fed.peers.touch(&admin, |l| l.their_head = l.their_head.max(head));
                    self.trigger(&admin);
                }
                Response::Ack
            }
            Request::Agreement { document } => {
                let Some(admin) = who else {
                    return refused(Refusal::UnknownPeer, "not a peer of this node");
                };
                let (a, id) = (admin.clone(), peer_id.clone());
                match self.blocking(move |fed| fed.agreements.receive(&a, &id, document)).await {
                    Some(Ok(changed)) => {
                        if changed {
                            self.sync_network().await;
                            self.trigger(&admin);
                        }
                        Response::Ack
                    }
                    Some(Err(e)) => {
                        self.audit(
                            AuditEvent::new(admin.as_str(), "agreement.received", Outcome::Denied)
                                .detail(format!("from={admin} error={e}")),
                        );
                        refused(Refusal::BadRequest, e.to_string())
                    }
                    None => refused(Refusal::Unavailable, "try again later"),
                }
            }
            Request::Photo { kind, id, sha256 } => self.answer_photo(policy, who, kind, id, sha256).await,
            Request::OpPull { after, limit } => self.answer_op_pull(who, after, limit).await,
            Request::OpNotify { .. } => {
                if let Some(admin) = who {
                    self.trigger_ops(&admin);
                }
                Response::Ack
            }
            Request::GlobalSearch { .. } | Request::GlobalStatistics { .. } => {
                self.answer_global(&peer_id, request).await
            }
            Request::CodeLists { have } => self.answer_code_lists(have).await,
            Request::CodeListsNotify => {
                if self.fed.hub.as_ref().is_some_and(|(h, _)| *h == peer_id) {
                    let engine = self.clone();
                    self.spawn(async move {
                        engine.fetch_code_lists().await;
                    });
                }
                Response::Ack
            }
            Request::BoardPull { after, limit } => self.answer_board_pull(peer_id, after, limit).await,
            Request::BoardNotify { .. } => {
                self.on_board_notify(&peer_id);
                Response::Ack
            }
            Request::ForumPost { envelope } => self.answer_forum_post(peer_id, envelope).await,
            Request::Directory { have } => {
                if !self.fed.is_hub() {
                    return refused(Refusal::BadRequest, "only the hub serves the directory");
                }
                match self.blocking(|fed| fed.directory.current()).await {
                    Some(Ok(Some((dir, signed)))) if dir.version > have => {
                        Response::Directory { envelope: Some(serde_bytes::ByteBuf::from(signed)) }
                    }
                    Some(Ok(_)) => Response::Directory { envelope: None },
                    _ => refused(Refusal::Unavailable, "try again later"),
                }
            }
        }
    }
}

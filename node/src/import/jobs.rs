//! Import jobs of a node, kept in memory: at most [`MAX_RUNNING`] run at once, each on its own
//! thread, and the last [`KEPT`] finished ones stay readable by whoever started them. Each job
//! is audited when it starts (who, the file's SHA-256, size and format) and when it ends (the
//! counts, or why it failed); every record it stores is audited as any record write is.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use ncen_protocol::codelists::Catalog;

use super::member::{self, MemberError, MemberUploads};
use super::report::{ImportReport, JobState, JobView, Phase};
use super::run::{Context, Upload, run};
use super::source::{Format, Source};
use super::{ImportError, MAX_RUNNING};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::{Journal, now_ms};
use crate::metrics::Metrics;
use crate::records::Records;
use crate::store::Store;

/// Finished jobs kept for their reports.
pub const KEPT: usize = 32;

/// How far a job is.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    phase: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Rows read so far.
    pub(crate) fn read(&self, rows: u64) {
        self.done.store(rows, Ordering::Relaxed);
    }

    /// Reading is over; `total` records are to be checked and stored.
    pub(crate) fn storing(&self, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.phase.store(1, Ordering::Relaxed);
    }

    pub(crate) fn advance(&self, rows: u64) {
        self.done.fetch_add(rows, Ordering::Relaxed);
    }

    fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Reading,
            _ => Phase::Storing,
        }
    }
}

#[derive(Debug)]
enum Ended {
    Done(Box<ImportReport>),
    Failed(String),
}

#[derive(Debug)]
struct Job {
    id: uuid::Uuid,
    owner: String,
    /// At the hub: the member without a node the upload is for.
    administration: Option<String>,
    dry_run: bool,
    started_ms: i64,
    progress: Progress,
    ended: Mutex<Option<(i64, Ended)>>,
}

impl Job {
    fn running(&self) -> bool {
        self.ended.lock().map(|e| e.is_none()).unwrap_or(false)
    }

    fn view(&self) -> JobView {
        let ended = self.ended.lock().ok();
        let ended = ended.as_deref().and_then(Option::as_ref);
        let (state, phase, finished_at, report, error) = match ended {
            None => (JobState::Running, self.progress.phase(), None, None, None),
            Some((at, Ended::Done(r))) => {
                (JobState::Done, Phase::Finished, Some(rfc3339(*at)), Some((**r).clone()), None)
            }
            Some((at, Ended::Failed(e))) => {
                (JobState::Failed, Phase::Finished, Some(rfc3339(*at)), None, Some(e.clone()))
            }
        };
        let total = self.progress.total.load(Ordering::Relaxed);
        let done = self.progress.done.load(Ordering::Relaxed);
        JobView {
            job: self.id,
            state,
            phase,
            dry_run: self.dry_run,
            rows_done: if state == JobState::Done { total } else { done },
            rows_total: total,
            started_at: rfc3339(self.started_ms),
            finished_at,
            report,
            error,
            administration: self.administration.clone(),
        }
    }
}

fn rfc3339(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Why a job was not started.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{MAX_RUNNING} imports are running at this node; try again when one has finished")]
    Busy,
    /// The file is not one of the template (or too large): nothing started.
    #[error(transparent)]
    File(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Why an upload on behalf of a member was not started.
#[derive(Debug, thiserror::Error)]
pub enum MemberStartError {
    /// The administration cannot be uploaded for (or this node is not the hub).
    #[error(transparent)]
    Member(#[from] MemberError),
    #[error(transparent)]
    Start(#[from] StartError),
}

#[derive(Debug)]
struct Inner {
    records: Records,
    store: Store,
    journal: Arc<Journal>,
    metrics: Arc<Metrics>,
    catalog: &'static Catalog,
    jobs: Mutex<Vec<Arc<Job>>>,
    /// At the hub: uploads on behalf of members without a node.
    members: std::sync::OnceLock<MemberUploads>,
}

/// The import jobs of a node.
#[derive(Debug, Clone)]
pub struct ImportJobs {
    inner: Arc<Inner>,
}

/// A file to import, opened and checked.
#[derive(Debug)]
pub struct Request {
    pub source: Source,
    pub format: Format,
    pub sha256: String,
    pub bytes: usize,
    pub dry_run: bool,
}

impl ImportJobs {
    pub fn new(
        records: Records,
        store: Store,
        journal: Arc<Journal>,
        metrics: Arc<Metrics>,
        catalog: &'static Catalog,
    ) -> Self {
        ImportJobs {
            inner: Arc::new(Inner {
                records,
                store,
                journal,
                metrics,
                catalog,
                jobs: Mutex::default(),
                members: std::sync::OnceLock::new(),
            }),
        }
    }

    /// At the hub: lets administrators upload on behalf of members without a node.
    pub fn enable_member_uploads(&self, uploads: MemberUploads) {
        let _ = self.inner.members.set(uploads);
    }

    /// The uploads on behalf of members, at the hub only.
    pub fn member_uploads(&self) -> Option<&MemberUploads> {
        self.inner.members.get()
    }

    /// At the hub: checks `administration` (a member without a node), opens the file as
    /// [`ImportJobs::submit`] does and starts a job that stores only the non-nominal projection
    /// of each valid seizure, for that administration. Blocking.
    pub fn submit_for_member(
        &self,
        actor: &str,
        administration: &str,
        bytes: axum::body::Bytes,
        format: Format,
        dry_run: bool,
    ) -> Result<JobView, MemberStartError> {
        use sha2::Digest as _;
        let members = self.member_uploads().ok_or(MemberError::NotHub)?;
        let administration = members.check(administration)?;
        let size = bytes.len();
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        let source = Source::open(bytes, format).map_err(StartError::from)?;
        let request = Request { source, format, sha256, bytes: size, dry_run };
        Ok(self.start_job(actor, request, Some(administration))?)
    }

    /// Opens an uploaded file (its hash taken, its sheets' headers checked) and starts a job for
    /// it. Blocking: call it off the async workers.
    pub fn submit(
        &self,
        actor: &str,
        bytes: axum::body::Bytes,
        format: Format,
        dry_run: bool,
    ) -> Result<JobView, StartError> {
        use sha2::Digest as _;
        let size = bytes.len();
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        let source = Source::open(bytes, format)?;
        self.start(actor, Request { source, format, sha256, bytes: size, dry_run })
    }

    /// Starts a job for `actor`; it runs on its own thread.
    pub fn start(&self, actor: &str, request: Request) -> Result<JobView, StartError> {
        self.start_job(actor, request, None)
    }

    fn start_job(
        &self,
        actor: &str,
        request: Request,
        administration: Option<String>,
    ) -> Result<JobView, StartError> {
        let job = {
            let mut jobs = self.inner.jobs.lock().map_err(|_| StartError::Busy)?;
            if jobs.iter().filter(|j| j.running()).count() >= MAX_RUNNING {
                return Err(StartError::Busy);
            }
            let finished: Vec<uuid::Uuid> = jobs.iter().filter(|j| !j.running()).map(|j| j.id).collect();
            if finished.len() >= KEPT {
                let drop: Vec<_> = finished[..=finished.len() - KEPT].to_vec();
                jobs.retain(|j| !drop.contains(&j.id));
            }
            let job = Arc::new(Job {
                id: uuid::Uuid::now_v7(),
                owner: actor.to_owned(),
                administration: administration.clone(),
                dry_run: request.dry_run,
                started_ms: now_ms(),
                progress: Progress::default(),
                ended: Mutex::new(None),
            });
            jobs.push(job.clone());
            job
        };
        let mut detail = format!(
            "file_sha256={} bytes={} format={} dry_run={}",
            request.sha256,
            request.bytes,
            request.format.name(),
            request.dry_run
        );
        if let Some(a) = &administration {
            detail.push_str(&format!(" on_behalf_of={a}"));
        }
        let started = AuditEvent::new(actor, "import.start", Outcome::Ok)
            .target(format!("import/{}", job.id))
            .detail(detail);
        if let Err(e) = self.inner.journal.audit(started, true) {
            self.end(&job, Ended::Failed("the import could not be audited".into()));
            return Err(e.into());
        }
        let view = job.view();
        let this = self.clone();
        let spawned = std::thread::Builder::new().name("import".into()).spawn({
            let job = job.clone();
            move || this.work(&job, request)
        });
        if spawned.is_err() {
            self.end(&job, Ended::Failed("the import could not start".into()));
        }
        Ok(view)
    }

    fn work(&self, job: &Job, request: Request) {
        let i = &self.inner;
        let upload = Upload {
            format: request.format.name(),
            sha256: request.sha256.clone(),
            dry_run: request.dry_run,
        };
        let photos = crate::photos::Photos::new(i.journal.clone());
        let cx = Context {
            records: &i.records,
            store: &i.store,
            progress: &job.progress,
            dry_run: request.dry_run,
            metrics: &i.metrics,
            catalog: i.catalog,
            actor: &job.owner,
            photos: &photos,
        };
        let source = request.source;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match (&job.administration, i.members.get()) {
                (Some(administration), Some(members)) => {
                    let mx = member::Context { members, administration, job: job.id, cx };
                    member::run(mx, source, &upload)
                }
                (Some(_), None) => Err(ImportError::Record("this node is not the WCO hub".into())),
                (None, _) => run(cx, source, &upload),
            }
        }));
        let ended = match outcome {
            Ok(Ok(report)) => Ended::Done(Box::new(report)),
            Ok(Err(e)) => {
                if let ImportError::Store(s) = &e {
                    tracing::error!(error = %s, "import stopped by a store failure");
                }
                Ended::Failed(e.to_string())
            }
            Err(_) => {
                tracing::error!(job = %job.id, "import failed unexpectedly");
                Ended::Failed("the import failed unexpectedly; see the node's log".into())
            }
        };
        let (outcome, mut detail) = match &ended {
            Ended::Done(r) => (
                Outcome::Ok,
                format!(
                    "file_sha256={} dry_run={} seizures={}/{} suspects={}/{} companies={}/{} created={} existing={} invalid_rows={}",
                    r.file_sha256,
                    r.dry_run,
                    r.seizures.valid,
                    r.seizures.read,
                    r.suspects.valid,
                    r.suspects.read,
                    r.companies.valid,
                    r.companies.read,
                    r.created,
                    r.existing,
                    r.invalid_rows_total
                ),
            ),
            Ended::Failed(e) => (Outcome::Failed, format!("file_sha256={} error={e}", request.sha256)),
        };
        if let Some(a) = &job.administration {
            detail.push_str(&format!(" on_behalf_of={a}"));
        }
        let event = AuditEvent::new(job.owner.as_str(), "import.finish", outcome)
            .target(format!("import/{}", job.id))
            .detail(detail);
        if let Err(e) = i.journal.audit(event, true) {
            tracing::error!(error = %e, "cannot audit the end of an import");
        }
        self.end(job, ended);
    }

    fn end(&self, job: &Job, ended: Ended) {
        if let Ok(mut slot) = job.ended.lock() {
            *slot = Some((now_ms(), ended));
        }
    }

    /// A job of the node's own records, as its owner sees it (`None` for anyone else, an
    /// unknown id or an upload on behalf of a member).
    pub fn view(&self, id: uuid::Uuid, actor: &str) -> Option<JobView> {
        let jobs = self.inner.jobs.lock().ok()?;
        jobs.iter().find(|j| j.id == id && j.owner == actor && j.administration.is_none()).map(|j| j.view())
    }

    /// An upload on behalf of a member, as its owner sees it.
    pub fn view_member(&self, id: uuid::Uuid, actor: &str) -> Option<JobView> {
        let jobs = self.inner.jobs.lock().ok()?;
        jobs.iter().find(|j| j.id == id && j.owner == actor && j.administration.is_some()).map(|j| j.view())
    }
}

//! Prometheus metrics of the node, served at `/metrics` in the text exposition format.

use std::sync::Mutex;

use ncen_protocol::record::RecordKind;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// The node's counters.
#[derive(Debug)]
pub struct Metrics {
    registry: Mutex<Registry>,
    http: Family<HttpLabels, Counter>,
    written: Family<KindLabels, Counter>,
    logins: Family<OutcomeLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("ncen");
        let http = Family::<HttpLabels, Counter>::default();
        let written = Family::<KindLabels, Counter>::default();
        let logins = Family::<OutcomeLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered, by method and status", http.clone());
        registry.register("records_written", "Record revisions written, by kind", written.clone());
        registry.register("logins", "Login attempts, by outcome", logins.clone());
        Metrics { registry: Mutex::new(registry), http, written, logins }
    }

    pub fn http(&self, method: &str, status: u16) {
        self.http.get_or_create(&HttpLabels { method: method.to_owned(), status }).inc();
    }

    pub fn record_written(&self, kind: RecordKind, n: u64) {
        self.written.get_or_create(&KindLabels { kind: kind.collection() }).inc_by(n);
    }

    pub fn login(&self, ok: bool) {
        self.logins.get_or_create(&OutcomeLabels { outcome: if ok { "ok" } else { "refused" } }).inc();
    }

    /// The text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let registry = self.registry.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if prometheus_client::encoding::text::encode(&mut out, &registry).is_err() {
            out.clear();
        }
        out
    }
}

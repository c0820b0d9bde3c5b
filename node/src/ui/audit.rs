//! The audit log page (administrators, auditors): newest first, filtered by who, action,
//! outcome and period, paged; and a check of the whole hash chain.

use axum::extract::{Query, State};
use axum::response::Response;
use ncen_admin_ui::pages::{AuditFilterForm, AuditPage, AuditRow};
use serde::Deserialize;

use super::chrome::{self, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::audit::{self, AuditFilter, Outcome};
use crate::roles::Permission;

const PAGE: usize = 100;
const OUTCOMES: [(&str, &str); 3] =
    [("ok", "audit-outcome-ok"), ("denied", "audit-outcome-denied"), ("failed", "audit-outcome-failed")];

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    before: Option<u64>,
    verify: Option<String>,
}

/// Milliseconds at the start of an ISO day.
fn day_ms(s: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(s, format).ok()?;
    i64::try_from(date.midnight().assume_utc().unix_timestamp_nanos() / 1_000_000).ok()
}

fn outcome_of(s: &str) -> Option<Outcome> {
    match s {
        "ok" => Some(Outcome::Ok),
        "denied" => Some(Outcome::Denied),
        "failed" => Some(Outcome::Failed),
        _ => None,
    }
}

fn query_string(q: &AuditQuery, before: Option<u64>) -> String {
    let mut parts: Vec<(&str, String)> = [
        ("actor", q.actor.clone()),
        ("action", q.action.clone()),
        ("outcome", q.outcome.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    if let Some(b) = before {
        parts.push(("before", b.to_string()));
    }
    let encoded = serde_html_form::to_string(&parts).unwrap_or_default();
    format!("/audit?{encoded}")
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(q): Query<AuditQuery>) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ReadAudit)) {
        return r;
    }
    let l = v.l10n();
    let mut form = AuditFilterForm {
        actor: q.actor.chars().take(64).collect(),
        action: q.action.chars().take(64).collect(),
        outcome: q.outcome.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        ..AuditFilterForm::default()
    };
    let from_ms = if q.from.is_empty() { None } else { day_ms(&q.from) };
    let to_ms = if q.to.is_empty() { None } else { day_ms(&q.to).map(|t| t + 86_400_000) };
    if (!q.from.is_empty() && from_ms.is_none()) || (!q.to.is_empty() && to_ms.is_none()) {
        form.errors.add("dates", l.t("field-bad-date"));
    }
    let filter = AuditFilter {
        actor: Some(form.actor.trim().to_owned()).filter(|a| !a.is_empty()),
        action_prefix: Some(form.action.trim().to_owned()).filter(|a| !a.is_empty()),
        outcome: outcome_of(&q.outcome),
        from_ms,
        to_ms,
    };
    let store = state.store.clone();
    let before = q.before;
    let verify = q.verify.is_some();
    let found = tokio::task::spawn_blocking(move || {
        let found = audit::search(&store, &filter, before, PAGE)?;
        let check = verify.then(|| audit::verify(&store));
        Ok::<_, crate::store::StoreError>((found, check))
    })
    .await;
    let ((entries, next), check) = match found {
        Ok(Ok(x)) => x,
        _ => return chrome::problem(&state, &v, chrome::Problem::Internal),
    };
    let (verification, verified) = match check {
        Some(Ok(report)) => (
            Some(l.t2(
                "audit-valid",
                "count",
                report.entries,
                "hash",
                report.head_hash.get(..16).unwrap_or_default(),
            )),
            true,
        ),
        Some(Err(e)) => (Some(l.t1("audit-invalid", "problem", e.to_string())), false),
        None => (None, false),
    };
    let rows = entries
        .into_iter()
        .map(|e| {
            let (outcome, outcome_label) = match e.outcome {
                Outcome::Ok => OUTCOMES[0],
                Outcome::Denied => OUTCOMES[1],
                Outcome::Failed => OUTCOMES[2],
            };
            AuditRow {
                seq: e.seq,
                at: l.datetime(e.at_ms),
                actor: e.actor,
                action: e.action,
                outcome,
                outcome_label,
                target: e.target.unwrap_or_default(),
                detail: e.detail.unwrap_or_default(),
            }
        })
        .collect();
    let notices = chrome::expiry_notice(&v);
    let page = AuditPage {
        c: chrome(&state, &v, "audit", notices),
        outcomes: OUTCOMES.to_vec(),
        entries: rows,
        verification,
        verified,
        newer: before.map(|_| query_string(&q, None)),
        older: next.map(|n| query_string(&q, Some(n))),
        f: form,
    };
    chrome::page(&v, &page)
}

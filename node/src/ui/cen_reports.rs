//! At the hub: the operations' seizure reports forwarded by their owning administrations (MISSION
//! O4, B2), each with its operation, origin, approver and fields, labelled in the reader's
//! language. Reading the page is audited.

use axum::extract::State;
use axum::response::Response;
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::cen_reports::{CenReportsPage, ReportRow};
use ncen_protocol::operation::{FieldType, field};

use super::chrome::{self, admin_label, chrome};
use super::operations::field_label;
use super::session::Visitor;
use crate::api::AppState;
use crate::roles::Permission;

fn value(l: &L10n, name: &str, value: &str) -> String {
    match field(name).map(|f| f.kind) {
        Some(FieldType::Code(list)) => l.code(list, value),
        Some(FieldType::Date) => l.date(value),
        _ => value.to_owned(),
    }
}

pub async fn page(State(state): State<AppState>, v: Visitor) -> Response {
    let actor = match v.require(&state, Some(Permission::ReadCen)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    if state.cen.is_none() {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    }
    let held = crate::api::op_forward::read_reports(&state, actor).await;
    let Ok(Ok(reports)) = held else { return chrome::problem(&state, &v, chrome::Problem::Internal) };
    let l = v.l10n();
    let rows = reports
        .into_iter()
        .map(|r| ReportRow {
            operation: r.forward.operation_name.clone(),
            origin_label: admin_label(&l, &r.forward.origin),
            origin: r.forward.origin.clone(),
            sent_at: l.datetime(r.forward.sent_at_ms),
            fields: r.forward.fields.iter().map(|(k, x)| (field_label(&l, k), value(&l, k, x))).collect(),
            approved_by: r.consent.approved_by.clone(),
            approved_at: l.datetime(r.consent.at_ms),
        })
        .collect();
    let page = CenReportsPage { c: chrome(&state, &v, "cen-reports", chrome::expiry_notice(&v)), rows };
    chrome::page(&v, &page)
}

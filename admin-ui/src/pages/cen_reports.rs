//! The hub's page of the operations' seizure reports forwarded to the global CEN database, with
//! their provenance and the consent that allowed each.

use askama::Template;

use super::Chrome;

/// One forwarded report.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub operation: String,
    pub origin: String,
    pub origin_label: String,
    pub sent_at: String,
    /// The non-nominal fields: label and value.
    pub fields: Vec<(String, String)>,
    pub approved_by: String,
    pub approved_at: String,
}

#[derive(Debug, Template)]
#[template(path = "cen_reports.html")]
pub struct CenReportsPage {
    pub c: Chrome,
    pub rows: Vec<ReportRow>,
}

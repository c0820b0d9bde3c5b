//! The pages of the web UI: what each template shows, already in the reader's language.

use std::collections::BTreeMap;

use askama::Template;

use crate::i18n::L10n;

pub mod board;
pub mod cen_reports;
pub mod code_lists;
pub mod global;
pub mod operations;

/// A link of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub key: &'static str,
    pub href: &'static str,
    /// Message id of the label.
    pub label: &'static str,
    pub active: bool,
    /// A count shown beside the label (unread messages), if any.
    pub badge: Option<String>,
}

/// The signed-in user, as the header shows them.
#[derive(Debug, Clone)]
pub struct UserBadge {
    pub username: String,
    pub role_label: String,
}

/// A message at the top of the page.
#[derive(Debug, Clone)]
pub struct Notice {
    /// `ok`, `warn`, `error` or `info`: its styling.
    pub kind: &'static str,
    pub text: String,
}

/// What every page shares: language, node, user, navigation, CSRF token, notices.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub l: L10n,
    pub admin: String,
    pub node_role: String,
    pub user: Option<UserBadge>,
    pub nav: Vec<NavItem>,
    pub csrf: String,
    pub notices: Vec<Notice>,
    /// (code, name in itself) for the language picker.
    pub langs: Vec<(&'static str, &'static str)>,
}

/// Errors of a form, by field name, already translated.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }
    pub fn get(&self, field: &str) -> &str {
        self.0.get(field).map(String::as_str).unwrap_or_default()
    }
    pub fn add(&mut self, field: impl Into<String>, message: String) {
        self.0.entry(field.into()).or_insert(message);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Template, Debug)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub c: Chrome,
    pub username: String,
    pub next: String,
    pub error: Option<String>,
    pub ask_totp: bool,
}

#[derive(Template, Debug)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub title: String,
    pub message: String,
}

/// A peer with its live replication state.
#[derive(Debug, Clone)]
pub struct PeerRow {
    pub administration: String,
    pub label: String,
    pub peer_id: String,
    pub peer_id_short: String,
    pub addresses: Vec<String>,
    /// `peers`, `directory` or `hub`.
    pub source: &'static str,
    pub source_label: &'static str,
    pub connected: bool,
    pub last_seen: String,
    pub lag_in: i64,
    pub lag_out: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct HubLink {
    pub peer_id: String,
    pub connected: bool,
}

/// Records held, by the administration that owns them.
#[derive(Debug, Clone)]
pub struct OriginRow {
    pub origin: String,
    pub label: String,
    pub seizures: i64,
    pub suspects: i64,
    pub companies: i64,
}

#[derive(Template, Debug)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub c: Chrome,
    pub admin_label: String,
    pub peer_id: String,
    pub public_key: String,
    pub listen: Vec<String>,
    pub version: String,
    pub hub_self: bool,
    pub hub: Option<HubLink>,
    /// The reader may see peers (administrators, auditors).
    pub show_peers: bool,
    pub peers: Vec<PeerRow>,
    pub origins: Vec<OriginRow>,
    pub revisions: i64,
    pub audit_entries: i64,
    pub agreements_active: i64,
    pub agreements_waiting: i64,
}

#[derive(Debug, Clone, Default)]
pub struct PeerForm {
    pub administration: String,
    pub peer_id: String,
    pub addresses: String,
    pub errors: FieldErrors,
}

#[derive(Template, Debug)]
#[template(path = "peers.html")]
pub struct PeersPage {
    pub c: Chrome,
    pub peers: Vec<PeerRow>,
    pub can_manage: bool,
    /// At the hub the form admits members to the signed directory.
    pub is_hub: bool,
    pub form: PeerForm,
}

/// One direction of an agreement: who sends what to whom.
#[derive(Debug, Clone)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub what: String,
}

/// One agreement, with what flows under it said in words.
#[derive(Debug, Clone)]
pub struct AgreementRow {
    pub id: String,
    pub peer: String,
    pub peer_label: String,
    /// `proposed`, `active`, ...: styling and tests.
    pub state: &'static str,
    pub state_label: String,
    pub legal_basis: String,
    pub flows: Vec<Flow>,
    pub validity: String,
    pub proposed_at: String,
    pub delivered: bool,
    pub can_answer: bool,
    pub can_revoke: bool,
}

/// A group of agreements on the agreements page.
#[derive(Debug, Clone)]
pub struct AgreementGroup {
    pub key: &'static str,
    pub title: &'static str,
    pub items: Vec<AgreementRow>,
}

#[derive(Debug, Clone, Default)]
pub struct ProposeForm {
    pub peer: String,
    pub legal_basis: String,
    pub kinds: Vec<String>,
    pub direction: String,
    pub commodities: Vec<String>,
    pub valid_from: String,
    pub valid_until: String,
    pub errors: FieldErrors,
}

#[derive(Template, Debug)]
#[template(path = "agreements.html")]
pub struct AgreementsPage {
    pub c: Chrome,
    pub groups: Vec<AgreementGroup>,
    pub can_manage: bool,
    /// (code, label) of the administrations an agreement can be proposed to.
    pub peers: Vec<(String, String)>,
    /// (code, message id) of the record kinds.
    pub kinds: Vec<(String, &'static str)>,
    /// (code, label) of the commodity categories.
    pub commodities: Vec<(String, String)>,
    pub form: ProposeForm,
}

#[derive(Template, Debug)]
#[template(path = "agreement.html")]
pub struct AgreementPage {
    pub c: Chrome,
    pub a: AgreementRow,
    pub can_manage: bool,
    pub confirm_revoke: bool,
    /// (what happened, when).
    pub events: Vec<(String, String)>,
    pub reason: Option<String>,
    /// (who signed, SHA-256 of the signature).
    pub signatures: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct UserRow {
    pub username: String,
    pub display_name: Option<String>,
    pub role: String,
    pub role_label: String,
    /// `active`, `blocked`, `inactive`, `deactivated`.
    pub state: &'static str,
    pub state_label: String,
    pub marks: Vec<String>,
    pub last_login: String,
    pub password_expires: String,
    pub manageable: bool,
}

#[derive(Debug, Clone, Default)]
pub struct UserForm {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub errors: FieldErrors,
}

#[derive(Template, Debug)]
#[template(path = "users.html")]
pub struct UsersPage {
    pub c: Chrome,
    pub policy: String,
    pub users: Vec<UserRow>,
    /// (code, label) of the roles this user may give.
    pub roles: Vec<(String, String)>,
    pub form: UserForm,
    pub password_help: String,
    pub reset: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AuditRow {
    pub seq: u64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub outcome: &'static str,
    pub outcome_label: &'static str,
    pub target: String,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilterForm {
    pub actor: String,
    pub action: String,
    pub outcome: String,
    pub from: String,
    pub to: String,
    pub errors: FieldErrors,
}

#[derive(Template, Debug)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub c: Chrome,
    pub f: AuditFilterForm,
    pub outcomes: Vec<(&'static str, &'static str)>,
    pub entries: Vec<AuditRow>,
    pub verification: Option<String>,
    pub verified: bool,
    pub newer: Option<String>,
    pub older: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TotpSetup {
    pub secret: String,
    pub qr_svg_base64: String,
}

#[derive(Template, Debug)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub c: Chrome,
    pub username: String,
    pub display_name: Option<String>,
    pub role_label: String,
    pub password_expires: String,
    pub password_help: String,
    pub errors: FieldErrors,
    pub totp_enabled: bool,
    pub totp_setup: Option<TotpSetup>,
}

/// One value of a facet, with how many results have it.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub label: String,
    pub count: String,
    /// The search with this value added, or removed when it is active.
    pub href: String,
    pub active: bool,
}

/// A facet beside the results: commodity, country, route country, origin...
#[derive(Debug, Clone)]
pub struct FacetGroup {
    /// Message id of its title.
    pub title: &'static str,
    pub values: Vec<FacetValue>,
}

/// One result of a search.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub kind: &'static str,
    pub kind_label: String,
    pub href: String,
    pub date: String,
    pub title: String,
    pub detail: String,
    pub origin: String,
    pub origin_label: String,
}

/// The fields of the search form, as typed.
#[derive(Debug, Clone, Default)]
pub struct SearchForm {
    pub q: String,
    pub kind: String,
    pub date_from: String,
    pub date_to: String,
    /// Active filters besides the text: (parameter, value) kept as hidden fields.
    pub hidden: Vec<(String, String)>,
    pub errors: FieldErrors,
}

#[derive(Template, Debug)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub c: Chrome,
    pub f: SearchForm,
    /// (code, message id) of the record kinds.
    pub kinds: Vec<(String, &'static str)>,
    pub total: String,
    pub searched: bool,
    pub facets: Vec<FacetGroup>,
    pub rows: Vec<ResultRow>,
    /// Removable chips for the active filters: (label, href without it).
    pub chips: Vec<(String, String)>,
    pub newer: Option<String>,
    pub older: Option<String>,
    pub stats_href: String,
    /// The reader may enter records.
    pub can_write: bool,
    /// The results as a grid of their photos rather than a list.
    pub photo_view: bool,
    /// The photos of the page's results (photo view only).
    pub photos: Vec<PhotoTile>,
    pub list_href: String,
    pub photos_href: String,
}

/// A labelled value of a record.
#[derive(Debug, Clone)]
pub struct FieldRow {
    pub label: String,
    pub value: String,
}

/// A titled group of fields, or a table (header, rows).
#[derive(Debug, Clone)]
pub struct RecordSection {
    pub title: String,
    pub fields: Vec<FieldRow>,
    pub table_head: Vec<String>,
    pub table: Vec<Vec<String>>,
    /// Links to other records: (label, href).
    pub links: Vec<(String, String)>,
}

#[derive(Template, Debug)]
#[template(path = "record.html")]
pub struct RecordPage {
    pub c: Chrome,
    pub title: String,
    pub kind_label: String,
    pub origin: String,
    pub origin_label: String,
    /// Received from another administration: read-only here.
    pub foreign: bool,
    pub revision: u32,
    pub issued_at: String,
    pub deleted: bool,
    pub sections: Vec<RecordSection>,
    pub back: String,
    /// Where to correct it, for an officer of its origin.
    pub edit: Option<String>,
    /// Its photos, as thumbnails.
    pub photos: Vec<PhotoTile>,
    /// Adding a photo, for an officer of its origin (seizures and suspects only).
    pub photo_form: Option<PhotoForm>,
}

/// One photo of a record or of a photo search.
#[derive(Debug, Clone)]
pub struct PhotoTile {
    /// The full image.
    pub full: String,
    /// The thumbnail; `None` while the bytes have not reached this node.
    pub thumb: Option<String>,
    /// The photo kind's label.
    pub kind: String,
    /// A person or a document: nominal.
    pub nominal: bool,
    pub caption: String,
    /// Where the photo's record is, in a search grid.
    pub record: Option<(String, String)>,
    /// The form action removing it from its record (own records, for officers).
    pub remove: Option<String>,
}

/// The form adding a photo to a record.
#[derive(Debug, Clone)]
pub struct PhotoForm {
    pub action: String,
    /// Photo kinds: code and label.
    pub kinds: Vec<(String, String)>,
    pub kind: String,
    pub caption: String,
    /// What was wrong with the last attempt, with the field at fault.
    pub error: Option<(String, String)>,
    /// Largest file, in MiB.
    pub max_mib: usize,
}

/// One view of the statistics: a chart and the table of its figures.
#[derive(Debug, Clone)]
pub struct StatBlock {
    /// Message id of its title.
    pub title: &'static str,
    /// What the figures are of, when the title alone does not say.
    pub subtitle: Option<String>,
    /// Message id of the figures' column: records, or quantity.
    pub value_head: &'static str,
    /// The SVG chart, base64, shown as an image (None if it could not be drawn).
    pub chart_base64: Option<String>,
    /// (label, count, share in per cent).
    pub rows: Vec<(String, String, String)>,
}

#[derive(Template, Debug)]
#[template(path = "stats.html")]
pub struct StatsPage {
    pub c: Chrome,
    /// Message id of the page's title.
    pub title: &'static str,
    pub total: String,
    pub chips: Vec<(String, String)>,
    pub blocks: Vec<StatBlock>,
    pub back: String,
    pub export_xlsx: String,
    pub export_csv: String,
}

/// The choices of a drop-down: (code, label), and groups of them for commodities.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub location_types: Vec<(String, String)>,
    pub countries: Vec<(String, String)>,
    pub directions: Vec<(String, String)>,
    pub detections: Vec<(String, String)>,
    pub conveyances: Vec<(String, String)>,
    pub concealments: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
    pub currencies: Vec<(String, String)>,
    pub sexes: Vec<(String, String)>,
    pub company_roles: Vec<(String, String)>,
    /// (category label, its types).
    pub commodities: Vec<(String, Vec<(String, String)>)>,
}

/// The values of a record form by field path (`place.country`, `goods[1].quantity`).
#[derive(Debug, Clone, Default)]
pub struct FormValues {
    pub values: BTreeMap<String, String>,
    /// Multi-valued fields: `route.transit`.
    pub multi: BTreeMap<String, Vec<String>>,
    pub errors: FieldErrors,
}

impl FormValues {
    pub fn val(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or_default()
    }
    pub fn is(&self, name: &str, code: &str) -> bool {
        self.val(name) == code || self.multi.get(name).is_some_and(|v| v.iter().any(|c| c == code))
    }
    /// The name of a goods line's field.
    pub fn goods(&self, line: &usize, field: &str) -> String {
        format!("goods[{line}].{field}")
    }
    pub fn gval(&self, line: &usize, field: &str) -> &str {
        self.val(&self.goods(line, field))
    }
    pub fn gis(&self, line: &usize, field: &str, code: &str) -> bool {
        self.gval(line, field) == code
    }
    pub fn gerr(&self, line: &usize, field: &str) -> &str {
        self.errors.get(&self.goods(line, field))
    }
    /// The name of a field of row `i` of list `list` (`offenders[1].sex`).
    pub fn row(&self, list: &str, i: &usize, field: &str) -> String {
        format!("{list}[{i}].{field}")
    }
    pub fn rval(&self, list: &str, i: &usize, field: &str) -> &str {
        self.val(&self.row(list, i, field))
    }
    pub fn ris(&self, list: &str, i: &usize, field: &str, code: &str) -> bool {
        self.rval(list, i, field) == code
    }
    pub fn rerr(&self, list: &str, i: &usize, field: &str) -> &str {
        self.errors.get(&self.row(list, i, field))
    }
}

#[derive(Template, Debug)]
#[template(path = "seizure_form.html")]
pub struct SeizureFormPage {
    pub c: Chrome,
    /// The record being corrected: (id, revision).
    pub editing: Option<(String, u32)>,
    pub f: FormValues,
    pub lines: Vec<usize>,
    pub choices: Choices,
    /// Rows for offenders and for linked companies.
    pub offender_rows: Vec<usize>,
    pub company_rows: Vec<usize>,
    /// (reference, label) of suspects and companies to link, newest first.
    pub suspects: Vec<(String, String)>,
    pub companies: Vec<(String, String)>,
}

#[derive(Template, Debug)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub c: Chrome,
    pub error: Option<String>,
    /// (file stem, sheet name) of the sheets a single CSV file may hold.
    pub sheets: Vec<(String, String)>,
    pub max_mib: usize,
    /// At the hub: (code, name) of the members without a node an upload may be for; empty at
    /// a national node.
    pub administrations: Vec<(String, String)>,
}

/// Counts of one kind in an import report: (label, read, valid, invalid, created, existing).
pub type KindLine = (String, String, String, String, String, String);

#[derive(Template, Debug)]
#[template(path = "import_job.html")]
pub struct ImportJobPage {
    pub c: Chrome,
    pub running: bool,
    pub failed: Option<String>,
    pub dry_run: bool,
    /// Percent done, when the total is known.
    pub percent: Option<u64>,
    pub progress: String,
    pub kinds: Vec<KindLine>,
    /// (sheet, row, column, reason).
    pub invalid: Vec<(String, String, String, String)>,
    pub invalid_total: String,
    pub more_invalid: bool,
    pub file_sha256: String,
    /// At the hub: the upload on behalf of a member without a node.
    pub member: Option<MemberUploadView>,
}

/// What an import job page shows of an upload on behalf of a member (numbers formatted).
#[derive(Debug, Clone, Default)]
pub struct MemberUploadView {
    /// The member's name.
    pub administration: String,
    pub updated: String,
    /// The sentence counting the suspects, companies and photos ignored.
    pub ignored: String,
}

/// An investigation in a list.
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub href: String,
    pub title: String,
    pub status: &'static str,
    pub status_label: String,
    pub assignees: String,
    pub updated: String,
    pub mine: bool,
}

#[derive(Template, Debug)]
#[template(path = "investigations.html")]
pub struct CasesPage {
    pub c: Chrome,
    pub rows: Vec<CaseRow>,
    pub errors: FieldErrors,
    pub title: String,
    pub summary: String,
}

/// One entry of an investigation's thread.
#[derive(Debug, Clone)]
pub struct ThreadRow {
    pub at: String,
    pub author: String,
    /// `note`, `status`, ... for styling.
    pub kind: &'static str,
    pub what: String,
    pub text: String,
    /// (name, href, size).
    pub attachment: Option<(String, String, String)>,
}

#[derive(Template, Debug)]
#[template(path = "investigation.html")]
pub struct CasePage {
    pub c: Chrome,
    pub id: String,
    pub title: String,
    pub summary: String,
    pub status: &'static str,
    pub status_label: String,
    pub opened: String,
    pub assignees: Vec<String>,
    /// (code, label) of the statuses this user may move it to.
    pub moves: Vec<(String, String)>,
    /// Officers and supervisors a supervisor may assign: (username, label, assigned).
    pub assignable: Vec<(String, String, bool)>,
    pub can_work: bool,
    /// (kind label, href, label).
    pub links: Vec<(String, String, String)>,
    pub thread: Vec<ThreadRow>,
    pub errors: FieldErrors,
}

/// One field of a generic record form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The JSON path the value goes to (`identity_documents[0].number`).
    pub name: String,
    pub label: String,
    /// `text`, `date`, `select` or `textarea`.
    pub kind: &'static str,
    pub options: Vec<(String, String)>,
    pub max: usize,
}

/// A titled group of fields.
#[derive(Debug, Clone)]
pub struct FormGroup {
    pub title: String,
    pub fields: Vec<FormField>,
}

#[derive(Template, Debug)]
#[template(path = "record_form.html")]
pub struct RecordFormPage {
    pub c: Chrome,
    pub heading: String,
    pub action: String,
    pub revision: Option<u32>,
    pub groups: Vec<FormGroup>,
    pub f: FormValues,
}

//! The pages of the web UI: what each template shows, already in the reader's language.

use std::collections::BTreeMap;

use askama::Template;

use crate::i18n::L10n;

/// A link of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub key: &'static str,
    pub href: &'static str,
    /// Message id of the label.
    pub label: &'static str,
    pub active: bool,
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
pub struct FieldErrors(pub BTreeMap<&'static str, String>);

impl FieldErrors {
    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }
    pub fn get(&self, field: &str) -> &str {
        self.0.get(field).map(String::as_str).unwrap_or_default()
    }
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.entry(field).or_insert(message);
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

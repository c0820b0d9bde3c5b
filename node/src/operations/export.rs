//! Everything an operation recorded, for its coordinating administration (MISSION O3): the
//! definition, the members' answers, every message in the table of its template with the link
//! to the warning it answers, and the receipts, as a SQLite database or an XLSX workbook with the
//! same tables. A code-list field keeps its code and gets its label in the exporter's language.

use ncen_admin_ui::L10n;
use ncen_protocol::codelists::Lang;
use ncen_protocol::operation::{FIELDS, FieldType, TemplateKind, field};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use time::OffsetDateTime;
use time::macros::format_description;

use super::{OpError, Operations, StoredMessage, StoredOperation};
use crate::accounts::Principal;
use crate::audit::{AuditEvent, Outcome};
use crate::roles::Permission;

/// Version of the exported tables, in the SQLite file's `user_version`.
pub const EXPORT_SCHEMA: i32 = 1;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Sqlite,
    Xlsx,
}

impl ExportFormat {
    /// The file name extension, also the format's name in the audit log.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Sqlite => "sqlite",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Sqlite => "application/vnd.sqlite3",
            ExportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the SQLite database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot use a temporary file: {0}")]
    Io(#[from] std::io::Error),
}

/// What a column holds: its SQL type, and how a spreadsheet shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Integer,
    Real,
    /// `YYYY-MM-DD`: ISO text in SQLite, a date in a workbook.
    Date,
    /// A moment: ISO 8601 UTC text in SQLite, a date and time in a workbook.
    Moment,
    /// Bytes: a BLOB in SQLite; their size in a workbook.
    Bytes,
}

impl Kind {
    fn sql(self) -> &'static str {
        match self {
            Kind::Text | Kind::Date | Kind::Moment => "TEXT",
            Kind::Integer => "INTEGER",
            Kind::Real => "REAL",
            Kind::Bytes => "BLOB",
        }
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Text(String),
    Integer(i64),
    Real(f64),
    Date(String),
    /// Milliseconds since the epoch.
    Moment(i64),
    Bytes(Vec<u8>),
}

fn opt_text(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::Text(s.to_owned()))
}

#[derive(Debug)]
struct Column {
    name: String,
    kind: Kind,
    /// The rest of the column's SQL definition (`PRIMARY KEY`, `REFERENCES ...`).
    extra: &'static str,
}

fn col(name: &str, kind: Kind) -> Column {
    Column { name: name.to_owned(), kind, extra: "" }
}

/// A table of the SQLite file, or a sheet of the workbook.
#[derive(Debug)]
struct Table {
    name: &'static str,
    sheet: &'static str,
    columns: Vec<Column>,
    /// Table constraints after the columns.
    constraints: &'static str,
    indexes: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn create_sql(&self) -> String {
        let mut parts: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                format!(
                    "\"{}\" {}{}{}",
                    c.name,
                    c.kind.sql(),
                    if c.extra.is_empty() { "" } else { " " },
                    c.extra
                )
            })
            .collect();
        if !self.constraints.is_empty() {
            parts.push(self.constraints.to_owned());
        }
        let mut sql = format!("CREATE TABLE \"{}\" (\n  {}\n);\n", self.name, parts.join(",\n  "));
        for column in &self.indexes {
            sql.push_str(&format!("CREATE INDEX \"{0}_{1}\" ON \"{0}\" (\"{1}\");\n", self.name, column));
        }
        sql
    }
}

/// `2026-12-05T09:30:00.123Z`.
fn iso_moment(ms: i64) -> String {
    let fmt = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_else(|| ms.to_string())
}

fn table_of(t: TemplateKind) -> (&'static str, &'static str) {
    match t {
        TemplateKind::Warning => ("warnings", "Warnings"),
        TemplateKind::Feedback => ("feedbacks", "Feedbacks"),
        TemplateKind::Seizure => ("seizures", "Seizures"),
    }
}

fn operation_table(op: &StoredOperation) -> Table {
    let o = &op.op;
    Table {
        name: "operation",
        sheet: "Operation",
        columns: vec![
            Column { name: "id".into(), kind: Kind::Text, extra: "PRIMARY KEY" },
            col("name", Kind::Text),
            col("purpose", Kind::Text),
            col("legal_basis", Kind::Text),
            col("coordinator", Kind::Text),
            col("valid_from", Kind::Date),
            col("valid_until", Kind::Date),
            col("version", Kind::Integer),
        ],
        constraints: "",
        indexes: Vec::new(),
        rows: vec![vec![
            Value::Text(o.id.to_string()),
            Value::Text(o.name.clone()),
            Value::Text(o.purpose.clone()),
            Value::Text(o.legal_basis.clone()),
            Value::Text(o.coordinator.clone()),
            Value::Date(o.valid_from.clone()),
            o.valid_until.clone().map_or(Value::Null, Value::Date),
            Value::Integer(i64::from(o.version)),
        ]],
    }
}

/// Every member with its users and its answer (`joined`, `declined`, none while it waits).
fn members_table(op: &StoredOperation) -> Table {
    let rows = op
        .op
        .members
        .iter()
        .map(|m| {
            let join = op.joins.get(&m.administration);
            vec![
                Value::Text(m.administration.clone()),
                Value::Text(m.users.join(", ")),
                join.map_or(Value::Null, |j| {
                    Value::Text(if j.accept { "joined" } else { "declined" }.into())
                }),
                opt_text(join.map(|j| j.by.as_str())),
                join.map_or(Value::Null, |j| Value::Moment(j.at_ms)),
            ]
        })
        .collect();
    Table {
        name: "members",
        sheet: "Members",
        columns: vec![
            Column { name: "administration".into(), kind: Kind::Text, extra: "PRIMARY KEY" },
            col("users", Kind::Text),
            col("answer", Kind::Text),
            col("answered_by", Kind::Text),
            col("answered_at", Kind::Moment),
        ],
        constraints: "",
        indexes: Vec::new(),
        rows,
    }
}

/// The fields of a template's table: the operation's choice, then any standard field that a
/// message holds although a later version of the definition dropped it.
fn fields_of(op: &StoredOperation, t: TemplateKind, messages: &[&StoredMessage]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> =
        op.op.templates.of(t).iter().filter_map(|n| field(n)).map(|f| f.name).collect();
    for spec in FIELDS {
        if !out.contains(&spec.name) && messages.iter().any(|m| m.message.fields.contains_key(spec.name)) {
            out.push(spec.name);
        }
    }
    out
}

/// The messages of one template. A warning that was not sent to this administration but is
/// answered by a message it holds appears with its id only, so that every link is kept.
fn messages_table(op: &StoredOperation, t: TemplateKind, all: &[StoredMessage], l: &L10n) -> Table {
    let (name, sheet) = table_of(t);
    let messages: Vec<&StoredMessage> = all.iter().filter(|m| m.message.template == t).collect();
    let fields = fields_of(op, t, &messages);
    let mut columns = vec![
        Column { name: "id".into(), kind: Kind::Text, extra: "PRIMARY KEY" },
        col("sent_at", Kind::Moment),
        col("sender", Kind::Text),
        col("author", Kind::Text),
        Column {
            name: "in_reply_to".into(),
            kind: Kind::Text,
            extra: if t == TemplateKind::Warning { "" } else { "REFERENCES warnings (id)" },
        },
        col("addressees", Kind::Text),
    ];
    for name in &fields {
        let Some(spec) = field(name) else { continue };
        match spec.kind {
            FieldType::Text => columns.push(col(name, Kind::Text)),
            FieldType::Date => columns.push(col(name, Kind::Date)),
            FieldType::Number => columns.push(col(name, Kind::Real)),
            FieldType::Code(_) => {
                columns.push(col(name, Kind::Text));
                columns.push(col(&format!("{name}_label"), Kind::Text));
            }
        }
    }
    let everyone: Vec<&str> = op.op.members.iter().map(|m| m.administration.as_str()).collect();
    let mut rows: Vec<Vec<Value>> = messages
        .iter()
        .map(|held| {
            let m = &held.message;
            let addressees: Vec<&str> = if m.to.is_empty() {
                everyone.iter().copied().filter(|a| *a != m.sender).collect()
            } else {
                m.to.iter().map(String::as_str).collect()
            };
            let mut row = vec![
                Value::Text(m.id.to_string()),
                Value::Moment(m.issued_at_ms),
                Value::Text(m.sender.clone()),
                Value::Text(m.author.clone()),
                m.in_reply_to.map_or(Value::Null, |w| Value::Text(w.to_string())),
                Value::Text(addressees.join(", ")),
            ];
            for name in &fields {
                let Some(spec) = field(name) else { continue };
                let value = m.fields.get(*name).map(|v| v.trim()).filter(|v| !v.is_empty());
                match (spec.kind, value) {
                    (FieldType::Code(_), None) => row.extend([Value::Null, Value::Null]),
                    (_, None) => row.push(Value::Null),
                    (FieldType::Text, Some(v)) => row.push(Value::Text(v.to_owned())),
                    (FieldType::Date, Some(v)) => row.push(Value::Date(v.to_owned())),
                    (FieldType::Number, Some(v)) => row.push(match v.parse::<f64>() {
                        Ok(n) if n.is_finite() => Value::Real(n),
                        _ => Value::Text(v.to_owned()),
                    }),
                    (FieldType::Code(list), Some(v)) => {
                        row.push(Value::Text(v.to_owned()));
                        row.push(Value::Text(l.code(list, v)));
                    }
                }
            }
            row
        })
        .collect();
    if t == TemplateKind::Warning {
        let held: std::collections::BTreeSet<uuid::Uuid> = messages.iter().map(|m| m.message.id).collect();
        let missing: std::collections::BTreeSet<uuid::Uuid> =
            all.iter().filter_map(|m| m.message.in_reply_to).filter(|w| !held.contains(w)).collect();
        for id in missing {
            let mut row = vec![Value::Null; columns.len()];
            row[0] = Value::Text(id.to_string());
            rows.push(row);
        }
    }
    Table {
        name,
        sheet,
        columns,
        constraints: "",
        indexes: if t == TemplateKind::Warning { Vec::new() } else { vec!["in_reply_to".into()] },
        rows,
    }
}

/// The delivery and read receipts this node holds: those of the messages it sent.
fn receipts_table(messages: &[StoredMessage]) -> Table {
    let rows = messages
        .iter()
        .flat_map(|held| {
            held.receipts.iter().map(move |(administration, d)| {
                vec![
                    Value::Text(held.message.id.to_string()),
                    Value::Text(held.message.template.as_str().to_owned()),
                    Value::Text(administration.clone()),
                    d.delivered_ms.map_or(Value::Null, Value::Moment),
                    d.read_ms.map_or(Value::Null, Value::Moment),
                ]
            })
        })
        .collect();
    Table {
        name: "receipts",
        sheet: "Receipts",
        columns: vec![
            col("message_id", Kind::Text),
            col("template", Kind::Text),
            col("administration", Kind::Text),
            col("delivered_at", Kind::Moment),
            col("read_at", Kind::Moment),
        ],
        constraints: "PRIMARY KEY (message_id, administration)",
        indexes: Vec::new(),
        rows,
    }
}

/// The messages' files and photos, with their bytes (in the workbook: their size).
fn attachments_table(messages: &[StoredMessage]) -> Table {
    let rows = messages
        .iter()
        .flat_map(|held| {
            held.message.attachments.iter().enumerate().map(move |(n, a)| {
                vec![
                    Value::Text(held.message.id.to_string()),
                    Value::Integer(n as i64),
                    Value::Text(a.name.clone()),
                    Value::Text(a.media_type.clone()),
                    Value::Text(a.sha256.clone()),
                    Value::Bytes(a.bytes.clone()),
                ]
            })
        })
        .collect();
    Table {
        name: "attachments",
        sheet: "Attachments",
        columns: vec![
            col("message_id", Kind::Text),
            col("position", Kind::Integer),
            col("name", Kind::Text),
            col("media_type", Kind::Text),
            col("sha256", Kind::Text),
            col("content", Kind::Bytes),
        ],
        constraints: "PRIMARY KEY (message_id, position)",
        indexes: Vec::new(),
        rows,
    }
}

/// The tables of an export, in an order that satisfies the foreign keys.
fn tables(op: &StoredOperation, messages: &[StoredMessage], l: &L10n) -> Vec<Table> {
    let mut out = vec![operation_table(op), members_table(op)];
    out.extend(TemplateKind::ALL.into_iter().map(|t| messages_table(op, t, messages, l)));
    out.push(receipts_table(messages));
    out.push(attachments_table(messages));
    out
}

fn sql_value(v: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as S;
    match v {
        Value::Null => S::Null,
        Value::Text(s) | Value::Date(s) => S::Text(s.clone()),
        Value::Integer(n) => S::Integer(*n),
        Value::Real(n) => S::Real(*n),
        Value::Moment(ms) => S::Text(iso_moment(*ms)),
        Value::Bytes(b) => S::Blob(b.clone()),
    }
}

/// The operation as a SQLite database: tables `operation`, `members`, `warnings`, `feedbacks`,
/// `seizures` and `receipts`, foreign keys from replies to their warning. The file is built in
/// a temporary directory (call this off the async workers) and returned whole.
pub fn sqlite(op: &StoredOperation, messages: &[StoredMessage], l: &L10n) -> Result<Vec<u8>, ExportError> {
    let tables = tables(op, messages, l);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("operation.sqlite");
    let mut conn = rusqlite::Connection::open(&path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "user_version", EXPORT_SCHEMA)?;
    let tx = conn.transaction()?;
    for table in &tables {
        tx.execute_batch(&table.create_sql())?;
        let names: Vec<String> = table.columns.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let marks = vec!["?"; names.len()].join(", ");
        let mut insert =
            tx.prepare(&format!("INSERT INTO \"{}\" ({}) VALUES ({marks})", table.name, names.join(", ")))?;
        for row in &table.rows {
            insert.execute(rusqlite::params_from_iter(row.iter().map(sql_value)))?;
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(std::fs::read(&path)?)
}

/// A moment as a spreadsheet date and time (UTC); None outside the years a spreadsheet holds.
fn excel_moment(ms: i64) -> Option<ExcelDateTime> {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()?;
    let year = u16::try_from(t.year()).ok()?;
    ExcelDateTime::from_ymd(year, u8::from(t.month()), t.day())
        .and_then(|d| d.and_hms_milli(u16::from(t.hour()), t.minute(), t.second(), t.millisecond()))
        .ok()
}

/// The operation as an XLSX workbook with the same tables as [`sqlite`], one sheet each: dates
/// as dates, moments as dates and times in UTC, numbers as numbers, the header frozen and
/// filtered.
pub fn xlsx(op: &StoredOperation, messages: &[StoredMessage], l: &L10n) -> Result<Vec<u8>, ExportError> {
    let tables = tables(op, messages, l);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let moment = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss \"UTC\"");
    let number = Format::new().set_num_format("#,##0.###");
    for table in &tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.sheet)?;
        sheet.set_right_to_left(l.lang == Lang::Ar);
        for (c, column) in table.columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, &column.name, &bold)?;
            let width = match column.kind {
                Kind::Moment => 22.0,
                Kind::Date | Kind::Integer | Kind::Real | Kind::Bytes => 12.0,
                Kind::Text if column.name.ends_with("_label") || column.name == "summary" => 30.0,
                Kind::Text => 18.0,
            };
            sheet.set_column_width(c, width)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, value) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match value {
                    Value::Null => {}
                    Value::Text(s) => {
                        sheet.write_string(r, c, s)?;
                    }
                    Value::Integer(n) => {
                        // Integers here are versions: far below 2^53.
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Value::Real(n) => {
                        sheet.write_number_with_format(r, c, *n, &number)?;
                    }
                    Value::Date(d) => match ExcelDateTime::parse_from_str(d) {
                        Ok(dt) => {
                            sheet.write_datetime_with_format(r, c, &dt, &date)?;
                        }
                        Err(_) => {
                            sheet.write_string(r, c, d)?;
                        }
                    },
                    Value::Moment(ms) => match excel_moment(*ms) {
                        Some(dt) => {
                            sheet.write_datetime_with_format(r, c, &dt, &moment)?;
                        }
                        None => {
                            sheet.write_string(r, c, iso_moment(*ms))?;
                        }
                    },
                    Value::Bytes(b) => {
                        sheet.write_string(r, c, format!("{} bytes", b.len()))?;
                    }
                }
            }
        }
        let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX).max(1);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(workbook.save_to_buffer()?)
}

impl Operations {
    /// Everything the operation `id` recorded, as a file to download: its bytes and its name.
    /// Only a coordination unit of the coordinating administration exports; every export and
    /// every refusal of a known operation is audited (`operation.export`).
    pub fn export(
        &self,
        actor: &Principal,
        id: uuid::Uuid,
        format: ExportFormat,
        lang: Lang,
    ) -> Result<(Vec<u8>, String), OpError> {
        let coordinating = actor.role.allows(Permission::CoordinateOperations);
        let stored = match self.stored(id)? {
            Some(s) => s,
            None if coordinating => return Err(OpError::NotFound),
            None => return Err(OpError::Forbidden("only a coordination unit exports an operation")),
        };
        let refusal = if !coordinating {
            Some("only a coordination unit exports an operation")
        } else if stored.op.coordinator != self.me {
            Some("only the coordinating administration exports an operation")
        } else {
            None
        };
        if let Some(why) = refusal {
            self.journal.write(true, |batch, app| {
                app.audit(
                    batch,
                    AuditEvent::new(actor.username.as_str(), "operation.export", Outcome::Denied)
                        .target(format!("operations/{id}"))
                        .detail(format!("format={} reason={why:?}", format.extension())),
                )
            })?;
            return Err(OpError::Forbidden(why));
        }
        let messages = self.messages(id)?;
        let l = L10n::new(lang);
        let bytes = match format {
            ExportFormat::Sqlite => sqlite(&stored, &messages, &l),
            ExportFormat::Xlsx => xlsx(&stored, &messages, &l),
        }?;
        self.journal.write(true, |batch, app| {
            app.audit(
                batch,
                AuditEvent::new(actor.username.as_str(), "operation.export", Outcome::Ok)
                    .target(format!("operations/{id}"))
                    .detail(format!("format={} messages={}", format.extension(), messages.len())),
            )
        })?;
        let short: String = id.simple().to_string().chars().take(8).collect();
        Ok((bytes, format!("operation-{short}.{}", format.extension())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use ncen_protocol::operation::{Member, OPERATION_FORMAT, Operation, Templates};
    use serde_json::json;

    fn operation() -> StoredOperation {
        let op = Operation {
            format: OPERATION_FORMAT,
            id: uuid::Uuid::now_v7(),
            version: 2,
            coordinator: "NL".into(),
            name: "Harbour Light".into(),
            purpose: "Cocaine in reefers".into(),
            legal_basis: "Naples II, art. 23".into(),
            valid_from: "2026-01-01".into(),
            valid_until: None,
            members: vec![
                Member { administration: "NL".into(), users: vec!["anna".into()] },
                Member { administration: "BE".into(), users: vec!["bert".into(), "bo".into()] },
                Member { administration: "DE".into(), users: vec![] },
            ],
            templates: Templates::standard(),
            issued_at_ms: 1_790_000_000_000,
        };
        // Built from JSON so that fields added to what a node keeps take their defaults.
        serde_json::from_value(json!({
            "op": op, "envelope": [],
            "joins": {"NL": {"accept": true, "by": "boss", "at_ms": 1_790_000_000_000_i64},
                      "BE": {"accept": true, "by": "chief", "at_ms": 1_790_000_100_000_i64}},
            "last_access": {}, "received_ms": 1_790_000_000_000_i64
        }))
        .expect("a stored operation")
    }

    fn message(
        op: &StoredOperation,
        template: &str,
        sender: &str,
        reply: Option<uuid::Uuid>,
        fields: serde_json::Value,
    ) -> StoredMessage {
        serde_json::from_value(json!({
            "message": {"format": OPERATION_FORMAT, "id": uuid::Uuid::now_v7(), "operation": op.op.id,
                        "template": template, "sender": sender, "author": "anna", "in_reply_to": reply,
                        "to": [], "fields": fields, "issued_at_ms": 1_790_000_200_123_i64},
            "envelope": [], "received_ms": 1_790_000_200_123_i64,
            "receipts": {"BE": {"delivered_ms": 1_790_000_201_000_i64, "read_ms": null}},
            "read_by": [], "read_receipt_sent": false
        }))
        .expect("a stored message")
    }

    fn sample() -> (StoredOperation, Vec<StoredMessage>) {
        let op = operation();
        let warning = message(
            &op,
            "warning",
            "NL",
            None,
            json!({"summary": "Reefer MSCU1", "commodity": "DRUGS.COCAINE", "departure": "EC"}),
        );
        let unseen = uuid::Uuid::now_v7();
        let seizure = message(
            &op,
            "seizure",
            "BE",
            Some(warning.message.id),
            json!({"summary": "Found", "quantity": "412.5", "unit": "KGM", "date": "2026-12-05"}),
        );
        let feedback = message(&op, "feedback", "DE", Some(unseen), json!({"summary": "Nothing"}));
        (op, vec![warning, seizure, feedback])
    }

    #[test]
    fn the_sqlite_export_keeps_links_types_and_labels() {
        let (op, messages) = sample();
        let bytes = sqlite(&op, &messages, &L10n::new(Lang::Fr)).expect("an export");
        let dir = tempfile::tempdir().expect("a directory");
        let path = dir.path().join("x.sqlite");
        std::fs::write(&path, bytes).expect("written");
        let db = rusqlite::Connection::open(&path).expect("opened");
        let (kind, qty, label): (String, f64, String) = db
            .query_row("SELECT typeof(quantity), quantity, unit_label FROM seizures", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .expect("the seizure");
        assert_eq!((kind.as_str(), qty, label.as_str()), ("real", 412.5, "Kilogramme (kg)"));
        let label: String = db
            .query_row("SELECT commodity_label FROM warnings WHERE summary IS NOT NULL", [], |r| r.get(0))
            .expect("w");
        assert_eq!(label, "Cocaïne");
        let linked: i64 = db
            .query_row("SELECT count(*) FROM seizures s JOIN warnings w ON s.in_reply_to = w.id", [], |r| {
                r.get(0)
            })
            .expect("joined");
        assert_eq!(linked, 1);
        let stubs: i64 = db
            .query_row("SELECT count(*) FROM warnings WHERE sender IS NULL", [], |r| r.get(0))
            .expect("stubs");
        assert_eq!(stubs, 1, "the warning DE answered but NL never received keeps its id");
        let broken: i64 =
            db.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk");
        assert_eq!(broken, 0);
        let sent: String = db.query_row("SELECT sent_at FROM feedbacks", [], |r| r.get(0)).expect("sent");
        assert!(sent.ends_with(".123Z") && sent.contains('T'), "{sent}");
        let answer: Option<String> = db
            .query_row("SELECT answer FROM members WHERE administration = 'DE'", [], |r| r.get(0))
            .expect("DE");
        assert_eq!(answer, None, "DE has not answered");
    }

    #[test]
    fn the_workbook_has_a_sheet_per_table_with_dates_and_numbers() {
        let (op, messages) = sample();
        let bytes = xlsx(&op, &messages, &L10n::new(Lang::En)).expect("an export");
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        assert_eq!(
            book.sheet_names(),
            ["Operation", "Members", "Warnings", "Feedbacks", "Seizures", "Receipts", "Attachments"]
                .map(String::from)
        );
        let seizures = book.worksheet_range("Seizures").expect("seizures");
        let header: Vec<String> =
            seizures.rows().next().expect("header").iter().map(|c| c.to_string()).collect();
        let at = |name: &str| header.iter().position(|h| h == name).expect(name);
        let row = seizures.rows().nth(1).expect("a seizure");
        assert_eq!(row[at("quantity")], Data::Float(412.5));
        assert!(matches!(row[at("date")], Data::DateTime(_)), "{:?}", row[at("date")]);
        assert!(matches!(row[at("sent_at")], Data::DateTime(_)), "{:?}", row[at("sent_at")]);
        assert_eq!(row[at("unit_label")], Data::String("Kilogram (kg)".into()));
    }
}

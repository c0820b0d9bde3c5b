//! The standard fields an operation's templates choose from (MISSION O2): each one's name, kind
//! of value and code list, whether it names a person, and which templates may hold it.

use crate::codelists::ListId;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Free text up to [`MAX_TEXT`](super::MAX_TEXT) characters.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// A decimal number, at least 0.
    Number,
    /// A code of a code list: a drop-down in every form.
    Code(ListId),
}

/// One standard field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: FieldType,
    /// Names or identifies a person or a company: never forwarded to the global CEN database.
    pub nominal: bool,
}

const fn f(name: &'static str, kind: FieldType, nominal: bool) -> FieldSpec {
    FieldSpec { name, kind, nominal }
}

/// Every field a template may include, in the order forms show them.
pub const FIELDS: &[FieldSpec] = &[
    f("summary", FieldType::Text, false),
    f("date", FieldType::Date, false),
    f("place_name", FieldType::Text, false),
    f("place_country", FieldType::Code(ListId::Country), false),
    f("direction", FieldType::Code(ListId::Direction), false),
    f("commodity", FieldType::Code(ListId::Commodity), false),
    f("quantity", FieldType::Number, false),
    f("unit", FieldType::Code(ListId::Unit), false),
    f("conveyance_type", FieldType::Code(ListId::ConveyanceType), false),
    f("conveyance_identifier", FieldType::Text, true),
    f("departure", FieldType::Code(ListId::Country), false),
    f("destination", FieldType::Code(ListId::Country), false),
    f("concealment", FieldType::Code(ListId::ConcealmentMethod), false),
    f("detection_method", FieldType::Code(ListId::DetectionMethod), false),
    f("risk_indicators", FieldType::Text, false),
    f("action_taken", FieldType::Text, false),
    f("offender_nationality", FieldType::Code(ListId::Country), false),
    f("offender_name", FieldType::Text, true),
    f("company_name", FieldType::Text, true),
    f("remarks", FieldType::Text, true),
];

/// The field called `name`.
pub fn field(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The fields a template gets when its operation does not choose.
pub fn default_fields(template: super::TemplateKind) -> Vec<String> {
    let names: &[&str] = match template {
        super::TemplateKind::Warning => &[
            "summary",
            "conveyance_type",
            "conveyance_identifier",
            "departure",
            "destination",
            "commodity",
            "risk_indicators",
        ],
        super::TemplateKind::Feedback => &["summary", "action_taken", "date"],
        super::TemplateKind::Seizure => &[
            "summary",
            "date",
            "place_name",
            "place_country",
            "commodity",
            "quantity",
            "unit",
            "concealment",
            "detection_method",
            "offender_nationality",
            "offender_name",
        ],
    };
    names.iter().map(|n| (*n).to_owned()).collect()
}

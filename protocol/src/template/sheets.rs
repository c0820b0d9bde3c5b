//! The sheets of the upload template and their columns, in workbook order.

use crate::codelists::ListId;

/// Separator of the values of a multi-valued cell.
pub const LIST_SEPARATOR: char = ';';
/// Identity document columns per suspect.
pub const IDENTITY_DOCUMENT_SLOTS: usize = 3;
/// Address columns per suspect or company.
pub const ADDRESS_SLOTS: usize = 2;
/// Contact columns per suspect or company.
pub const CONTACT_SLOTS: usize = 3;
/// Registration number columns per company.
pub const REGISTRATION_SLOTS: usize = 3;

/// `Seizures`: one row per seizure.
pub const SEIZURE_COLUMNS: &[&str] = &[
    "national_reference",
    "date",
    "place.name",
    "place.location_type",
    "place.country",
    "direction",
    "detection_method",
    "conveyance.type",
    "conveyance.identifier",
    "concealment",
    "route.departure",
    "route.transit",
    "route.destination",
    "remarks",
    "summary",
];

/// `Goods`: one row per goods line.
pub const GOODS_COLUMNS: &[&str] =
    &["national_reference", "commodity", "description", "quantity", "unit", "value.amount", "value.currency"];

/// `Offenders`: one row per offender. `suspect` names a suspect record: the national reference
/// of a suspect in the same upload or already at the node, or the id of a suspect record.
pub const OFFENDER_COLUMNS: &[&str] = &["national_reference", "suspect", "nationality", "sex", "age"];

/// `SeizureCompanies`: one row per company linked to a seizure; `company` names the company as
/// `suspect` does in `Offenders`.
pub const SEIZURE_COMPANY_COLUMNS: &[&str] = &["national_reference", "company", "role"];

/// `Photos`: one row per photo reference; `collection` is `seizures` or `suspects`, the image
/// itself travels beside the workbook, named by its SHA-256.
pub const PHOTO_COLUMNS: &[&str] =
    &["collection", "national_reference", "kind", "sha256", "media_type", "caption"];

/// `Suspects`: one row per suspect.
pub const SUSPECT_COLUMNS: &[&str] = &[
    "national_reference",
    "family_name",
    "given_names",
    "aliases",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "sex",
    "identity_documents[0].kind",
    "identity_documents[0].number",
    "identity_documents[0].issuing_country",
    "identity_documents[0].expiry",
    "identity_documents[1].kind",
    "identity_documents[1].number",
    "identity_documents[1].issuing_country",
    "identity_documents[1].expiry",
    "identity_documents[2].kind",
    "identity_documents[2].number",
    "identity_documents[2].issuing_country",
    "identity_documents[2].expiry",
    "addresses[0].street",
    "addresses[0].city",
    "addresses[0].postal_code",
    "addresses[0].country",
    "addresses[1].street",
    "addresses[1].city",
    "addresses[1].postal_code",
    "addresses[1].country",
    "contacts[0].kind",
    "contacts[0].value",
    "contacts[1].kind",
    "contacts[1].value",
    "contacts[2].kind",
    "contacts[2].value",
    "remarks",
];

/// `Companies`: one row per company.
pub const COMPANY_COLUMNS: &[&str] = &[
    "national_reference",
    "name",
    "country",
    "role",
    "registration_numbers[0].scheme",
    "registration_numbers[0].value",
    "registration_numbers[1].scheme",
    "registration_numbers[1].value",
    "registration_numbers[2].scheme",
    "registration_numbers[2].value",
    "addresses[0].street",
    "addresses[0].city",
    "addresses[0].postal_code",
    "addresses[0].country",
    "addresses[1].street",
    "addresses[1].city",
    "addresses[1].postal_code",
    "addresses[1].country",
    "contacts[0].kind",
    "contacts[0].value",
    "contacts[1].kind",
    "contacts[1].value",
    "contacts[2].kind",
    "contacts[2].value",
    "remarks",
];

/// One sheet of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    /// Worksheet name in the XLSX workbook.
    pub name: &'static str,
    /// File name in the CSV directory.
    pub file: &'static str,
    pub columns: &'static [&'static str],
    /// Columns a file must have for this sheet to be read.
    pub required: &'static [&'static str],
}

pub const SEIZURES: Sheet = Sheet {
    name: "Seizures",
    file: "seizures.csv",
    columns: SEIZURE_COLUMNS,
    required: &[
        "national_reference",
        "date",
        "place.location_type",
        "place.country",
        "direction",
        "detection_method",
    ],
};
pub const GOODS: Sheet = Sheet {
    name: "Goods",
    file: "goods.csv",
    columns: GOODS_COLUMNS,
    required: &["national_reference", "commodity", "quantity", "unit"],
};
pub const OFFENDERS: Sheet = Sheet {
    name: "Offenders",
    file: "offenders.csv",
    columns: OFFENDER_COLUMNS,
    required: &["national_reference"],
};
pub const SEIZURE_COMPANIES: Sheet = Sheet {
    name: "SeizureCompanies",
    file: "seizure_companies.csv",
    columns: SEIZURE_COMPANY_COLUMNS,
    required: &["national_reference", "company", "role"],
};
pub const PHOTOS: Sheet = Sheet {
    name: "Photos",
    file: "photos.csv",
    columns: PHOTO_COLUMNS,
    required: &["collection", "national_reference", "kind", "sha256"],
};
pub const SUSPECTS: Sheet = Sheet {
    name: "Suspects",
    file: "suspects.csv",
    columns: SUSPECT_COLUMNS,
    required: &["national_reference", "family_name"],
};
pub const COMPANIES: Sheet = Sheet {
    name: "Companies",
    file: "companies.csv",
    columns: COMPANY_COLUMNS,
    required: &["national_reference", "name", "country"],
};

/// The sheets, in workbook order.
pub const SHEETS: [Sheet; 7] = [SEIZURES, GOODS, OFFENDERS, SEIZURE_COMPANIES, PHOTOS, SUSPECTS, COMPANIES];

impl Sheet {
    /// The sheet with this worksheet name.
    pub fn by_name(name: &str) -> Option<Sheet> {
        SHEETS.into_iter().find(|s| s.name == name)
    }

    /// The sheet of a CSV file name (`goods.csv`) or of its stem (`goods`), in any case.
    pub fn by_file(file: &str) -> Option<Sheet> {
        let file = file.rsplit(['/', '\\']).next().unwrap_or(file).to_ascii_lowercase();
        let stem = file.strip_suffix(".csv").unwrap_or(&file);
        SHEETS.into_iter().find(|s| s.file.strip_suffix(".csv") == Some(stem))
    }

    /// The stem of the sheet's CSV file (`seizure_companies`), as `?sheet=` names it.
    pub fn stem(&self) -> &'static str {
        self.file.strip_suffix(".csv").unwrap_or(self.file)
    }

    /// The code list the values of `column` come from, if any.
    pub fn code_list(&self, column: &str) -> Option<ListId> {
        code_list(self.name, column)
    }
}

fn code_list(sheet: &str, column: &str) -> Option<ListId> {
    let field = column.rsplit('.').next().unwrap_or(column);
    Some(match (sheet, field) {
        ("Seizures", "location_type") => ListId::LocationType,
        ("Seizures", "country" | "departure" | "destination") => ListId::Country,
        ("Seizures", "direction") => ListId::Direction,
        ("Seizures", "detection_method") => ListId::DetectionMethod,
        ("Seizures", "type") => ListId::ConveyanceType,
        ("Seizures", "concealment") => ListId::ConcealmentMethod,
        ("Goods", "commodity") => ListId::Commodity,
        ("Goods", "unit") => ListId::Unit,
        ("Goods", "currency") => ListId::Currency,
        ("Offenders", "nationality") | ("Suspects" | "Companies", "country" | "nationality") => {
            ListId::Country
        }
        ("Suspects", "issuing_country") => ListId::Country,
        ("Offenders" | "Suspects", "sex") => ListId::Sex,
        ("SeizureCompanies" | "Companies", "role") => ListId::CompanyRole,
        ("Photos", "kind") => ListId::PhotoKind,
        ("Suspects", "kind") if column.starts_with("identity_documents") => ListId::IdentityDocumentType,
        _ => return None,
    })
}

/// A column width (in characters) that suits the field, for written workbooks.
pub fn column_width(header: &str) -> f64 {
    let field = header.rsplit('.').next().unwrap_or(header);
    let typical: f64 = match field {
        "remarks" | "summary" => 60.0,
        "description" | "caption" => 40.0,
        "name" | "identifier" | "street" | "family_name" | "given_names" | "aliases" => 28.0,
        "sha256" => 66.0,
        "suspect" | "company" => 38.0,
        "national_reference" => 18.0,
        "city" | "place_of_birth" | "value" | "number" => 20.0,
        _ => 12.0,
    };
    typical.max(header.chars().count() as f64 + 2.0)
}

impl Sheet {
    /// The few values a column without a code list takes (`contacts[0].kind`), if it has such.
    pub fn choices(&self, column: &str) -> Option<&'static [&'static str]> {
        match (self.name, column.rsplit('.').next().unwrap_or(column)) {
            ("Suspects" | "Companies", "kind") if column.starts_with("contacts") => {
                Some(&["PHONE", "EMAIL", "OTHER"])
            }
            ("Photos", "collection") => Some(&["seizures", "suspects"]),
            _ => None,
        }
    }
}

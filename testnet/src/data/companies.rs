//! Companies: names in the local style and legal form, registration numbers under the local
//! schemes (EORI, VAT, trade registers...), roles, addresses and contacts.

use ncen_protocol::model::{Company, Contact, ContactKind, RegistrationNumber};
use rand::RngExt;
use rand::rngs::StdRng;

use super::names::{Script, ascii_slug, pool_for, split};
use super::people::{address, phone};
use super::pick::{AZ, choose, digits, letters, weighted};

/// Countries of the foreign trading partners that appear in cases.
const PARTNERS: &[(&str, f64)] = &[
    ("CN", 8.0),
    ("HK", 3.0),
    ("AE", 4.0),
    ("TR", 4.0),
    ("IN", 3.0),
    ("EC", 2.0),
    ("CO", 2.0),
    ("BR", 2.0),
    ("US", 2.0),
    ("MA", 2.0),
    ("PK", 1.0),
    ("VN", 2.0),
    ("SG", 1.0),
    ("PA", 1.0),
    ("NG", 1.0),
    ("ZA", 1.0),
    ("ES", 1.0),
    ("NL", 1.0),
    ("BE", 1.0),
    ("DE", 1.0),
    ("PL", 1.0),
    ("RU", 1.0),
    ("UA", 1.0),
    ("BG", 1.0),
];

const EU: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

const WORDS: &[&str] = &[
    "Global",
    "Euro",
    "Atlas",
    "Delta",
    "Phoenix",
    "Orion",
    "Nova",
    "Royal",
    "Golden Gate",
    "Silk Road",
    "Blue Ocean",
    "Prime",
    "Horizon",
    "Unity",
    "Pacific",
    "Sunrise",
    "Evergreen",
    "Continental",
];

const COMPANY_REMARKS: &[&str] = &[
    "Registered three months before its first import.",
    "Registered address is a virtual office.",
    "Changes the consignee details after arrival notices.",
    "Declares low-risk goods from high-risk origins.",
    "Freight forwarder used by several seized consignments.",
    "No employees; turnover inconsistent with the volume of imports.",
    "Director also manages two companies struck off the register.",
    "Pays duties late and from accounts abroad.",
];

/// A company of the administration `administration`, numbered `n`.
pub(crate) fn company(rng: &mut StdRng, administration: &str, n: u64) -> Company {
    let domestic = rng.random_bool(0.5);
    let country = if domestic { administration.to_owned() } else { weighted(rng, PARTNERS).to_owned() };
    let name = company_name(rng, &country);
    let role = rng.random_bool(0.9).then(|| {
        let roles: &[(&str, f64)] = if domestic {
            &[
                ("IMPORTER", 30.0),
                ("CONSIGNEE", 20.0),
                ("FREIGHT_FORWARDER", 18.0),
                ("CUSTOMS_BROKER", 10.0),
                ("CARRIER", 12.0),
                ("EXPORTER", 6.0),
                ("OTHER", 4.0),
            ]
        } else {
            &[
                ("EXPORTER", 30.0),
                ("CONSIGNOR", 25.0),
                ("MANUFACTURER", 15.0),
                ("CARRIER", 10.0),
                ("FREIGHT_FORWARDER", 15.0),
                ("OTHER", 5.0),
            ]
        };
        weighted(rng, roles).to_owned()
    });
    let addresses = match weighted(rng, &[(0usize, 5.0), (1, 85.0), (2, 10.0)]) {
        0 => Vec::new(),
        1 => vec![address(rng, &country)],
        _ => vec![address(rng, &country), address(rng, &country)],
    };
    let slug: String = name.split_whitespace().take(2).map(ascii_slug).collect();
    let slug = if slug.is_empty() { format!("company{n}") } else { slug };
    let mut contacts = Vec::new();
    if rng.random_bool(0.7) {
        contacts.push(Contact { kind: ContactKind::Phone, value: phone(rng, &country) });
    }
    if rng.random_bool(0.6) {
        let mailbox = choose(rng, &["info", "sales", "office", "logistics", "admin"]);
        contacts.push(Contact { kind: ContactKind::Email, value: format!("{mailbox}@{slug}.example") });
    }
    if rng.random_bool(0.3) {
        contacts.push(Contact { kind: ContactKind::Other, value: format!("https://www.{slug}.example") });
    }
    Company {
        national_reference: format!("{administration}-COM-{n:06}"),
        name,
        registration_numbers: registrations(rng, &country),
        country,
        addresses,
        contacts,
        role,
        remarks: rng.random_bool(0.3).then(|| choose(rng, COMPANY_REMARKS).to_owned()),
    }
}

/// A company name in the style of `country`, with its legal form.
fn company_name(rng: &mut StdRng, country: &str) -> String {
    let pool = pool_for(country);
    let (native, latin) = split(choose(rng, pool.family));
    let family = capitalise(if pool.script == Script::Latin { native } else { latin });
    let word = choose(rng, WORDS);
    let pattern = match country {
        "NL" => choose(
            rng,
            &["{F} Logistics B.V.", "{F} Import Export B.V.", "{W} Trading B.V.", "{F} Transport B.V."],
        ),
        "BE" => choose(rng, &["{F} Logistics BV", "{W} Trading SRL", "Transports {F} SA", "{F} Fruit NV"]),
        "DE" | "AT" => choose(
            rng,
            &["{F} Logistik GmbH", "{F} Handels GmbH", "{W} Spedition GmbH & Co. KG", "{F} & Söhne KG"],
        ),
        "CH" => choose(rng, &["{F} Handels AG", "{W} Trading SA", "{F} Logistik AG"]),
        "FR" | "LU" | "MA" | "SN" | "CI" => {
            choose(rng, &["Transports {F} SARL", "{F} Import-Export SAS", "Société {W} SARL"])
        }
        "ES" => choose(rng, &["Transportes {F} S.L.", "{W} Import Export S.A.", "Frutas {F} S.L."]),
        "MX" => choose(rng, &["Comercializadora {W} S.A. de C.V.", "Transportes {F} S.A. de C.V."]),
        "CO" | "EC" | "PE" | "AR" | "PA" | "VE" | "DO" | "CR" => {
            choose(rng, &["Comercializadora {F} S.A.S.", "Frutas {F} S.A.", "{W} Exportaciones S.A."])
        }
        "PT" => choose(rng, &["{F} & Filhos, Lda.", "{W} Trading, Lda."]),
        "BR" => choose(rng, &["{F} Comércio e Exportação Ltda.", "{W} Logística Ltda."]),
        "IT" => choose(rng, &["{F} Trasporti S.r.l.", "{F} Import Export S.p.A.", "{W} Trading S.r.l."]),
        "GB" | "IE" => choose(rng, &["{F} Freight Ltd", "{W} Trading Ltd", "{F} & Sons Ltd"]),
        "US" | "CA" => choose(rng, &["{W} Trading LLC", "{F} Logistics Inc.", "{W} Imports Corp."]),
        "AU" | "NZ" | "ZA" => choose(rng, &["{W} Trading Pty Ltd", "{F} Freight Pty Ltd"]),
        "PL" => choose(rng, &["{F} Transport Sp. z o.o.", "P.H.U. {F}", "{W} Logistics Sp. z o.o."]),
        "TR" => choose(rng, &["{F} Lojistik Ticaret Ltd. Şti.", "{W} Dış Ticaret A.Ş."]),
        "RU" | "BY" | "KZ" => {
            return format!(
                "ООО «{}»",
                choose(
                    rng,
                    &["Северный путь", "Балттранс", "Восток-Импорт", "Транслогистик", "Альянс", "Меридиан"]
                )
            );
        }
        "UA" => {
            return format!(
                "ТОВ «{}»",
                choose(rng, &["Укртранслогістик", "Меридіан", "Альянс-Трейд", "Дніпро-Імпорт"])
            );
        }
        "BG" => {
            return format!("{} ЕООД", choose(rng, &["Тракия Транс", "Балкан Трейд", "Витоша Логистик"]));
        }
        "AE" => choose(rng, &["{W} General Trading LLC", "{W} FZE", "Al {A} General Trading LLC"]),
        "SA" | "EG" | "JO" | "LB" | "SY" | "IQ" => {
            if rng.random_bool(0.5) {
                return format!(
                    "شركة {} للتجارة",
                    choose(rng, &["النور", "البركة", "الصفوة", "الأمل", "الفجر"])
                );
            }
            "Al {A} Trading Est."
        }
        "CN" => {
            if rng.random_bool(0.3) {
                return format!(
                    "{}{}贸易有限公司",
                    choose(rng, &["深圳市", "义乌市", "广州市", "宁波市", "上海"]),
                    choose(rng, &["华信", "金龙", "恒达", "鑫源", "天马", "东方"])
                );
            }
            "{C} {P} Trading Co., Ltd."
        }
        "HK" => choose(rng, &["{W} International (HK) Limited", "{P} Trading Company Limited"]),
        "IN" => choose(rng, &["{F} Exports Pvt. Ltd.", "{W} Pharma Pvt. Ltd."]),
        "PK" => "{F} Traders (Pvt.) Ltd.",
        "SG" => "{W} Pte. Ltd.",
        "MY" => "{W} Sdn. Bhd.",
        "JP" | "KR" => "{W} Trading Co., Ltd.",
        "NG" | "GH" | "KE" => choose(rng, &["{F} Global Ventures Ltd", "{F} & Sons Enterprises Ltd"]),
        _ => "{F} International Trading Ltd",
    };
    pattern
        .replace("{F}", &family)
        .replace("{W}", word)
        .replace("{A}", choose(rng, &["Noor", "Baraka", "Safwa", "Amal", "Fajr", "Rawda"]))
        .replace("{C}", choose(rng, &["Shenzhen", "Yiwu", "Guangzhou", "Ningbo", "Shanghai", "Xiamen"]))
        .replace("{P}", choose(rng, &["Huaxin", "Jinlong", "Hengda", "Xinyuan", "Tianma", "Dongfang"]))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Registration numbers under the schemes of `country`.
fn registrations(rng: &mut StdRng, country: &str) -> Vec<RegistrationNumber> {
    let mut out = Vec::new();
    let mut add = |scheme: &str, value: String| out.push(RegistrationNumber { scheme: scheme.into(), value });
    let eu = EU.contains(&country);
    if (eu || matches!(country, "GB" | "NO" | "CH")) && rng.random_bool(0.9) {
        let len = if country == "GB" { 12 } else { 9 };
        add("EORI", format!("{country}{}", digits(rng, len)));
    }
    if eu && rng.random_bool(0.7) {
        let vat = match country {
            "NL" => format!("NL{}B{}", digits(rng, 9), digits(rng, 2)),
            "BE" => format!("BE0{}", digits(rng, 9)),
            "FR" => format!("FR{}{}", digits(rng, 2), digits(rng, 9)),
            "ES" => format!("ES{}{}", letters(rng, 1, b"ABCDEFGHJ"), digits(rng, 8)),
            "IT" => format!("IT{}", digits(rng, 11)),
            "PL" => format!("PL{}", digits(rng, 10)),
            "AT" => format!("ATU{}", digits(rng, 8)),
            "GR" => format!("EL{}", digits(rng, 9)),
            _ => format!("{country}{}", digits(rng, 9)),
        };
        add("VAT", vat);
    }
    if rng.random_bool(0.6) || !eu {
        let (scheme, value) = match country {
            "NL" => ("KVK", digits(rng, 8)),
            "DE" => ("HRB", format!("HRB {}", digits(rng, 6))),
            "FR" => ("SIREN", digits(rng, 9)),
            "BE" => ("KBO", format!("0{}.{}.{}", digits(rng, 3), digits(rng, 3), digits(rng, 3))),
            "IT" => ("REA", format!("{}-{}", choose(rng, &["MI", "RM", "NA", "GE"]), digits(rng, 7))),
            "PL" => ("KRS", digits(rng, 10)),
            "GB" => ("CRN", digits(rng, 8)),
            "CH" => ("UID", format!("CHE-{}.{}.{}", digits(rng, 3), digits(rng, 3), digits(rng, 3))),
            "US" => ("EIN", format!("{}-{}", digits(rng, 2), digits(rng, 7))),
            "CA" => ("BN", format!("{}RT0001", digits(rng, 9))),
            "MX" => ("RFC", format!("{}{}{}", letters(rng, 3, AZ), digits(rng, 6), letters(rng, 3, AZ))),
            "BR" => (
                "CNPJ",
                format!("{}.{}.{}/0001-{}", digits(rng, 2), digits(rng, 3), digits(rng, 3), digits(rng, 2)),
            ),
            "CO" => ("NIT", format!("{}-{}", digits(rng, 9), digits(rng, 1))),
            "EC" => ("RUC", format!("{}001", digits(rng, 10))),
            "PA" => ("RUC", format!("{}-{}-{}", digits(rng, 6), digits(rng, 4), digits(rng, 6))),
            "AR" => ("CUIT", format!("30-{}-{}", digits(rng, 8), digits(rng, 1))),
            "CN" => (
                "USCC",
                format!("91{}{}", digits(rng, 6), letters(rng, 10, b"0123456789ABCDEFGHJKLMNPQRTUWXY")),
            ),
            "HK" => ("BR", digits(rng, 8)),
            "AE" => ("TRADE_LICENCE", digits(rng, 6)),
            "IN" => ("IEC", format!("{}{}", letters(rng, 5, AZ), digits(rng, 5))),
            "PK" => ("NTN", digits(rng, 7)),
            "TR" => ("VKN", digits(rng, 10)),
            "RU" | "BY" | "KZ" => ("INN", digits(rng, 10)),
            "UA" => ("EDRPOU", digits(rng, 8)),
            "JP" => ("CORPORATE_NUMBER", digits(rng, 13)),
            "KR" => ("BRN", format!("{}-{}-{}", digits(rng, 3), digits(rng, 2), digits(rng, 5))),
            "SG" => ("UEN", format!("{}{}", digits(rng, 9), letters(rng, 1, AZ))),
            "AU" => ("ABN", digits(rng, 11)),
            "NZ" => ("NZBN", digits(rng, 13)),
            "ZA" => ("CIPC", format!("20{}/{}/07", digits(rng, 2), digits(rng, 6))),
            "NG" => ("RC", format!("RC {}", digits(rng, 6))),
            "KE" => ("PIN", format!("P{}{}", digits(rng, 9), letters(rng, 1, AZ))),
            "MA" => ("ICE", digits(rng, 15)),
            _ => ("TRADE_REGISTER", digits(rng, 8)),
        };
        add(scheme, value);
    }
    out
}

//! Suspects: names in their own script (with a transliteration as alias), dates of birth,
//! nationalities, identity documents, addresses and contacts.

use ncen_protocol::model::{Address, Contact, ContactKind, IdentityDocument, Suspect};
use rand::RngExt;
use rand::rngs::StdRng;
use time::{Date, Duration};

use super::countries::{calling_code, cities};
use super::names::{Pool, Script, ascii_slug, feminize, pool_for, split};
use super::pick::{AZ, choose, digits, iso_date, letters, normal, weighted};

/// Nationalities of suspects who are not nationals of the seizing country.
pub(crate) const NATIONALITIES: &[(&str, f64)] = &[
    ("NL", 3.0),
    ("BE", 2.0),
    ("DE", 3.0),
    ("FR", 3.0),
    ("ES", 3.0),
    ("IT", 2.0),
    ("PT", 1.0),
    ("GB", 3.0),
    ("PL", 2.0),
    ("RO", 2.0),
    ("BG", 2.0),
    ("AL", 3.0),
    ("RS", 1.0),
    ("TR", 3.0),
    ("RU", 2.0),
    ("UA", 2.0),
    ("BY", 1.0),
    ("MA", 4.0),
    ("DZ", 2.0),
    ("TN", 1.0),
    ("EG", 1.0),
    ("SY", 1.0),
    ("LB", 1.0),
    ("IQ", 1.0),
    ("IR", 1.0),
    ("AF", 1.0),
    ("PK", 2.0),
    ("IN", 2.0),
    ("CN", 3.0),
    ("VN", 2.0),
    ("NG", 3.0),
    ("GH", 1.0),
    ("CO", 3.0),
    ("EC", 2.0),
    ("DO", 2.0),
    ("BR", 2.0),
    ("MX", 1.0),
    ("PE", 1.0),
    ("VE", 1.0),
    ("SR", 1.0),
    ("US", 1.0),
];

const NICKNAMES: &[&str] = &[
    "El Flaco",
    "Tony",
    "El Gordo",
    "Mo",
    "Chico",
    "Big Mike",
    "Shorty",
    "Il Napoletano",
    "Doc",
    "Baba",
    "Rocky",
];

const PERSON_MAIL_DOMAINS: &[&str] =
    &["mail.example", "post.example", "example.com", "example.net", "example.org"];

const SUSPECT_REMARKS: &[&str] = &[
    "Known courier; travelled the same route six times in twelve months.",
    "Driver employed by a transport company under investigation.",
    "Uses several phone numbers and changes them often.",
    "Previously convicted of cigarette smuggling.",
    "Frequently travels with large amounts of cash.",
    "Arrested after a controlled delivery.",
    "Listed as director of a company without any activity.",
    "Subject of an alert from a partner administration.",
    "Recruits couriers through social media.",
    "Rents storage units under different names.",
];

/// A person's name: family and given names in their own script and in Latin letters.
pub(crate) struct Name {
    pub family: String,
    pub given: String,
    pub family_latin: String,
    pub given_latin: String,
    pub script: Script,
}

/// A name from `pool` for a man (`female == false`) or a woman.
pub(crate) fn name(rng: &mut StdRng, pool: &Pool, female: bool) -> Name {
    let (given, given_latin) = split(choose(rng, if female { pool.female } else { pool.male }));
    let (mut given, mut given_latin) = (given.to_owned(), given_latin.to_owned());
    let (family, family_latin) = split(choose(rng, pool.family));
    let (mut family, mut family_latin) = if female {
        feminize(pool, family, family_latin)
    } else {
        (family.to_owned(), family_latin.to_owned())
    };
    if pool.double_family && rng.random_bool(0.6) {
        let (second, second_latin) = split(choose(rng, pool.family));
        if second != family {
            family = format!("{family} {second}");
            family_latin = format!("{family_latin} {second_latin}");
        }
    }
    if !pool.patronymics.is_empty() && rng.random_bool(0.8) {
        let entry = choose(rng, pool.patronymics);
        let parts: Vec<&str> = entry.split('|').collect();
        let (native, latin) =
            if female { (parts.get(2), parts.get(3)) } else { (parts.first(), parts.get(1)) };
        if let (Some(native), Some(latin)) = (native, latin) {
            given = format!("{given} {native}");
            given_latin = format!("{given_latin} {latin}");
        }
    }
    Name { family, given, family_latin, given_latin, script: pool.script }
}

/// A suspect of the administration `administration`, numbered `n`.
pub(crate) fn suspect(rng: &mut StdRng, administration: &str, n: u64, today: Date) -> Suspect {
    let nationality = if rng.random_bool(0.35) {
        administration.to_owned()
    } else {
        weighted(rng, NATIONALITIES).to_owned()
    };
    let pool = pool_for(&nationality);
    let sex = weighted(rng, &[(Some("MALE"), 82.0), (Some("FEMALE"), 17.0), (None, 1.0)]);
    let female = sex == Some("FEMALE");
    let person = name(rng, pool, female);

    let mut aliases = Vec::new();
    if person.script != Script::Latin && rng.random_bool(0.7) {
        let given_first = person.given_latin.split(' ').next().unwrap_or(&person.given_latin);
        aliases.push(format!("{given_first} {}", person.family_latin));
    }
    if rng.random_bool(0.12) {
        aliases.push(choose(rng, NICKNAMES).to_owned());
    }

    let age_years = (36.0 + 10.0 * normal(rng)).clamp(18.0, 75.0) as i64;
    let date_of_birth = rng.random_bool(0.95).then(|| {
        let days = age_years * 365 + rng.random_range(0..365);
        iso_date(today - Duration::days(days))
    });
    let place_of_birth = if rng.random_bool(0.7) {
        let list = cities(&nationality);
        (!list.is_empty()).then(|| choose(rng, list).to_owned())
    } else {
        None
    };

    let residence = if rng.random_bool(0.6) { administration.to_owned() } else { nationality.clone() };
    let identity_documents = documents(rng, &nationality, &residence, administration, today);
    let addresses = match weighted(rng, &[(0usize, 20.0), (1, 70.0), (2, 10.0)]) {
        0 => Vec::new(),
        1 => vec![address(rng, &residence)],
        _ => vec![address(rng, &residence), address(rng, &nationality)],
    };
    let mut contacts = Vec::new();
    if rng.random_bool(0.75) {
        contacts.push(Contact { kind: ContactKind::Phone, value: phone(rng, &residence) });
    }
    if rng.random_bool(0.4) {
        let local = format!(
            "{}.{}{}",
            ascii_slug(person.given_latin.split(' ').next().unwrap_or_default()),
            ascii_slug(&person.family_latin),
            rng.random_range(1..99)
        );
        contacts.push(Contact {
            kind: ContactKind::Email,
            value: format!("{local}@{}", choose(rng, PERSON_MAIL_DOMAINS)),
        });
    }
    if rng.random_bool(0.1) {
        let handle = ascii_slug(&person.family_latin);
        let app = choose(rng, &["Telegram", "Signal", "Threema"]);
        contacts
            .push(Contact { kind: ContactKind::Other, value: format!("{app} @{handle}{}", digits(rng, 3)) });
    }
    let remarks = rng.random_bool(0.4).then(|| choose(rng, SUSPECT_REMARKS).to_owned());

    Suspect {
        national_reference: format!("{administration}-SUS-{n:06}"),
        family_name: person.family,
        given_names: Some(person.given),
        aliases,
        date_of_birth,
        place_of_birth,
        nationality: Some(nationality),
        sex: sex.map(str::to_owned),
        identity_documents,
        addresses,
        contacts,
        photos: Vec::new(),
        remarks,
    }
}

fn documents(
    rng: &mut StdRng,
    nationality: &str,
    residence: &str,
    administration: &str,
    today: Date,
) -> Vec<IdentityDocument> {
    let count = weighted(rng, &[(0usize, 15.0), (1, 50.0), (2, 28.0), (3, 7.0)]);
    let mut docs = Vec::new();
    let expiry = |rng: &mut StdRng, years: i64| {
        rng.random_bool(0.92).then(|| {
            let issued = today - Duration::days(rng.random_range(0..years * 365));
            iso_date(issued + Duration::days(years * 365))
        })
    };
    for i in 0..count {
        let doc = match i {
            0 => IdentityDocument {
                kind: "PASSPORT".into(),
                number: passport_number(rng, nationality),
                issuing_country: nationality.to_owned(),
                expiry: expiry(rng, 10),
            },
            1 if nationality != administration && residence == administration => IdentityDocument {
                kind: "RESIDENCE_PERMIT".into(),
                number: format!("{}{}", letters(rng, 1, AZ), digits(rng, 8)),
                issuing_country: administration.to_owned(),
                expiry: expiry(rng, 5),
            },
            1 => IdentityDocument {
                kind: "NATIONAL_ID".into(),
                number: national_id(rng, nationality),
                issuing_country: nationality.to_owned(),
                expiry: expiry(rng, 10),
            },
            _ => {
                let seafarer = rng.random_bool(0.2);
                IdentityDocument {
                    kind: if seafarer { "SEAMAN_BOOK" } else { "DRIVING_LICENCE" }.into(),
                    number: format!("{}{}", letters(rng, 2, AZ), digits(rng, 7)),
                    issuing_country: if seafarer { nationality } else { residence }.to_owned(),
                    expiry: expiry(rng, if seafarer { 5 } else { 10 }),
                }
            }
        };
        docs.push(doc);
    }
    docs
}

/// A passport number in the style of the issuing country.
fn passport_number(rng: &mut StdRng, country: &str) -> String {
    const NO_O: &[u8] = b"ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";
    const DE: &[u8] = b"CFGHJKLMNPRTVWXYZ0123456789";
    match country {
        "NL" => format!(
            "{}{}{}",
            letters(rng, 2, b"ABCDEFGHIJKLMNPQRSTUVWXYZ"),
            letters(rng, 6, NO_O),
            digits(rng, 1)
        ),
        "DE" => format!("C{}", letters(rng, 8, DE)),
        "FR" => format!("{}{}{}", digits(rng, 2), letters(rng, 2, AZ), digits(rng, 5)),
        "GB" | "US" | "BG" => digits(rng, 9),
        "RU" => format!("7{} {}", digits(rng, 1), digits(rng, 7)),
        "UA" => format!("{}{}", letters(rng, 2, AZ), digits(rng, 6)),
        "ES" => format!("{}{}", letters(rng, 3, AZ), digits(rng, 6)),
        "IT" => format!("{}{}", letters(rng, 2, AZ), digits(rng, 7)),
        "CN" => format!("E{}", digits(rng, 8)),
        "IN" => format!("{}{}", letters(rng, 1, AZ), digits(rng, 7)),
        _ => format!("{}{}", letters(rng, 2, AZ), digits(rng, 7)),
    }
}

/// A national identity number in the style of the issuing country, check characters included
/// where they are simple (Spanish DNI, Chinese resident identity number).
fn national_id(rng: &mut StdRng, country: &str) -> String {
    match country {
        "ES" => {
            let n: u32 = rng.random_range(10_000_000..99_999_999);
            let letter = b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize];
            format!("{n}{}", char::from(letter))
        }
        "CN" => {
            let body = format!(
                "{}{:04}{:02}{:02}{}",
                choose(rng, &["110101", "310104", "440305", "330782", "350203"]),
                rng.random_range(1950..2005),
                rng.random_range(1..13),
                rng.random_range(1..29),
                digits(rng, 3)
            );
            const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            let sum: u32 = body.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
            let check = b"10X98765432"[(sum % 11) as usize];
            format!("{body}{}", char::from(check))
        }
        "BE" => format!(
            "{}.{}.{}-{}.{}",
            digits(rng, 2),
            digits(rng, 2),
            digits(rng, 2),
            digits(rng, 3),
            digits(rng, 2)
        ),
        "NL" => digits(rng, 9),
        "IT" | "FR" => format!("{}{}", letters(rng, 2, AZ), digits(rng, 7)),
        _ => digits(rng, 10),
    }
}

/// An address in `country`, street written the local way.
pub(crate) fn address(rng: &mut StdRng, country: &str) -> Address {
    let pool = pool_for(country);
    let street = pool
        .street_format
        .replace("{s}", choose(rng, pool.streets))
        .replace("{n}", &rng.random_range(1..240).to_string());
    let list = cities(country);
    let city = (!list.is_empty()).then(|| choose(rng, list).to_owned());
    let postal_code = pool
        .postal_format
        .chars()
        .map(|c| match c {
            '9' => char::from(b'0' + rng.random_range(0..10u8)),
            'N' => char::from(b'0' + rng.random_range(1..10u8)),
            'A' => char::from(choose(rng, AZ)),
            other => other,
        })
        .collect::<String>();
    Address { street: Some(street), city, postal_code: Some(postal_code), country: country.to_owned() }
}

/// A mobile phone number with the country's calling code.
pub(crate) fn phone(rng: &mut StdRng, country: &str) -> String {
    let code = calling_code(country).unwrap_or("+44");
    let first = rng.random_range(1..10);
    format!("{code} {first}{} {} {}", digits(rng, 2), digits(rng, 3), digits(rng, 3))
}

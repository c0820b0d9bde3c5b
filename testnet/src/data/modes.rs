//! Means of transport: the conveyance type, where such seizures happen, how goods are hidden and
//! found there, and what the conveyance's identifier looks like.

use rand::RngExt;
use rand::rngs::StdRng;

use super::pick::{AZ, choose, digits, letters};

/// How the goods travelled (`Inland`: found on the domestic market, no conveyance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Mode {
    #[default]
    SeaContainer,
    Vessel,
    SmallCraft,
    SeaPassenger,
    AirCargo,
    AirPassenger,
    Aircraft,
    Postal,
    Express,
    Truck,
    Car,
    Bus,
    Rail,
    Pedestrian,
    Inland,
}

/// Which quantity scale applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    /// Cargo and vehicles built to carry loads.
    Bulk,
    /// What a traveller carries.
    Person,
    /// A parcel or a letter.
    Parcel,
    /// Found on the domestic market.
    Inland,
}

impl Mode {
    /// Code list `conveyance_type`, `None` inland.
    pub fn conveyance(self) -> Option<&'static str> {
        Some(match self {
            Mode::SeaContainer => "SEA_CONTAINER",
            Mode::Vessel => "VESSEL",
            Mode::SmallCraft => "SMALL_CRAFT",
            Mode::SeaPassenger => "SEA_PASSENGER",
            Mode::AirCargo => "AIR_CARGO",
            Mode::AirPassenger => "AIR_PASSENGER",
            Mode::Aircraft => "AIRCRAFT",
            Mode::Postal => "POSTAL",
            Mode::Express => "EXPRESS_COURIER",
            Mode::Truck => "TRUCK",
            Mode::Car => "CAR",
            Mode::Bus => "BUS",
            Mode::Rail => "RAIL",
            Mode::Pedestrian => "PEDESTRIAN",
            Mode::Inland => return None,
        })
    }

    /// The quantity scale and a multiplier within it.
    pub fn scale(self) -> (Scale, f64) {
        match self {
            Mode::SeaContainer => (Scale::Bulk, 1.0),
            Mode::Vessel => (Scale::Bulk, 3.0),
            Mode::SmallCraft => (Scale::Bulk, 0.8),
            Mode::AirCargo => (Scale::Bulk, 0.25),
            Mode::Aircraft => (Scale::Bulk, 0.3),
            Mode::Truck => (Scale::Bulk, 0.8),
            Mode::Rail => (Scale::Bulk, 0.5),
            Mode::AirPassenger | Mode::Pedestrian => (Scale::Person, 1.0),
            Mode::SeaPassenger | Mode::Bus => (Scale::Person, 1.5),
            Mode::Car => (Scale::Person, 4.0),
            Mode::Postal => (Scale::Parcel, 1.0),
            Mode::Express => (Scale::Parcel, 2.0),
            Mode::Inland => (Scale::Inland, 1.0),
        }
    }

    /// Needs a seaport (or a coast) in the seizing country.
    pub fn needs_sea(self) -> bool {
        matches!(self, Mode::Vessel | Mode::SmallCraft | Mode::SeaPassenger)
    }

    /// Needs a road border (trucks and cars may also come off a ferry at a seaport).
    pub fn needs_land(self) -> bool {
        matches!(self, Mode::Bus | Mode::Rail | Mode::Pedestrian)
    }

    /// A traveller carries the goods: one or two offenders are usually known.
    pub fn carries_people(self) -> bool {
        matches!(
            self,
            Mode::AirPassenger
                | Mode::SeaPassenger
                | Mode::Car
                | Mode::Bus
                | Mode::Pedestrian
                | Mode::Aircraft
        )
    }

    /// Code list `location_type`, weighted.
    pub fn locations(self) -> &'static [(&'static str, f64)] {
        match self {
            Mode::SeaContainer => {
                &[("SEAPORT", 85.0), ("FREE_ZONE", 5.0), ("DRY_PORT", 5.0), ("CUSTOMS_WAREHOUSE", 5.0)]
            }
            Mode::Vessel => &[("SEAPORT", 70.0), ("AT_SEA", 30.0)],
            Mode::SmallCraft => &[("AT_SEA", 60.0), ("SEAPORT", 40.0)],
            Mode::SeaPassenger => &[("SEAPORT", 1.0)],
            Mode::AirCargo => &[("AIRPORT", 85.0), ("FREE_ZONE", 5.0), ("CUSTOMS_WAREHOUSE", 10.0)],
            Mode::AirPassenger | Mode::Aircraft => &[("AIRPORT", 1.0)],
            Mode::Postal => &[("POSTAL_CENTRE", 1.0)],
            Mode::Express => &[("EXPRESS_COURIER_HUB", 1.0)],
            Mode::Truck => {
                &[("LAND_BORDER", 55.0), ("ROAD_CHECK", 20.0), ("SEAPORT", 15.0), ("INLAND", 10.0)]
            }
            Mode::Car => &[("LAND_BORDER", 55.0), ("ROAD_CHECK", 35.0), ("SEAPORT", 10.0)],
            Mode::Bus => &[("LAND_BORDER", 80.0), ("ROAD_CHECK", 20.0)],
            Mode::Rail => &[("RAIL_BORDER", 1.0)],
            Mode::Pedestrian => &[("LAND_BORDER", 80.0), ("GREEN_BORDER", 20.0)],
            Mode::Inland => &[("INLAND", 75.0), ("CUSTOMS_WAREHOUSE", 15.0), ("FREE_ZONE", 10.0)],
        }
    }

    /// Code list `concealment_method`, weighted, for goods smuggled hidden.
    pub fn concealments(self) -> &'static [(&'static str, f64)] {
        match self {
            Mode::SeaContainer => &[
                ("RIP_ON_RIP_OFF", 20.0),
                ("MIXED_WITH_LEGAL_GOODS", 25.0),
                ("CONTAINER_STRUCTURE", 15.0),
                ("INSIDE_GOODS", 12.0),
                ("FALSE_DECLARATION", 12.0),
                ("DISGUISED", 10.0),
                ("DISSOLVED", 1.0),
                ("NOT_CONCEALED", 5.0),
            ],
            Mode::Vessel => &[("NATURAL_VOID", 50.0), ("FALSE_COMPARTMENT", 30.0), ("NOT_CONCEALED", 20.0)],
            Mode::SmallCraft => {
                &[("NOT_CONCEALED", 50.0), ("FALSE_COMPARTMENT", 40.0), ("NATURAL_VOID", 10.0)]
            }
            Mode::SeaPassenger => {
                &[("BAGGAGE", 35.0), ("NATURAL_VOID", 30.0), ("FALSE_COMPARTMENT", 20.0), ("CLOTHING", 15.0)]
            }
            Mode::AirCargo => &[
                ("FALSE_DECLARATION", 30.0),
                ("INSIDE_GOODS", 25.0),
                ("DISGUISED", 20.0),
                ("MIXED_WITH_LEGAL_GOODS", 20.0),
                ("NOT_CONCEALED", 5.0),
            ],
            Mode::AirPassenger => &[
                ("BAGGAGE", 45.0),
                ("BODY_INTERNAL", 15.0),
                ("BODY_STRAPPED", 12.0),
                ("CLOTHING", 13.0),
                ("FALSE_COMPARTMENT", 10.0),
                ("NOT_CONCEALED", 5.0),
            ],
            Mode::Aircraft => &[("NATURAL_VOID", 50.0), ("BAGGAGE", 30.0), ("NOT_CONCEALED", 20.0)],
            Mode::Postal | Mode::Express => &[
                ("INSIDE_GOODS", 35.0),
                ("DISGUISED", 30.0),
                ("FALSE_DECLARATION", 25.0),
                ("MIXED_WITH_LEGAL_GOODS", 10.0),
            ],
            Mode::Truck => &[
                ("MIXED_WITH_LEGAL_GOODS", 40.0),
                ("FALSE_COMPARTMENT", 20.0),
                ("NATURAL_VOID", 15.0),
                ("FALSE_DECLARATION", 20.0),
                ("NOT_CONCEALED", 5.0),
            ],
            Mode::Car => &[
                ("NATURAL_VOID", 35.0),
                ("FALSE_COMPARTMENT", 25.0),
                ("BAGGAGE", 30.0),
                ("CLOTHING", 5.0),
                ("NOT_CONCEALED", 5.0),
            ],
            Mode::Bus => &[("BAGGAGE", 50.0), ("NATURAL_VOID", 35.0), ("CLOTHING", 15.0)],
            Mode::Rail => {
                &[("NATURAL_VOID", 50.0), ("MIXED_WITH_LEGAL_GOODS", 30.0), ("FALSE_COMPARTMENT", 20.0)]
            }
            Mode::Pedestrian => &[("BODY_STRAPPED", 40.0), ("CLOTHING", 30.0), ("BAGGAGE", 30.0)],
            Mode::Inland => &[("NOT_CONCEALED", 50.0), ("DISGUISED", 20.0), ("FALSE_DECLARATION", 30.0)],
        }
    }

    /// Code list `concealment_method`, weighted, for goods declared falsely rather than hidden
    /// (counterfeits, waste, strategic goods...).
    pub fn declared_concealments(self) -> &'static [(&'static str, f64)] {
        match self.scale().0 {
            Scale::Person => &[("BAGGAGE", 60.0), ("NOT_CONCEALED", 40.0)],
            Scale::Inland => &[("NOT_CONCEALED", 70.0), ("FALSE_DECLARATION", 30.0)],
            Scale::Bulk | Scale::Parcel => &[
                ("FALSE_DECLARATION", 50.0),
                ("NOT_CONCEALED", 25.0),
                ("DISGUISED", 15.0),
                ("MIXED_WITH_LEGAL_GOODS", 10.0),
            ],
        }
    }

    /// Code list `detection_method`, weighted.
    pub fn detections(self) -> &'static [(&'static str, f64)] {
        match self {
            Mode::SeaContainer => &[
                ("XRAY_SCAN", 30.0),
                ("RISK_PROFILE", 25.0),
                ("ADVANCE_INFORMATION", 10.0),
                ("INTELLIGENCE", 10.0),
                ("PHYSICAL_EXAMINATION", 10.0),
                ("DOG", 5.0),
                ("INTERNATIONAL_COOPERATION", 5.0),
                ("TIP_OFF", 3.0),
                ("RANDOM_CHECK", 2.0),
            ],
            Mode::Vessel => &[
                ("INTELLIGENCE", 35.0),
                ("INTERNATIONAL_COOPERATION", 25.0),
                ("RISK_PROFILE", 15.0),
                ("PATROL", 10.0),
                ("PHYSICAL_EXAMINATION", 10.0),
                ("DOG", 5.0),
            ],
            Mode::SmallCraft => &[
                ("PATROL", 40.0),
                ("INTELLIGENCE", 35.0),
                ("INTERNATIONAL_COOPERATION", 15.0),
                ("TIP_OFF", 10.0),
            ],
            Mode::SeaPassenger => &[
                ("RISK_PROFILE", 30.0),
                ("DOG", 25.0),
                ("RANDOM_CHECK", 20.0),
                ("XRAY_SCAN", 15.0),
                ("BEHAVIOURAL_ANALYSIS", 10.0),
            ],
            Mode::AirCargo => &[
                ("XRAY_SCAN", 35.0),
                ("RISK_PROFILE", 25.0),
                ("ADVANCE_INFORMATION", 20.0),
                ("DOG", 10.0),
                ("DOCUMENT_CHECK", 5.0),
                ("TRACE_DETECTION", 5.0),
            ],
            Mode::AirPassenger => &[
                ("ADVANCE_INFORMATION", 25.0),
                ("RISK_PROFILE", 20.0),
                ("XRAY_SCAN", 15.0),
                ("BEHAVIOURAL_ANALYSIS", 15.0),
                ("DOG", 10.0),
                ("RANDOM_CHECK", 10.0),
                ("TRACE_DETECTION", 5.0),
            ],
            Mode::Aircraft => {
                &[("INTELLIGENCE", 50.0), ("RISK_PROFILE", 30.0), ("PHYSICAL_EXAMINATION", 20.0)]
            }
            Mode::Postal => &[
                ("XRAY_SCAN", 45.0),
                ("RISK_PROFILE", 25.0),
                ("DOG", 15.0),
                ("ADVANCE_INFORMATION", 10.0),
                ("RANDOM_CHECK", 5.0),
            ],
            Mode::Express => &[
                ("XRAY_SCAN", 40.0),
                ("ADVANCE_INFORMATION", 20.0),
                ("RISK_PROFILE", 25.0),
                ("DOG", 10.0),
                ("RANDOM_CHECK", 5.0),
            ],
            Mode::Truck => &[
                ("XRAY_SCAN", 30.0),
                ("RISK_PROFILE", 25.0),
                ("DOG", 15.0),
                ("PHYSICAL_EXAMINATION", 15.0),
                ("DOCUMENT_CHECK", 10.0),
                ("INTELLIGENCE", 5.0),
            ],
            Mode::Car => &[
                ("RANDOM_CHECK", 25.0),
                ("DOG", 20.0),
                ("BEHAVIOURAL_ANALYSIS", 20.0),
                ("RISK_PROFILE", 15.0),
                ("PHYSICAL_EXAMINATION", 15.0),
                ("XRAY_SCAN", 5.0),
            ],
            Mode::Bus => {
                &[("DOG", 30.0), ("RANDOM_CHECK", 30.0), ("PHYSICAL_EXAMINATION", 25.0), ("XRAY_SCAN", 15.0)]
            }
            Mode::Rail => {
                &[("XRAY_SCAN", 30.0), ("DOG", 25.0), ("PHYSICAL_EXAMINATION", 30.0), ("RISK_PROFILE", 15.0)]
            }
            Mode::Pedestrian => &[
                ("PERSONAL_SEARCH", 40.0),
                ("BEHAVIOURAL_ANALYSIS", 30.0),
                ("PATROL", 20.0),
                ("RANDOM_CHECK", 10.0),
            ],
            Mode::Inland => &[
                ("INTELLIGENCE", 30.0),
                ("TIP_OFF", 20.0),
                ("POST_CLEARANCE_AUDIT", 20.0),
                ("CONTROLLED_DELIVERY", 15.0),
                ("PATROL", 15.0),
            ],
        }
    }

    /// A plausible conveyance identifier (nominal): container number with its ISO 6346 check
    /// digit, vessel name and IMO number, air waybill, flight number, UPU S10 item number,
    /// number plate... `plate_country` is where a road vehicle is registered, `origin` where
    /// a postal item was posted.
    pub fn identifier(self, rng: &mut StdRng, plate_country: &str, origin: &str) -> Option<String> {
        Some(match self {
            Mode::SeaContainer => container_number(rng),
            Mode::Vessel => format!("MV {} (IMO {})", vessel_name(rng), imo_number(rng)),
            Mode::SmallCraft => {
                format!("{} {}", choose(rng, &["yacht", "speedboat", "fishing boat"]), boat_name(rng))
            }
            Mode::SeaPassenger => {
                format!("ferry {}, vehicle {}", vessel_name(rng), plate(rng, plate_country))
            }
            Mode::AirCargo => air_waybill(rng),
            Mode::AirPassenger => flight_number(rng),
            Mode::Aircraft => aircraft_registration(rng),
            Mode::Postal => upu_s10(rng, origin),
            Mode::Express => format!("waybill {}", digits(rng, 10)),
            Mode::Truck => format!("{}, trailer {}", plate(rng, plate_country), plate(rng, plate_country)),
            Mode::Car | Mode::Bus => plate(rng, plate_country),
            Mode::Rail => format!("train {}, wagon {}", rng.random_range(100..9999), digits(rng, 12)),
            Mode::Pedestrian | Mode::Inland => return None,
        })
    }
}

/// An ISO 6346 container number, check digit included (`MSCU1234565`).
pub(crate) fn container_number(rng: &mut StdRng) -> String {
    let owner = choose(
        rng,
        &[
            "MSCU", "MSMU", "MAEU", "MRKU", "CMAU", "HLXU", "HLBU", "ONEU", "COSU", "CSNU", "EGLV", "OOLU",
            "HDMU", "ZIMU", "TGHU", "TCNU", "SEGU", "TRHU", "YMLU", "BMOU",
        ],
    );
    let serial = digits(rng, 6);
    let body = format!("{owner}{serial}");
    format!("{body}{}", iso6346_check(&body))
}

/// The ISO 6346 check digit of an owner code, category letter and six-digit serial number.
pub(crate) fn iso6346_check(body: &str) -> u32 {
    let mut sum = 0u32;
    for (i, c) in body.chars().take(10).enumerate() {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => {
                // A = 10, skipping multiples of 11.
                let mut v = 10;
                let mut l = 'A';
                while l < c {
                    v += 1;
                    if v % 11 == 0 {
                        v += 1;
                    }
                    l = char::from(l as u8 + 1);
                }
                v
            }
            _ => 0,
        };
        sum += v << i;
    }
    sum % 11 % 10
}

fn vessel_name(rng: &mut StdRng) -> String {
    let first = choose(
        rng,
        &[
            "Atlantic", "Pacific", "Nordic", "Baltic", "Ocean", "Santa", "Cape", "Golden", "Blue",
            "Southern", "Ever",
        ],
    );
    let second = choose(
        rng,
        &[
            "Star", "Breeze", "Trader", "Pearl", "Spirit", "Horizon", "Carrier", "Pioneer", "Voyager",
            "Express",
        ],
    );
    format!("{first} {second}")
}

fn boat_name(rng: &mut StdRng) -> String {
    choose(
        rng,
        &[
            "Sea Dream",
            "La Paloma",
            "Blue Marlin",
            "Esperanza",
            "Wind Dancer",
            "Mar Azul",
            "Lucky Lady",
            "Nomad",
        ],
    )
    .to_owned()
}

/// An IMO ship number: seven digits, the last a check digit.
fn imo_number(rng: &mut StdRng) -> String {
    let body: Vec<u32> = std::iter::once(9).chain((0..5).map(|_| rng.random_range(0..10))).collect();
    let check: u32 = body.iter().zip((2..=7).rev()).map(|(d, w)| d * w).sum::<u32>() % 10;
    let mut s: String = body.iter().map(|d| d.to_string()).collect();
    s.push_str(&check.to_string());
    s
}

/// An air waybill: airline prefix and eight digits, the last the serial modulo 7.
fn air_waybill(rng: &mut StdRng) -> String {
    let prefix =
        choose(rng, &["074", "057", "176", "125", "020", "235", "160", "618", "157", "006", "071", "045"]);
    let serial: u32 = rng.random_range(1_000_000..9_999_999);
    format!("{prefix}-{serial}{}", serial % 7)
}

fn flight_number(rng: &mut StdRng) -> String {
    let airline = choose(
        rng,
        &[
            "KL", "AF", "IB", "TP", "LH", "TK", "EK", "QR", "ET", "AT", "BA", "UX", "AV", "CM", "LA", "KQ",
            "MS",
        ],
    );
    format!("{airline}{:04}", rng.random_range(1..2000))
}

fn aircraft_registration(rng: &mut StdRng) -> String {
    match rng.random_range(0..4) {
        0 => format!("N{}{}", rng.random_range(100..999), letters(rng, 2, AZ)),
        1 => format!("PH-{}", letters(rng, 3, AZ)),
        2 => format!("D-{}", letters(rng, 4, AZ)),
        _ => format!("EC-{}", letters(rng, 3, AZ)),
    }
}

/// A UPU S10 item number: service indicator, eight digits, check digit, country of posting.
fn upu_s10(rng: &mut StdRng, origin: &str) -> String {
    let service = choose(rng, &["RR", "EE", "CP", "LX", "RB", "EA", "UA", "LY"]);
    let serial: Vec<u32> = (0..8).map(|_| rng.random_range(0..10)).collect();
    let sum: u32 = serial.iter().zip([8, 6, 4, 2, 3, 5, 9, 7]).map(|(d, w)| d * w).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    let digits: String = serial.iter().map(|d| d.to_string()).collect();
    let country = if origin.len() == 2 { origin } else { "XX" };
    format!("{service}{digits}{check}{country}")
}

/// A number plate in the style of `country`.
pub(crate) fn plate(rng: &mut StdRng, country: &str) -> String {
    const PLATE_CYR: &[u8] = b"ABEKMHOPCTYX";
    match country {
        "NL" => format!("{}-{}-{}", letters(rng, 2, AZ), digits(rng, 3), letters(rng, 1, AZ)),
        "BE" => format!("1-{}-{}", letters(rng, 3, AZ), digits(rng, 3)),
        "DE" => format!(
            "{} {}{}",
            choose(rng, &["B", "HH", "M", "K", "F", "D", "S"]),
            letters(rng, 2, AZ),
            digits(rng, 4)
        ),
        "FR" | "IT" => format!("{}-{}-{}", letters(rng, 2, AZ), digits(rng, 3), letters(rng, 2, AZ)),
        "ES" => format!("{} {}", digits(rng, 4), letters(rng, 3, b"BCDFGHJKLMNPRSTVWXYZ")),
        "PL" => format!("{} {}", choose(rng, &["WX", "WA", "KR", "GD", "PO", "LU", "BI"]), digits(rng, 5)),
        "LT" | "LV" | "EE" => format!("{} {}", letters(rng, 3, AZ), digits(rng, 3)),
        "BG" => format!(
            "{} {} {}",
            choose(rng, &["CA", "CB", "PB", "B", "A", "E"]),
            digits(rng, 4),
            letters(rng, 2, PLATE_CYR)
        ),
        "UA" | "BY" | "RU" => {
            format!("{}{}{}", letters(rng, 2, PLATE_CYR), digits(rng, 4), letters(rng, 2, PLATE_CYR))
        }
        "RO" => format!(
            "{} {} {}",
            choose(rng, &["B", "CT", "CJ", "TM", "IS"]),
            digits(rng, 2),
            letters(rng, 3, AZ)
        ),
        "TR" => format!("{} {} {}", rng.random_range(1..82), letters(rng, 3, AZ), digits(rng, 3)),
        "GB" => format!("{}{} {}", letters(rng, 2, AZ), digits(rng, 2), letters(rng, 3, AZ)),
        "US" | "CA" | "MX" => format!("{}-{}", letters(rng, 3, AZ), digits(rng, 4)),
        _ => format!("{}-{}", letters(rng, 3, AZ), digits(rng, 4)),
    }
}

//! The commodity mix: how often each kind of goods is seized, in which unit and quantities, where
//! it comes from and goes to, how it travels and what it is worth. Weights follow the shape of the
//! WCO Illicit Trade Report (many tobacco, counterfeit and drug cases, fewer of the rest).

use super::modes::Mode::{self, *};

/// The unit and typical quantities of a commodity, as medians of a log-normal spread.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure {
    /// Code list `unit`.
    pub unit: &'static str,
    /// Median per cargo consignment or vehicle.
    pub bulk: f64,
    /// Median carried by a traveller.
    pub person: f64,
    /// Median per parcel.
    pub parcel: f64,
    /// Median found inland.
    pub inland: f64,
    /// Spread of the logarithm.
    pub sigma: f64,
}

/// When in the year a commodity is seized more often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    /// The general customs pattern: a quiet January and February, busy summer and autumn.
    Usual,
    /// Before the year-end holidays (tobacco, alcohol, counterfeits).
    Holidays,
    /// After the outdoor harvest (cannabis herb).
    Harvest,
    /// Before New Year's Eve (fireworks).
    Fireworks,
    /// The glass eel season (marine species).
    GlassEels,
    /// The travel season (cash, gold, protected species in luggage).
    Summer,
}

impl Season {
    /// Relative weight of each month, January first.
    pub fn months(self) -> [f64; 12] {
        let usual = [0.8, 0.85, 1.0, 1.0, 1.05, 1.0, 1.1, 1.1, 1.0, 1.1, 1.1, 1.05];
        let boost: [f64; 12] = match self {
            Season::Usual => [1.0; 12],
            Season::Holidays => [0.9, 0.9, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.2, 1.5, 1.7],
            Season::Harvest => [1.0, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 1.8, 2.0, 1.6, 1.1],
            Season::Fireworks => [0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.4, 0.5, 0.9, 3.0, 6.0],
            Season::GlassEels => [2.5, 3.0, 3.0, 2.5, 1.0, 0.5, 0.3, 0.3, 0.3, 0.5, 1.0, 2.0],
            Season::Summer => [0.8, 0.8, 0.9, 1.0, 1.1, 1.4, 1.8, 1.8, 1.2, 1.0, 0.9, 1.2],
        };
        let mut out = [0.0; 12];
        for (i, o) in out.iter_mut().enumerate() {
            *o = usual[i] * boost[i];
        }
        out
    }
}

/// One kind of goods and how it is smuggled.
#[derive(Debug)]
pub(crate) struct Commodity {
    /// Code list `commodity`.
    pub code: &'static str,
    /// Relative frequency among seizures.
    pub weight: f64,
    pub measure: Measure,
    /// Estimated value in euros per unit of `measure.unit`.
    pub price: f64,
    /// Countries of departure, weighted.
    pub origins: &'static [(&'static str, f64)],
    /// Hubs the goods often pass through.
    pub transits: &'static [&'static str],
    /// Where goods go when the seizing country exports them or is only a transit country.
    pub markets: &'static [&'static str],
    pub modes: &'static [(Mode, f64)],
    /// Share of seizures made on export (the seizing country is the departure).
    pub export: f64,
    /// Share found inland, on the domestic market.
    pub internal: f64,
    /// Hidden (drugs, cash, weapons) rather than falsely declared (counterfeits, waste).
    pub hidden: bool,
    pub season: Season,
    /// Plain-language goods descriptions, as officers write them.
    pub descriptions: &'static [&'static str],
    /// What to call the goods in a summary.
    pub noun: &'static str,
}

const fn m(unit: &'static str, bulk: f64, person: f64, parcel: f64, inland: f64, sigma: f64) -> Measure {
    Measure { unit, bulk, person, parcel, inland, sigma }
}

// Mode mixes.
const COCAINE_MODES: &[(Mode, f64)] = &[
    (SeaContainer, 40.0),
    (AirPassenger, 20.0),
    (AirCargo, 6.0),
    (Postal, 6.0),
    (Express, 6.0),
    (Vessel, 3.0),
    (SmallCraft, 4.0),
    (Aircraft, 1.0),
    (Truck, 6.0),
    (Car, 6.0),
    (Inland, 3.0),
];
const CANNABIS_MODES: &[(Mode, f64)] = &[
    (Postal, 18.0),
    (Express, 10.0),
    (Car, 15.0),
    (Truck, 15.0),
    (AirPassenger, 12.0),
    (SeaContainer, 8.0),
    (SmallCraft, 4.0),
    (Bus, 4.0),
    (Inland, 14.0),
];
const HEROIN_MODES: &[(Mode, f64)] = &[
    (Truck, 35.0),
    (Car, 20.0),
    (SeaContainer, 15.0),
    (AirPassenger, 15.0),
    (Postal, 5.0),
    (Bus, 5.0),
    (Inland, 5.0),
];
const SYNTHETIC_MODES: &[(Mode, f64)] = &[
    (Postal, 25.0),
    (Express, 20.0),
    (Car, 15.0),
    (Truck, 15.0),
    (AirPassenger, 10.0),
    (SeaContainer, 10.0),
    (Inland, 5.0),
];
const PARCEL_MODES: &[(Mode, f64)] = &[(Express, 40.0), (Postal, 45.0), (AirCargo, 15.0)];
const PILL_MODES: &[(Mode, f64)] =
    &[(Postal, 35.0), (Express, 25.0), (SeaContainer, 20.0), (AirPassenger, 20.0)];
const CARGO_MODES: &[(Mode, f64)] = &[(SeaContainer, 55.0), (AirCargo, 15.0), (Truck, 25.0), (Express, 5.0)];
const CIGARETTE_MODES: &[(Mode, f64)] = &[
    (Truck, 25.0),
    (Car, 20.0),
    (Bus, 8.0),
    (Rail, 4.0),
    (SeaContainer, 15.0),
    (AirPassenger, 15.0),
    (Pedestrian, 5.0),
    (Postal, 3.0),
    (Inland, 5.0),
];
const TOBACCO_MODES: &[(Mode, f64)] =
    &[(Truck, 25.0), (SeaContainer, 30.0), (AirPassenger, 15.0), (Car, 15.0), (Postal, 10.0), (Inland, 5.0)];
const ROAD_MODES: &[(Mode, f64)] =
    &[(Truck, 40.0), (Car, 35.0), (Bus, 10.0), (SeaContainer, 10.0), (Inland, 5.0)];
const FUEL_MODES: &[(Mode, f64)] = &[(Truck, 50.0), (Car, 35.0), (Rail, 10.0), (Vessel, 5.0)];
const IPR_MODES: &[(Mode, f64)] = &[
    (SeaContainer, 35.0),
    (Postal, 25.0),
    (Express, 20.0),
    (AirCargo, 8.0),
    (Truck, 7.0),
    (AirPassenger, 3.0),
    (Inland, 2.0),
];
const CITES_MODES: &[(Mode, f64)] =
    &[(AirPassenger, 30.0), (AirCargo, 20.0), (Postal, 20.0), (Express, 10.0), (SeaContainer, 20.0)];
const BULK_MODES: &[(Mode, f64)] = &[(SeaContainer, 75.0), (Truck, 20.0), (Vessel, 5.0)];
const CASH_MODES: &[(Mode, f64)] = &[
    (AirPassenger, 55.0),
    (Car, 20.0),
    (Truck, 5.0),
    (Bus, 5.0),
    (Postal, 5.0),
    (SeaPassenger, 5.0),
    (Express, 5.0),
];
const GOLD_MODES: &[(Mode, f64)] = &[(AirPassenger, 70.0), (AirCargo, 15.0), (Express, 15.0)];
const WEAPON_MODES: &[(Mode, f64)] =
    &[(Postal, 30.0), (Express, 20.0), (Car, 20.0), (Truck, 15.0), (SeaContainer, 10.0), (AirPassenger, 5.0)];
const FIREWORK_MODES: &[(Mode, f64)] = &[(Car, 50.0), (Truck, 30.0), (Bus, 10.0), (Postal, 10.0)];
const STRATEGIC_MODES: &[(Mode, f64)] =
    &[(Truck, 40.0), (AirCargo, 25.0), (Express, 15.0), (SeaContainer, 20.0)];
const HERITAGE_MODES: &[(Mode, f64)] =
    &[(AirPassenger, 30.0), (Postal, 25.0), (Express, 15.0), (Car, 15.0), (SeaContainer, 15.0)];
const VEHICLE_MODES: &[(Mode, f64)] = &[(SeaContainer, 45.0), (Truck, 20.0), (Car, 35.0)];
const CONSUMER_MODES: &[(Mode, f64)] = &[(SeaContainer, 50.0), (Express, 25.0), (Postal, 25.0)];
const FOOD_MODES: &[(Mode, f64)] = &[(SeaContainer, 50.0), (Truck, 30.0), (AirPassenger, 20.0)];

// Countries.
const IPR_ORIGINS: &[(&str, f64)] = &[
    ("CN", 55.0),
    ("HK", 12.0),
    ("TR", 12.0),
    ("VN", 3.0),
    ("IN", 4.0),
    ("TH", 3.0),
    ("AE", 3.0),
    ("SG", 1.0),
    ("MY", 2.0),
    ("PK", 2.0),
    ("MA", 1.0),
];
const IPR_TRANSITS: &[&str] = &["AE", "SG", "MY", "HK", "PA", "TR", "ES", "GR", "IT"];
const IPR_MARKETS: &[&str] = &["DE", "FR", "IT", "ES", "NL", "BE", "GB", "PL", "US", "CA", "BR", "NG"];
const ASIA_WILDLIFE_MARKETS: &[&str] = &["VN", "CN", "HK", "TH", "MY", "LA", "KH"];

/// One row of the commodity table (the builder methods below set the less common fields).
#[allow(clippy::too_many_arguments)]
const fn c(
    code: &'static str,
    weight: f64,
    measure: Measure,
    price: f64,
    origins: &'static [(&'static str, f64)],
    transits: &'static [&'static str],
    markets: &'static [&'static str],
    modes: &'static [(Mode, f64)],
) -> Commodity {
    Commodity {
        code,
        weight,
        measure,
        price,
        origins,
        transits,
        markets,
        modes,
        export: 0.05,
        internal: 0.0,
        hidden: true,
        season: Season::Usual,
        descriptions: &[],
        noun: "",
    }
}

impl Commodity {
    const fn flows(mut self, export: f64, internal: f64) -> Self {
        self.export = export;
        self.internal = internal;
        self
    }
    const fn declared(mut self) -> Self {
        self.hidden = false;
        self
    }
    const fn season(mut self, season: Season) -> Self {
        self.season = season;
        self
    }
    const fn words(mut self, noun: &'static str, descriptions: &'static [&'static str]) -> Self {
        self.noun = noun;
        self.descriptions = descriptions;
        self
    }
}

/// Every commodity the generator uses, with its weight in the mix.
pub(crate) static COMMODITIES: &[Commodity] = &[
    // Drugs.
    c(
        "DRUGS.COCAINE",
        9.0,
        m("KGM", 150.0, 2.5, 0.6, 1.5, 1.1),
        32_000.0,
        &[
            ("EC", 30.0),
            ("CO", 25.0),
            ("BR", 12.0),
            ("PE", 6.0),
            ("BO", 3.0),
            ("PA", 5.0),
            ("CR", 3.0),
            ("DO", 4.0),
            ("VE", 4.0),
            ("PY", 3.0),
            ("SR", 2.0),
            ("JM", 2.0),
            ("CW", 2.0),
            ("MX", 2.0),
        ],
        &[
            "PA", "DO", "CR", "JM", "CW", "AW", "GH", "NG", "SN", "GW", "CV", "TG", "CI", "ES", "PT", "MA",
            "GT",
        ],
        &["US", "ES", "NL", "BE", "GB", "FR", "DE", "IT", "AU", "CA", "IE"],
        COCAINE_MODES,
    )
    .flows(0.05, 0.04)
    .words(
        "cocaine",
        &[
            "bricks of white powder marked with a logo",
            "one-kilo packages with a scorpion logo",
            "bricks stamped with a crown",
            "packages wrapped in carbon paper",
            "powder in vacuum-sealed bags",
            "bricks wrapped in tape and plastic",
            "white powder in taped packages",
            "packages of white powder",
        ],
    ),
    c(
        "DRUGS.COCAINE.BASE",
        0.3,
        m("KGM", 80.0, 1.5, 0.4, 1.0, 1.0),
        15_000.0,
        &[("BO", 40.0), ("PE", 35.0), ("CO", 25.0)],
        &["BR", "PY", "AR"],
        &["BR", "AR", "CL", "PY", "UY"],
        COCAINE_MODES,
    )
    .words("cocaine base", &["coca paste in plastic bags", "cocaine base in blocks"]),
    c(
        "DRUGS.COCAINE.CRACK",
        0.3,
        m("KGM", 5.0, 0.1, 0.05, 0.2, 1.0),
        45_000.0,
        &[("NL", 20.0), ("FR", 20.0), ("GB", 20.0), ("US", 20.0), ("BE", 20.0)],
        &[],
        &["FR", "GB", "US", "BE", "NL"],
        SYNTHETIC_MODES,
    )
    .flows(0.05, 0.7)
    .words("crack cocaine", &["crack rocks in small plastic bags", "crack in a film canister"]),
    c(
        "DRUGS.CANNABIS.HERB",
        6.0,
        m("KGM", 400.0, 3.0, 0.5, 5.0, 1.1),
        6_000.0,
        &[
            ("AL", 10.0),
            ("MA", 3.0),
            ("ES", 6.0),
            ("NL", 6.0),
            ("US", 8.0),
            ("CA", 5.0),
            ("TH", 8.0),
            ("CO", 4.0),
            ("JM", 4.0),
            ("ZA", 2.0),
            ("NG", 3.0),
            ("GH", 2.0),
            ("MX", 5.0),
        ],
        &["ES", "FR", "GR", "IT", "BE", "DE"],
        &["GB", "DE", "FR", "IE", "NL", "BE", "SE", "NO", "IT"],
        CANNABIS_MODES,
    )
    .flows(0.05, 0.2)
    .season(Season::Harvest)
    .words(
        "cannabis herb",
        &[
            "vacuum-packed bags of cannabis herb",
            "dried cannabis buds",
            "herbal cannabis in cardboard boxes",
            "cannabis in sealed bags marked with strain names",
        ],
    ),
    c(
        "DRUGS.CANNABIS.RESIN",
        4.0,
        m("KGM", 800.0, 2.0, 0.3, 3.0, 1.1),
        5_000.0,
        &[("MA", 30.0), ("AF", 5.0), ("LB", 5.0), ("IN", 2.0), ("NP", 2.0), ("PK", 2.0)],
        &["ES", "FR", "PT", "DZ", "LY", "TN", "EG"],
        &["FR", "ES", "IT", "DE", "NL", "BE", "GB", "SE", "DK"],
        CANNABIS_MODES,
    )
    .flows(0.05, 0.15)
    .words(
        "cannabis resin",
        &["hashish in 100 g slabs", "bales of hashish wrapped in jute", "hashish plates marked with a stamp"],
    ),
    c(
        "DRUGS.CANNABIS.OIL",
        0.4,
        m("KGM", 20.0, 0.5, 0.2, 1.0, 1.0),
        20_000.0,
        &[("US", 40.0), ("CA", 30.0), ("NL", 15.0), ("ES", 15.0)],
        &[],
        &["GB", "DE", "FR", "AU"],
        PARCEL_MODES,
    )
    .words("cannabis oil", &["vape cartridges of cannabis oil", "bottles of cannabis oil"]),
    c(
        "DRUGS.CANNABIS.PLANTS",
        0.8,
        m("H87", 2_000.0, 10.0, 5.0, 400.0, 1.0),
        300.0,
        &[("NL", 50.0), ("ES", 50.0)],
        &[],
        &["NL", "ES"],
        &[(Inland, 95.0), (Truck, 5.0)],
    )
    .flows(0.0, 0.95)
    .season(Season::Harvest)
    .words("cannabis plants", &["cannabis plants in an indoor grow site", "young cannabis plants in pots"]),
    c(
        "DRUGS.CANNABIS.SEEDS",
        0.4,
        m("H87", 20_000.0, 200.0, 50.0, 500.0, 1.2),
        5.0,
        &[("NL", 50.0), ("ES", 30.0), ("GB", 20.0)],
        &[],
        &["US", "DE", "FR", "AU"],
        PARCEL_MODES,
    )
    .words("cannabis seeds", &["cannabis seeds in sachets", "seed packets labelled as souvenirs"]),
    c(
        "DRUGS.HEROIN",
        3.0,
        m("KGM", 60.0, 1.5, 0.3, 1.0, 1.1),
        25_000.0,
        &[("AF", 25.0), ("PK", 10.0), ("IR", 8.0), ("MM", 5.0), ("LA", 2.0), ("MX", 3.0)],
        &["TR", "IR", "BG", "RS", "MK", "AL", "GR", "KE", "TZ", "ZA", "AZ", "GE"],
        &["DE", "NL", "GB", "FR", "IT", "BE", "AT", "US", "CA"],
        HEROIN_MODES,
    )
    .flows(0.03, 0.1)
    .words(
        "heroin",
        &[
            "brown powder in half-kilo packages",
            "heroin in half-kilo packages marked with a lion",
            "packages of beige powder",
        ],
    ),
    c(
        "DRUGS.OPIUM",
        0.3,
        m("KGM", 200.0, 3.0, 0.5, 2.0, 1.0),
        3_000.0,
        &[("AF", 60.0), ("IR", 20.0), ("PK", 20.0)],
        &["IR", "TR", "TM"],
        &["IR", "TR", "RU", "IN"],
        HEROIN_MODES,
    )
    .words("opium", &["opium in plastic-wrapped balls", "raw opium in tins"]),
    c(
        "DRUGS.METHAMPHETAMINE",
        1.5,
        m("KGM", 200.0, 1.5, 0.3, 1.0, 1.2),
        20_000.0,
        &[("MX", 20.0), ("MM", 15.0), ("AF", 10.0), ("NL", 5.0), ("NG", 5.0), ("IR", 5.0), ("CZ", 3.0)],
        &["MY", "TH", "LA", "ZA", "TR"],
        &["US", "AU", "NZ", "JP", "KR", "PH", "MY", "ID", "ZA"],
        SYNTHETIC_MODES,
    )
    .words(
        "methamphetamine",
        &[
            "crystal methamphetamine in tea packaging",
            "methamphetamine dissolved in bottles",
            "crystals in zip bags",
        ],
    ),
    c(
        "DRUGS.AMPHETAMINE",
        1.5,
        m("KGM", 120.0, 1.0, 0.3, 2.0, 1.1),
        3_000.0,
        &[("NL", 30.0), ("BE", 15.0), ("PL", 10.0), ("LT", 5.0), ("DE", 5.0), ("BG", 3.0), ("TR", 3.0)],
        &["DE", "DK", "PL"],
        &["SE", "NO", "FI", "DK", "DE", "GB", "SA"],
        SYNTHETIC_MODES,
    )
    .flows(0.08, 0.1)
    .words("amphetamine", &["amphetamine paste in buckets", "white powder in plastic bags"]),
    c(
        "DRUGS.CAPTAGON",
        1.0,
        m("H87", 500_000.0, 2_000.0, 500.0, 10_000.0, 1.2),
        5.0,
        &[("SY", 60.0), ("LB", 40.0)],
        &["JO", "TR", "IQ", "IT", "GR", "EG"],
        &["SA", "AE", "JO", "KW", "IQ"],
        &[(Truck, 40.0), (SeaContainer, 35.0), (Car, 15.0), (AirCargo, 10.0)],
    )
    .words(
        "captagon tablets",
        &[
            "beige tablets with a double-C logo",
            "captagon tablets in plastic bags",
            "tablets with a crescent logo",
        ],
    ),
    c(
        "DRUGS.MDMA",
        1.5,
        m("H87", 50_000.0, 500.0, 200.0, 1_000.0, 1.2),
        4.0,
        &[("NL", 60.0), ("BE", 30.0), ("DE", 10.0)],
        &["DE", "FR"],
        &["GB", "AU", "US", "NZ", "ES", "FR", "DE", "IT", "BR", "CA"],
        SYNTHETIC_MODES,
    )
    .flows(0.1, 0.1)
    .words("MDMA tablets", &["ecstasy tablets with a logo", "coloured tablets in vacuum bags"]),
    c(
        "DRUGS.KETAMINE",
        0.8,
        m("KGM", 100.0, 1.0, 0.2, 0.5, 1.1),
        15_000.0,
        &[("IN", 30.0), ("CN", 15.0), ("NL", 10.0), ("PK", 5.0)],
        &["AE", "MY"],
        &["GB", "NL", "AU", "MY", "TH", "HK"],
        SYNTHETIC_MODES,
    )
    .words("ketamine", &["ketamine declared as cleaning powder", "crystalline powder in bags"]),
    c(
        "DRUGS.HALLUCINOGENS",
        0.4,
        m("KGM", 5.0, 0.2, 0.1, 0.3, 1.0),
        10_000.0,
        &[("NL", 50.0), ("US", 25.0), ("CA", 15.0), ("ES", 10.0)],
        &[],
        &["GB", "DE", "FR", "AU"],
        PARCEL_MODES,
    )
    .words("hallucinogens", &["dried psilocybin mushrooms", "LSD blotters in a greeting card"]),
    c(
        "DRUGS.KHAT",
        1.5,
        m("KGM", 500.0, 20.0, 10.0, 30.0, 0.9),
        50.0,
        &[("KE", 50.0), ("ET", 40.0), ("SO", 10.0)],
        &["NL", "BE", "AE"],
        &["GB", "NL", "BE", "DE", "SE", "NO", "US", "SA"],
        &[(AirCargo, 40.0), (Postal, 25.0), (AirPassenger, 30.0), (Express, 5.0)],
    )
    .words("khat", &["bundles of fresh khat leaves wrapped in banana leaves", "khat declared as vegetables"]),
    c(
        "DRUGS.NPS.SYNTHETIC_CANNABINOIDS",
        0.8,
        m("KGM", 50.0, 0.5, 1.0, 0.5, 1.1),
        10_000.0,
        &[("CN", 70.0), ("IN", 20.0), ("HK", 10.0)],
        &[],
        &["US", "GB", "DE", "RU", "TR"],
        PARCEL_MODES,
    )
    .words("synthetic cannabinoids", &["powder declared as a chemical reagent", "impregnated paper sheets"]),
    c(
        "DRUGS.NPS.SYNTHETIC_CATHINONES",
        0.8,
        m("KGM", 100.0, 0.5, 1.0, 0.5, 1.1),
        8_000.0,
        &[("IN", 40.0), ("CN", 30.0), ("PL", 5.0), ("NL", 5.0)],
        &[],
        &["NL", "PL", "DE", "GB", "RU"],
        PARCEL_MODES,
    )
    .words(
        "synthetic cathinones",
        &["crystals declared as bath salts", "white powder labelled as fertiliser"],
    ),
    c(
        "DRUGS.FENTANYL",
        0.3,
        m("KGM", 5.0, 0.2, 0.05, 0.1, 1.0),
        50_000.0,
        &[("CN", 40.0), ("MX", 40.0), ("IN", 20.0)],
        &["MX"],
        &["US", "CA"],
        PARCEL_MODES,
    )
    .words("fentanyl", &["fentanyl powder in a sealed pouch", "counterfeit pills containing fentanyl"]),
    c(
        "DRUGS.TRAMADOL",
        1.2,
        m("H87", 2_000_000.0, 5_000.0, 500.0, 10_000.0, 1.2),
        0.5,
        &[("IN", 60.0), ("PK", 15.0), ("CN", 10.0)],
        &["AE", "TG", "BJ", "GH"],
        &["NG", "GH", "CM", "EG", "LY", "SA", "MA", "BJ", "NE"],
        PILL_MODES,
    )
    .words(
        "tramadol tablets",
        &["blister packs of 225 mg tramadol", "tramadol tablets in unlabelled cartons"],
    ),
    c(
        "DRUGS.PSYCHOTROPIC_MEDICINES",
        1.0,
        m("H87", 200_000.0, 500.0, 200.0, 2_000.0, 1.2),
        1.0,
        &[("IN", 30.0), ("PK", 10.0), ("CN", 10.0), ("PL", 5.0), ("TR", 5.0), ("ES", 5.0)],
        &[],
        &["GB", "IE", "SE", "US", "SA"],
        PILL_MODES,
    )
    .words(
        "psychotropic medicines",
        &["benzodiazepine tablets in blister packs", "unlicensed sleeping pills"],
    ),
    c(
        "DRUGS.PRECURSORS.P2P",
        0.3,
        m("KGM", 2_000.0, 5.0, 5.0, 200.0, 1.0),
        50.0,
        &[("CN", 80.0), ("IN", 20.0)],
        &["TR", "AE"],
        &["NL", "BE", "MX"],
        CARGO_MODES,
    )
    .flows(0.05, 0.1)
    .declared()
    .words(
        "P-2-P (BMK)",
        &["drums of BMK glycidate declared as chemicals", "pre-precursor in 200-litre drums"],
    ),
    c(
        "DRUGS.PRECURSORS.PMK",
        0.2,
        m("KGM", 1_500.0, 5.0, 5.0, 200.0, 1.0),
        60.0,
        &[("CN", 90.0), ("IN", 10.0)],
        &["TR"],
        &["NL", "BE"],
        CARGO_MODES,
    )
    .declared()
    .words("PMK", &["PMK glycidate in drums", "drums labelled as food additive"]),
    c(
        "DRUGS.PRECURSORS.ACETIC_ANHYDRIDE",
        0.2,
        m("LTR", 5_000.0, 20.0, 5.0, 200.0, 1.0),
        5.0,
        &[("CN", 40.0), ("IN", 20.0), ("NL", 10.0), ("DE", 10.0), ("TR", 20.0)],
        &["IR", "PK"],
        &["AF", "PK", "IR", "MM"],
        CARGO_MODES,
    )
    .flows(0.3, 0.0)
    .declared()
    .words(
        "acetic anhydride",
        &["acetic anhydride in plastic drums", "containers declared as industrial solvent"],
    ),
    c(
        "DRUGS.PRECURSORS.EPHEDRINE",
        0.2,
        m("KGM", 500.0, 2.0, 2.0, 20.0, 1.0),
        200.0,
        &[("IN", 60.0), ("CN", 40.0)],
        &["AE"],
        &["MX", "MM", "NG"],
        CARGO_MODES,
    )
    .declared()
    .words("ephedrine", &["pseudoephedrine powder declared as vitamins", "ephedrine tablets in bulk"]),
    // Revenue: tobacco, alcohol, fuel.
    c(
        "REVENUE.TOBACCO.CIGARETTES",
        14.0,
        m("H87", 2_000_000.0, 2_400.0, 1_000.0, 20_000.0, 1.0),
        0.3,
        &[
            ("BY", 15.0),
            ("UA", 10.0),
            ("RU", 6.0),
            ("AE", 10.0),
            ("CN", 8.0),
            ("VN", 5.0),
            ("TR", 6.0),
            ("MD", 3.0),
            ("AM", 3.0),
            ("GE", 2.0),
            ("KZ", 2.0),
            ("PL", 3.0),
            ("RS", 2.0),
            ("BG", 2.0),
            ("AL", 2.0),
            ("DZ", 2.0),
            ("MA", 2.0),
        ],
        &["PL", "LT", "LV", "BG", "RO", "GR", "TR", "AE", "ES", "IT", "NL", "BE", "DE"],
        &["GB", "FR", "DE", "IE", "NL", "IT", "ES", "SE", "NO", "BE"],
        CIGARETTE_MODES,
    )
    .flows(0.05, 0.08)
    .season(Season::Holidays)
    .words(
        "cigarettes",
        &[
            "cigarettes without tax stamps, 10,000 sticks per master case",
            "cartons of cigarettes without excise stamps",
            "cigarettes of a 'cheap white' brand",
            "counterfeit cigarettes of a well-known brand",
            "cigarettes with foreign tax stamps",
            "master cases of unbranded cigarettes",
        ],
    ),
    c(
        "REVENUE.TOBACCO.CIGARS",
        0.3,
        m("H87", 20_000.0, 100.0, 50.0, 500.0, 1.0),
        5.0,
        &[("CU", 50.0), ("DO", 25.0), ("HN", 15.0), ("NI", 10.0)],
        &["ES", "NL"],
        &["ES", "DE", "GB", "FR"],
        TOBACCO_MODES,
    )
    .season(Season::Holidays)
    .words("cigars", &["boxes of cigars", "counterfeit Cuban cigars in boxes"]),
    c(
        "REVENUE.TOBACCO.RAW",
        0.8,
        m("KGM", 10_000.0, 20.0, 5.0, 500.0, 1.0),
        20.0,
        &[("TR", 20.0), ("MW", 15.0), ("ZW", 15.0), ("BR", 15.0), ("IN", 15.0), ("CN", 10.0), ("BG", 10.0)],
        &["PL", "BE", "NL"],
        &["PL", "NL", "BE", "DE", "CZ"],
        TOBACCO_MODES,
    )
    .declared()
    .words("raw tobacco", &["cut tobacco leaves in bales", "fine-cut tobacco declared as tea"]),
    c(
        "REVENUE.TOBACCO.WATER_PIPE",
        1.2,
        m("KGM", 2_000.0, 10.0, 3.0, 50.0, 1.1),
        30.0,
        &[("AE", 30.0), ("EG", 15.0), ("JO", 10.0), ("IN", 10.0), ("TR", 5.0)],
        &["TR", "GR"],
        &["DE", "NL", "FR", "GB", "BE", "SE"],
        TOBACCO_MODES,
    )
    .flows(0.03, 0.15)
    .words(
        "water-pipe tobacco",
        &["flavoured shisha tobacco without tax stamps", "tins of molasses tobacco"],
    ),
    c(
        "REVENUE.TOBACCO.E_CIGARETTES",
        1.5,
        m("H87", 20_000.0, 50.0, 100.0, 1_000.0, 1.2),
        8.0,
        &[("CN", 80.0), ("HK", 10.0), ("MY", 10.0)],
        &["HK", "AE"],
        &["GB", "NL", "DE", "FR", "AU", "US"],
        &[(Express, 35.0), (Postal, 30.0), (SeaContainer, 20.0), (Truck, 15.0)],
    )
    .flows(0.02, 0.2)
    .declared()
    .words("e-cigarettes", &["disposable vapes above the legal nicotine limit", "e-liquids without labels"]),
    c(
        "REVENUE.ALCOHOL",
        1.5,
        m("LTR", 20_000.0, 20.0, 5.0, 500.0, 1.0),
        8.0,
        &[("FR", 15.0), ("DE", 10.0), ("PL", 10.0), ("GE", 10.0), ("UA", 10.0), ("BY", 10.0), ("IT", 10.0)],
        &["DE", "BE", "PL"],
        &["GB", "NO", "SE", "FI", "IE"],
        ROAD_MODES,
    )
    .flows(0.1, 0.1)
    .season(Season::Holidays)
    .words(
        "alcohol",
        &["spirits without excise stamps", "bottles of vodka", "beer under a false declaration"],
    ),
    c(
        "REVENUE.FUEL",
        0.8,
        m("LTR", 25_000.0, 150.0, 20.0, 5_000.0, 0.9),
        1.5,
        &[("BY", 25.0), ("RU", 15.0), ("UA", 10.0), ("RS", 10.0), ("DZ", 10.0), ("VE", 10.0), ("NG", 10.0)],
        &[],
        &["PL", "LT", "HU", "MA", "CO"],
        FUEL_MODES,
    )
    .flows(0.1, 0.1)
    .words("fuel", &["diesel in additional tanks", "fuel in jerrycans", "laundered red diesel"]),
    // Intellectual property.
    c(
        "IPR.CLOTHING",
        2.5,
        m("H87", 3_000.0, 10.0, 5.0, 300.0, 1.2),
        60.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .flows(0.02, 0.05)
    .declared()
    .season(Season::Holidays)
    .words(
        "counterfeit clothing",
        &[
            "T-shirts with a well-known sports logo",
            "counterfeit football shirts",
            "jackets with false brand labels",
        ],
    ),
    c(
        "IPR.FOOTWEAR",
        1.8,
        m("PR", 2_000.0, 5.0, 3.0, 200.0, 1.2),
        90.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words(
        "counterfeit footwear",
        &["counterfeit trainers in unbranded boxes", "sports shoes with false logos"],
    ),
    c(
        "IPR.BAGS",
        1.5,
        m("H87", 1_500.0, 5.0, 2.0, 100.0, 1.2),
        300.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit bags", &["handbags of a luxury brand", "wallets and belts with false logos"]),
    c(
        "IPR.WATCHES",
        1.0,
        m("H87", 1_000.0, 5.0, 2.0, 50.0, 1.2),
        500.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit watches", &["replica watches of Swiss brands", "watches in branded boxes"]),
    c(
        "IPR.MOBILE_PHONES",
        1.0,
        m("H87", 5_000.0, 10.0, 20.0, 200.0, 1.2),
        40.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words(
        "counterfeit phone accessories",
        &["chargers and cables with false CE marks", "phone cases with brand logos"],
    ),
    c(
        "IPR.ELECTRONICS",
        0.8,
        m("H87", 2_000.0, 5.0, 5.0, 100.0, 1.2),
        80.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit electronics", &["earphones of a well-known brand", "game consoles and controllers"]),
    c(
        "IPR.TOYS",
        1.0,
        m("H87", 5_000.0, 10.0, 10.0, 300.0, 1.2),
        15.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .season(Season::Holidays)
    .words("counterfeit toys", &["plush toys of a cartoon character", "building bricks in copied packaging"]),
    c(
        "IPR.COSMETICS",
        0.9,
        m("H87", 5_000.0, 10.0, 10.0, 300.0, 1.2),
        30.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words(
        "counterfeit cosmetics",
        &["perfume bottles of luxury brands", "lipsticks and creams with false labels"],
    ),
    c(
        "IPR.PHARMACEUTICALS",
        0.8,
        m("H87", 100_000.0, 100.0, 60.0, 2_000.0, 1.2),
        2.0,
        &[("IN", 50.0), ("CN", 30.0), ("PK", 10.0), ("TR", 10.0)],
        &["AE", "SG"],
        IPR_MARKETS,
        PILL_MODES,
    )
    .declared()
    .words("counterfeit medicines", &["erectile dysfunction tablets of a known brand", "weight-loss pens"]),
    c(
        "IPR.EYEWEAR",
        0.5,
        m("H87", 2_000.0, 5.0, 5.0, 100.0, 1.2),
        120.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit sunglasses", &["sunglasses with designer logos", "eyewear in branded cases"]),
    c(
        "IPR.SPORTS_GOODS",
        0.4,
        m("H87", 2_000.0, 5.0, 5.0, 100.0, 1.2),
        40.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit sports goods", &["footballs with a tournament logo", "golf clubs of a known brand"]),
    c(
        "IPR.AUTO_PARTS",
        0.4,
        m("H87", 2_000.0, 5.0, 10.0, 100.0, 1.2),
        60.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words(
        "counterfeit vehicle parts",
        &["brake pads in copied packaging", "airbags without approval marks"],
    ),
    c(
        "IPR.PACKAGING",
        0.5,
        m("H87", 50_000.0, 100.0, 500.0, 5_000.0, 1.2),
        0.5,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words(
        "counterfeit labels and packaging",
        &["brand labels and hang tags", "empty boxes of a luxury brand"],
    ),
    c(
        "IPR.OTHER",
        0.3,
        m("H87", 2_000.0, 5.0, 5.0, 100.0, 1.2),
        20.0,
        IPR_ORIGINS,
        IPR_TRANSITS,
        IPR_MARKETS,
        IPR_MODES,
    )
    .declared()
    .words("counterfeit goods", &["household goods with false trade marks", "copied spare parts"]),
    // Environment.
    c(
        "ENVIRONMENT.CITES.IVORY",
        0.6,
        m("KGM", 800.0, 5.0, 1.0, 20.0, 1.2),
        1_000.0,
        &[("NG", 25.0), ("CD", 15.0), ("CM", 15.0), ("MZ", 15.0), ("TZ", 10.0), ("KE", 10.0), ("UG", 10.0)],
        &["ET", "AE", "TR", "MY", "SG"],
        ASIA_WILDLIFE_MARKETS,
        CITES_MODES,
    )
    .words("ivory", &["raw elephant tusks cut in pieces", "carved ivory bangles and figurines"]),
    c(
        "ENVIRONMENT.CITES.PANGOLIN_SCALES",
        0.5,
        m("KGM", 3_000.0, 10.0, 2.0, 50.0, 1.1),
        500.0,
        &[("NG", 50.0), ("CM", 20.0), ("CD", 15.0), ("CG", 10.0), ("CI", 5.0)],
        &["ET", "TR", "AE", "MY", "SG"],
        ASIA_WILDLIFE_MARKETS,
        CITES_MODES,
    )
    .words("pangolin scales", &["sacks of pangolin scales declared as cashew nuts", "dried scales in bags"]),
    c(
        "ENVIRONMENT.CITES.RHINO_HORN",
        0.2,
        m("KGM", 20.0, 3.0, 1.0, 2.0, 0.8),
        60_000.0,
        &[("ZA", 50.0), ("MZ", 30.0), ("NA", 20.0)],
        &["ET", "QA", "AE", "MY"],
        ASIA_WILDLIFE_MARKETS,
        CITES_MODES,
    )
    .words("rhinoceros horn", &["rhino horns wrapped in foil", "pieces of horn"]),
    c(
        "ENVIRONMENT.CITES.LIVE_ANIMALS",
        0.6,
        m("H87", 50.0, 3.0, 2.0, 5.0, 1.0),
        1_000.0,
        &[("ID", 20.0), ("MG", 15.0), ("TH", 15.0), ("ZA", 10.0), ("BR", 10.0), ("PE", 10.0), ("CD", 10.0)],
        &["AE", "QA", "TR"],
        &["NL", "DE", "CZ", "US", "AE", "TH"],
        CITES_MODES,
    )
    .season(Season::Summer)
    .words("live animals", &["slow lorises", "primates in a crate declared as dogs"]),
    c(
        "ENVIRONMENT.CITES.REPTILES",
        1.2,
        m("H87", 300.0, 10.0, 5.0, 20.0, 1.1),
        200.0,
        &[("MG", 25.0), ("ID", 20.0), ("TH", 15.0), ("VN", 10.0), ("MX", 10.0), ("NG", 10.0)],
        &["AE", "TR", "MY"],
        &["NL", "DE", "CZ", "US", "JP", "CN"],
        CITES_MODES,
    )
    .season(Season::Summer)
    .words("reptiles", &["live tortoises", "python skin handbags", "chameleons in plastic boxes"]),
    c(
        "ENVIRONMENT.CITES.BIRDS",
        0.6,
        m("H87", 200.0, 5.0, 10.0, 20.0, 1.0),
        800.0,
        &[("BR", 30.0), ("PE", 15.0), ("CM", 15.0), ("SN", 15.0), ("ID", 15.0), ("GY", 10.0)],
        &["AE", "TR"],
        &["NL", "BE", "DE", "PT", "AE"],
        CITES_MODES,
    )
    .words("birds", &["parrot eggs", "songbirds in plastic tubes"]),
    c(
        "ENVIRONMENT.CITES.MARINE",
        0.9,
        m("KGM", 300.0, 20.0, 5.0, 50.0, 1.0),
        1_000.0,
        &[("FR", 25.0), ("ES", 20.0), ("PT", 15.0), ("GB", 10.0), ("EC", 10.0), ("PE", 10.0), ("MX", 10.0)],
        &["MA", "TR", "AE"],
        &["HK", "CN", "JP", "VN"],
        CITES_MODES,
    )
    .flows(0.3, 0.05)
    .season(Season::GlassEels)
    .words("marine species", &["live glass eels in oxygenated bags", "dried shark fins", "sea cucumbers"]),
    c(
        "ENVIRONMENT.CITES.PLANTS",
        0.8,
        m("H87", 2_000.0, 20.0, 20.0, 100.0, 1.1),
        30.0,
        &[("TH", 25.0), ("VN", 20.0), ("MG", 15.0), ("MX", 20.0), ("CL", 10.0), ("ID", 10.0)],
        &[],
        &["NL", "DE", "JP", "US", "GB"],
        CITES_MODES,
    )
    .declared()
    .words(
        "protected plants",
        &["wild-collected orchids", "cacti declared as artificial plants", "agarwood chips"],
    ),
    c(
        "ENVIRONMENT.CITES.ANIMAL_PRODUCTS",
        1.0,
        m("H87", 1_000.0, 10.0, 5.0, 50.0, 1.2),
        50.0,
        &[("CN", 40.0), ("VN", 15.0), ("NG", 15.0), ("RU", 10.0), ("KZ", 5.0), ("ID", 15.0)],
        &["AE", "TR"],
        &["DE", "FR", "GB", "US", "NL"],
        CITES_MODES,
    )
    .season(Season::Summer)
    .words(
        "animal products",
        &["traditional medicines with tiger bone", "caviar tins without labels", "coral and seashells"],
    ),
    c(
        "ENVIRONMENT.TIMBER",
        0.4,
        m("MTQ", 50.0, 1.0, 0.1, 5.0, 1.0),
        400.0,
        &[("CM", 20.0), ("GA", 15.0), ("CD", 15.0), ("MM", 15.0), ("BR", 15.0), ("RU", 10.0), ("BY", 10.0)],
        &["TR", "CN"],
        &["CN", "VN", "BE", "NL", "IT", "FR"],
        BULK_MODES,
    )
    .declared()
    .words("timber", &["sawn rosewood logs", "teak planks without a legality certificate"]),
    c(
        "ENVIRONMENT.HAZARDOUS_WASTE.ELECTRONIC",
        0.6,
        m("TNE", 20.0, 0.5, 0.1, 5.0, 0.8),
        100.0,
        &[("GB", 20.0), ("US", 20.0), ("DE", 15.0), ("NL", 15.0), ("BE", 15.0), ("IT", 15.0)],
        &["ES", "BE"],
        &["GH", "NG", "CM", "BJ", "TZ", "PK", "IN"],
        BULK_MODES,
    )
    .flows(0.85, 0.0)
    .declared()
    .words(
        "electronic waste",
        &["used fridges and televisions declared as second-hand goods", "scrap circuit boards"],
    ),
    c(
        "ENVIRONMENT.HAZARDOUS_WASTE.PLASTIC",
        0.4,
        m("TNE", 25.0, 0.5, 0.1, 5.0, 0.8),
        50.0,
        &[("GB", 25.0), ("US", 25.0), ("DE", 20.0), ("NL", 15.0), ("IT", 15.0)],
        &[],
        &["MY", "TR", "VN", "ID", "IN", "TH"],
        BULK_MODES,
    )
    .flows(0.85, 0.0)
    .declared()
    .words("plastic waste", &["bales of mixed plastic waste declared as raw material"]),
    c(
        "ENVIRONMENT.ODS",
        0.4,
        m("KGM", 1_500.0, 100.0, 10.0, 200.0, 1.0),
        30.0,
        &[("CN", 40.0), ("TR", 20.0), ("UA", 15.0), ("RU", 10.0), ("IN", 15.0)],
        &["TR", "AE"],
        &["PL", "RO", "BG", "GR", "ES", "IT"],
        &[(Truck, 50.0), (SeaContainer, 35.0), (Car, 15.0)],
    )
    .declared()
    .words(
        "refrigerant gases",
        &["non-refillable cylinders of HFC refrigerant", "R-22 cylinders with false labels"],
    ),
    c(
        "ENVIRONMENT.HAZARDOUS_CHEMICALS",
        0.3,
        m("KGM", 5_000.0, 20.0, 5.0, 200.0, 1.0),
        20.0,
        &[("CN", 50.0), ("IN", 25.0), ("TR", 15.0), ("UA", 10.0)],
        &["TR"],
        &["PL", "RO", "IT", "ES", "FR"],
        &[(Truck, 50.0), (SeaContainer, 40.0), (Car, 10.0)],
    )
    .declared()
    .words("pesticides", &["illegal pesticides in canisters", "unregistered plant protection products"]),
    // Health and safety.
    c(
        "HEALTH_SAFETY.MEDICINES",
        1.5,
        m("H87", 100_000.0, 200.0, 100.0, 2_000.0, 1.2),
        1.0,
        &[("IN", 40.0), ("CN", 25.0), ("PK", 10.0), ("TR", 10.0), ("EG", 5.0), ("SG", 10.0)],
        &["AE", "SG", "HK"],
        &["NG", "GH", "GB", "IE", "DE", "NL", "US"],
        PILL_MODES,
    )
    .flows(0.03, 0.05)
    .declared()
    .words(
        "medicines",
        &["unauthorised slimming pills", "antibiotics without a licence", "anabolic steroids"],
    ),
    c(
        "HEALTH_SAFETY.MEDICAL_DEVICES",
        0.5,
        m("H87", 20_000.0, 20.0, 50.0, 500.0, 1.2),
        5.0,
        &[("CN", 80.0), ("TR", 10.0), ("IN", 10.0)],
        &[],
        &["DE", "FR", "IT", "NL", "US"],
        CONSUMER_MODES,
    )
    .declared()
    .words("medical devices", &["face masks with false certificates", "test kits without CE marking"]),
    c(
        "HEALTH_SAFETY.FOODSTUFFS",
        0.6,
        m("KGM", 5_000.0, 15.0, 5.0, 200.0, 1.1),
        3.0,
        &[("CM", 20.0), ("NG", 20.0), ("CN", 20.0), ("TR", 20.0), ("IN", 20.0)],
        &[],
        &["FR", "BE", "GB", "DE", "NL"],
        FOOD_MODES,
    )
    .declared()
    .words(
        "foodstuffs",
        &["smoked bushmeat", "meat products without health certificates", "spices with aflatoxin"],
    ),
    c(
        "HEALTH_SAFETY.CONSUMER_PRODUCTS",
        0.7,
        m("H87", 10_000.0, 20.0, 20.0, 500.0, 1.2),
        10.0,
        &[("CN", 85.0), ("TR", 10.0), ("VN", 5.0)],
        &[],
        &["DE", "FR", "IT", "NL", "PL"],
        CONSUMER_MODES,
    )
    .declared()
    .season(Season::Holidays)
    .words(
        "dangerous consumer products",
        &["toys with banned phthalates", "chargers failing safety standards"],
    ),
    // Security.
    c(
        "SECURITY.WEAPONS.FIREARMS",
        0.9,
        m("H87", 20.0, 1.5, 1.2, 3.0, 0.7),
        1_500.0,
        &[
            ("US", 20.0),
            ("TR", 15.0),
            ("BA", 8.0),
            ("RS", 8.0),
            ("AL", 6.0),
            ("MK", 3.0),
            ("CZ", 3.0),
            ("SK", 3.0),
            ("UA", 3.0),
        ],
        &["AT", "SI", "HR", "DE"],
        &["GB", "IE", "NL", "SE", "FR", "MX", "CA"],
        WEAPON_MODES,
    )
    .flows(0.1, 0.1)
    .words("firearms", &["semi-automatic pistols", "converted blank-firing pistols", "a disassembled rifle"]),
    c(
        "SECURITY.WEAPONS.PARTS",
        0.6,
        m("H87", 200.0, 5.0, 3.0, 10.0, 1.0),
        200.0,
        &[("US", 60.0), ("CN", 20.0), ("TR", 20.0)],
        &[],
        &["GB", "NL", "DE", "AU", "CA"],
        PARCEL_MODES,
    )
    .words("firearm parts", &["pistol slides and barrels declared as tools", "gun parts"]),
    c(
        "SECURITY.WEAPONS.OTHER",
        1.0,
        m("H87", 500.0, 2.0, 3.0, 20.0, 1.1),
        30.0,
        &[("CN", 60.0), ("PK", 15.0), ("TR", 15.0), ("US", 10.0)],
        &[],
        &["GB", "DE", "NL", "FR", "AU"],
        &[(Postal, 40.0), (Express, 30.0), (AirPassenger, 15.0), (SeaContainer, 15.0)],
    )
    .words("prohibited weapons", &["stun guns disguised as torches", "knuckle-dusters", "flick knives"]),
    c(
        "SECURITY.AMMUNITION",
        0.5,
        m("H87", 20_000.0, 100.0, 200.0, 500.0, 1.1),
        1.0,
        &[("US", 30.0), ("RS", 20.0), ("TR", 20.0), ("CZ", 15.0), ("BA", 15.0)],
        &[],
        &["GB", "NL", "SE", "MX", "NG"],
        WEAPON_MODES,
    )
    .words("ammunition", &["9 mm cartridges in boxes", "rifle ammunition"]),
    c(
        "SECURITY.EXPLOSIVES",
        0.8,
        m("KGM", 2_000.0, 50.0, 5.0, 200.0, 1.1),
        20.0,
        &[("PL", 30.0), ("CZ", 30.0), ("CN", 20.0), ("SK", 10.0), ("DE", 10.0)],
        &["DE", "BE"],
        &["NL", "DE", "BE", "FR"],
        FIREWORK_MODES,
    )
    .flows(0.05, 0.2)
    .season(Season::Fireworks)
    .words("fireworks", &["category F4 fireworks", "cobra firecrackers", "heavy fireworks in boxes"]),
    c(
        "SECURITY.STRATEGIC_GOODS",
        0.5,
        m("H87", 500.0, 5.0, 10.0, 20.0, 1.2),
        2_000.0,
        &[("US", 20.0), ("DE", 20.0), ("JP", 15.0), ("KR", 15.0), ("NL", 15.0), ("GB", 15.0)],
        &["TR", "AE", "KZ", "KG", "AM", "GE", "HK"],
        &["RU", "IR", "BY", "KP", "SY"],
        STRATEGIC_MODES,
    )
    .flows(0.7, 0.0)
    .declared()
    .words(
        "dual-use goods",
        &[
            "microelectronics listed in the dual-use regulation",
            "CNC machine parts without an export licence",
            "drone components declared as toys",
        ],
    ),
    c(
        "SECURITY.MILITARY_EQUIPMENT",
        0.15,
        m("H87", 100.0, 2.0, 2.0, 10.0, 1.0),
        5_000.0,
        &[("US", 30.0), ("DE", 20.0), ("GB", 20.0), ("FR", 30.0)],
        &["TR", "AE"],
        &["RU", "IR", "BY"],
        STRATEGIC_MODES,
    )
    .flows(0.7, 0.0)
    .declared()
    .words("military equipment", &["night-vision scopes", "body armour plates"]),
    // Currency and monetary instruments.
    c(
        "CURRENCY.CASH",
        3.5,
        m("H87", 3_000.0, 400.0, 100.0, 500.0, 1.0),
        1.0,
        &[("AE", 20.0), ("TR", 15.0), ("MA", 10.0), ("CN", 10.0), ("NG", 10.0), ("LB", 10.0), ("DZ", 5.0)],
        &["TR", "AE"],
        &["AE", "TR", "LB", "MA", "DZ", "NG", "CN", "CO", "AL", "RU"],
        CASH_MODES,
    )
    .flows(0.55, 0.05)
    .season(Season::Summer)
    .words(
        "banknotes",
        &[
            "undeclared banknotes",
            "banknotes vacuum-packed in bundles",
            "cash in rubber-banded bundles",
            "banknotes in envelopes",
        ],
    ),
    c(
        "CURRENCY.COUNTERFEIT",
        0.5,
        m("H87", 20_000.0, 50.0, 100.0, 200.0, 1.2),
        1.0,
        &[("CO", 25.0), ("PE", 20.0), ("IT", 20.0), ("BG", 10.0), ("CN", 15.0), ("NG", 10.0)],
        &[],
        &["ES", "IT", "FR", "DE", "US"],
        &[(Postal, 40.0), (Express, 20.0), (AirPassenger, 20.0), (Car, 20.0)],
    )
    .words("counterfeit banknotes", &["counterfeit 50 euro notes", "counterfeit 100 dollar notes"]),
    c(
        "CURRENCY.PRECIOUS_METALS",
        0.7,
        m("KGM", 20.0, 1.5, 0.3, 2.0, 1.0),
        70_000.0,
        &[("AE", 60.0), ("SA", 10.0), ("TR", 10.0), ("GH", 10.0), ("ML", 10.0)],
        &["AE", "QA"],
        &["IN", "LK", "BD", "CN", "TR", "CH"],
        GOLD_MODES,
    )
    .flows(0.2, 0.0)
    .season(Season::Summer)
    .words("gold", &["gold bars", "gold paste", "jewellery gold undeclared"]),
    c(
        "CURRENCY.BEARER_INSTRUMENTS",
        0.1,
        m("H87", 50.0, 3.0, 2.0, 5.0, 1.0),
        1.0,
        &[("CH", 30.0), ("LU", 20.0), ("AE", 30.0), ("HK", 20.0)],
        &[],
        &["CH", "AE", "HK"],
        &[(AirPassenger, 70.0), (Car, 20.0), (Express, 10.0)],
    )
    .flows(0.5, 0.0)
    .words("bearer instruments", &["bearer cheques", "bearer bonds"]),
    // Cultural heritage.
    c(
        "CULTURAL_HERITAGE.ARCHAEOLOGICAL",
        0.3,
        m("H87", 100.0, 5.0, 3.0, 20.0, 1.1),
        2_000.0,
        &[("IQ", 15.0), ("SY", 15.0), ("EG", 15.0), ("LY", 10.0), ("TR", 10.0), ("PE", 10.0), ("MX", 10.0)],
        &["TR", "AE", "LB"],
        &["US", "GB", "DE", "FR", "BE", "CH"],
        HERITAGE_MODES,
    )
    .words(
        "archaeological objects",
        &["terracotta figurines with soil traces", "ancient oil lamps", "cuneiform tablets"],
    ),
    c(
        "CULTURAL_HERITAGE.NUMISMATIC",
        0.3,
        m("H87", 2_000.0, 50.0, 30.0, 200.0, 1.2),
        300.0,
        &[("BG", 30.0), ("TR", 25.0), ("GR", 15.0), ("IT", 15.0), ("RS", 15.0)],
        &[],
        &["DE", "US", "GB", "CH"],
        HERITAGE_MODES,
    )
    .words("ancient coins", &["Roman coins in plastic sleeves", "uncleaned ancient coins"]),
    c(
        "CULTURAL_HERITAGE.ANTIQUES",
        0.3,
        m("H87", 50.0, 3.0, 2.0, 10.0, 1.0),
        1_500.0,
        &[("CN", 25.0), ("IN", 20.0), ("TR", 15.0), ("RU", 20.0), ("UA", 20.0)],
        &[],
        &["US", "GB", "DE", "FR"],
        HERITAGE_MODES,
    )
    .words("antiques", &["Orthodox icons without export licence", "antique porcelain declared as souvenirs"]),
    c(
        "CULTURAL_HERITAGE.PALAEONTOLOGICAL",
        0.1,
        m("H87", 200.0, 5.0, 3.0, 20.0, 1.0),
        500.0,
        &[("MA", 50.0), ("MN", 20.0), ("CN", 20.0), ("AR", 10.0)],
        &[],
        &["US", "DE", "FR", "JP"],
        HERITAGE_MODES,
    )
    .words("fossils", &["trilobite fossils", "dinosaur bone fragments"]),
    // Other.
    c(
        "OTHER.STOLEN_VEHICLES",
        0.8,
        m("H87", 3.0, 1.0, 1.0, 2.0, 0.6),
        25_000.0,
        &[("GB", 20.0), ("DE", 20.0), ("NL", 15.0), ("BE", 15.0), ("FR", 15.0), ("US", 10.0), ("CA", 5.0)],
        &["PL", "BE", "NL", "ES"],
        &["UA", "BY", "LT", "PL", "MA", "NG", "GH", "AE", "AL", "KZ", "JO"],
        VEHICLE_MODES,
    )
    .flows(0.8, 0.0)
    .words(
        "stolen vehicles",
        &["stolen SUVs with altered identification numbers", "a stolen car on false plates"],
    ),
];

/// Goods often found together with `code`, for a second goods line.
pub(crate) fn companions(code: &str) -> &'static [&'static str] {
    if code.starts_with("DRUGS.") {
        &[
            "CURRENCY.CASH",
            "CURRENCY.CASH",
            "DRUGS.CANNABIS.HERB",
            "DRUGS.COCAINE",
            "DRUGS.MDMA",
            "SECURITY.WEAPONS.FIREARMS",
            "SECURITY.AMMUNITION",
        ]
    } else if code.starts_with("REVENUE.") {
        &[
            "REVENUE.TOBACCO.WATER_PIPE",
            "REVENUE.TOBACCO.RAW",
            "REVENUE.ALCOHOL",
            "REVENUE.TOBACCO.CIGARETTES",
        ]
    } else if code.starts_with("IPR.") {
        &["IPR.CLOTHING", "IPR.FOOTWEAR", "IPR.BAGS", "IPR.WATCHES", "IPR.COSMETICS", "IPR.PACKAGING"]
    } else if code.starts_with("ENVIRONMENT.CITES.") {
        &["ENVIRONMENT.CITES.IVORY", "ENVIRONMENT.CITES.REPTILES", "ENVIRONMENT.CITES.ANIMAL_PRODUCTS"]
    } else if code.starts_with("SECURITY.WEAPONS.") {
        &["SECURITY.AMMUNITION", "SECURITY.WEAPONS.PARTS", "SECURITY.WEAPONS.OTHER"]
    } else if code == "CURRENCY.CASH" {
        &["CURRENCY.PRECIOUS_METALS", "DRUGS.COCAINE"]
    } else {
        &[]
    }
}

/// The commodity entry of `code`.
pub(crate) fn by_code(code: &str) -> Option<&'static Commodity> {
    COMMODITIES.iter().find(|c| c.code == code)
}

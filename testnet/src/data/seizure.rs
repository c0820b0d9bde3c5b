//! One seizure: the commodity, the flow (import, export, transit, domestic), the route, the
//! conveyance and place, how the goods were hidden and found, quantities and values, offenders,
//! photos, and the officer's remarks and non-nominal summary.

use ncen_protocol::codelists::{Catalog, Lang, ListId};
use ncen_protocol::model::{Conveyance, GoodsLine, Money, Offender, Place, Route, Seizure};
use rand::RngExt;
use rand::rngs::StdRng;
use time::Date;

use super::commodities::{COMMODITIES, Commodity, companions};
use super::countries::{Country, country_label, per_euro};
use super::modes::{Mode, Scale};
use super::people::NATIONALITIES;
use super::pick::{
    choose, choose_ref, decimals, iso_date, lognormal, normal, seasonal_date, significant, weighted,
};

/// Photos a seizure references: kind, variant of the picture, caption.
pub(crate) type PhotoSpec = (&'static str, u64, Option<String>);

/// Distinct pictures per photo kind.
pub(crate) const PHOTO_VARIANTS: u64 = 4096;

/// What does not change from one seizure to the next.
#[derive(Debug)]
pub(crate) struct Context {
    pub country: Country,
    pub today: Date,
    /// First day of the period that dates are drawn from.
    pub from: Date,
    /// (index in `COMMODITIES`, weight).
    pub mix: Vec<(usize, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Import,
    Export,
    Transit,
    Internal,
}

/// The seizure numbered `n` and the photos it references.
pub(crate) fn seizure(rng: &mut StdRng, ctx: &Context, n: u64) -> (Seizure, Vec<PhotoSpec>) {
    let admin = ctx.country.code.as_str();
    let commodity = COMMODITIES.get(weighted(rng, &ctx.mix)).unwrap_or(&COMMODITIES[0]);
    let date = seasonal_date(rng, ctx.from, ctx.today, &commodity.season.months());

    let mut origin = weighted(rng, commodity.origins);
    for _ in 0..3 {
        if origin != admin {
            break;
        }
        origin = weighted(rng, commodity.origins);
    }
    let r = rng.random::<f64>();
    let flow = if r < commodity.internal {
        Flow::Internal
    } else if origin == admin || r < commodity.internal + commodity.export {
        Flow::Export
    } else if r < commodity.internal + commodity.export + 0.1 {
        Flow::Transit
    } else {
        Flow::Import
    };

    let mode = if flow == Flow::Internal {
        weighted(rng, &[(Mode::Inland, 75.0), (Mode::Car, 15.0), (Mode::Truck, 10.0)])
    } else {
        let feasible: Vec<(Mode, f64)> = commodity
            .modes
            .iter()
            .map(|&(m, w)| {
                let ok = !(m.needs_sea() && ctx.country.seaports.is_empty()
                    || m.needs_land() && ctx.country.crossings.is_empty());
                // Without a land border, road vehicles only come off ferries: fewer of them.
                let road = matches!(m, Mode::Truck | Mode::Car) && ctx.country.crossings.is_empty();
                (
                    m,
                    if !ok {
                        0.0
                    } else if road {
                        w * 0.2
                    } else {
                        w
                    },
                )
            })
            .collect();
        if feasible.iter().all(|(_, w)| *w <= 0.0) { Mode::AirPassenger } else { weighted(rng, &feasible) }
    };

    // Goods found on premises were imported or about to be exported, not passing through.
    let flow = if flow == Flow::Transit && mode == Mode::Inland { Flow::Import } else { flow };
    let mut route = route(rng, commodity, flow, admin, origin);
    let (location_type, place_name) = place(rng, &ctx.country, mode, flow, &mut route);
    let direction = match flow {
        Flow::Import => "IMPORT",
        Flow::Export => "EXPORT",
        Flow::Internal => "INTERNAL",
        Flow::Transit
            if matches!(mode, Mode::SeaContainer | Mode::Vessel | Mode::AirCargo)
                && matches!(location_type, "SEAPORT" | "AIRPORT" | "FREE_ZONE") =>
        {
            "TRANSSHIPMENT"
        }
        Flow::Transit => "TRANSIT",
    };

    let conveyance = mode.conveyance().map(|kind| {
        let plate_country = match flow {
            Flow::Export | Flow::Internal => admin,
            _ if rng.random_bool(0.6) => route.departure.as_deref().unwrap_or(admin),
            _ => route.transit.last().map(String::as_str).unwrap_or(admin),
        };
        let posted_in = route.departure.as_deref().unwrap_or(admin);
        let identifier =
            if rng.random_bool(0.85) { mode.identifier(rng, plate_country, posted_in) } else { None };
        Conveyance { kind: kind.to_owned(), identifier }
    });

    let concealment = concealment(rng, commodity, mode);
    let detection = detection(rng, commodity, mode, concealment);

    let mut goods = vec![goods_line(rng, commodity, mode, concealment, &ctx.country, 1.0)];
    let partners = companions(commodity.code);
    if !partners.is_empty() && rng.random_bool(0.12) {
        let code = choose(rng, partners);
        if code != commodity.code
            && let Some(second) = super::commodities::by_code(code)
        {
            goods.push(goods_line(rng, second, mode, None, &ctx.country, 0.3));
        }
    }

    let offenders = offenders(rng, mode, flow, admin, &route, concealment);
    let photos = photos(rng, commodity, mode, concealment, detection);
    let remarks = rng.random_bool(0.8).then(|| {
        let facts =
            Facts { commodity, mode, detection, concealment, location_type, direction, route: &route };
        write_remarks(rng, &facts, conveyance.as_ref(), offenders.len())
    });
    let summary = rng.random_bool(0.9).then(|| {
        let facts =
            Facts { commodity, mode, detection, concealment, location_type, direction, route: &route };
        write_summary(&facts, &goods)
    });

    let seizure = Seizure {
        national_reference: format!("{admin}-{}-{n:06}", date.year()),
        date: iso_date(date),
        place: Place { name: place_name, location_type: location_type.to_owned(), country: admin.to_owned() },
        direction: direction.to_owned(),
        detection_method: detection.to_owned(),
        conveyance,
        concealment: concealment.map(str::to_owned),
        route,
        goods,
        offenders,
        companies: Vec::new(),
        photos: Vec::new(),
        remarks,
        summary,
    };
    (seizure, photos)
}

/// Departure, transit and destination for the flow.
fn route(rng: &mut StdRng, c: &Commodity, flow: Flow, admin: &str, origin: &str) -> Route {
    let hubs = |rng: &mut StdRng, exclude: &[&str], max: usize| -> Vec<String> {
        let count = weighted(rng, &[(0usize, 55.0), (1, 35.0), (2, 10.0)]).min(max);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..count {
            let hub = choose(rng, c.transits);
            if !hub.is_empty() && !exclude.contains(&hub) && !out.iter().any(|h| h == hub) {
                out.push(hub.to_owned());
            }
        }
        out
    };
    let market = |rng: &mut StdRng, exclude: &[&str]| -> String {
        let options: Vec<&str> = c.markets.iter().copied().filter(|m| !exclude.contains(m)).collect();
        match choose_ref(rng, &options) {
            Some(m) => (*m).to_owned(),
            None => ["AE", "US", "GB"].into_iter().find(|m| !exclude.contains(m)).unwrap_or("CH").to_owned(),
        }
    };
    match flow {
        Flow::Import => Route {
            departure: Some(origin.to_owned()),
            transit: hubs(rng, &[admin, origin], 2),
            destination: Some(admin.to_owned()),
        },
        Flow::Transit => {
            let destination = market(rng, &[admin, origin]);
            let mut transit = hubs(rng, &[admin, origin, &destination], 1);
            transit.push(admin.to_owned());
            Route { departure: Some(origin.to_owned()), transit, destination: Some(destination) }
        }
        Flow::Export => {
            let destination = market(rng, &[admin]);
            let transit =
                if rng.random_bool(0.3) { hubs(rng, &[admin, &destination], 1) } else { Vec::new() };
            Route { departure: Some(admin.to_owned()), transit, destination: Some(destination) }
        }
        Flow::Internal => {
            if origin != admin && rng.random_bool(0.3) {
                Route {
                    departure: Some(origin.to_owned()),
                    transit: Vec::new(),
                    destination: Some(admin.to_owned()),
                }
            } else {
                Route::default()
            }
        }
    }
}

/// The location type and place name; at a border, the route goes through the neighbour.
fn place(
    rng: &mut StdRng,
    country: &Country,
    mode: Mode,
    flow: Flow,
    route: &mut Route,
) -> (&'static str, Option<String>) {
    let mut location = weighted(rng, mode.locations());
    let no_sea = country.seaports.is_empty();
    let no_land = country.crossings.is_empty();
    if location == "SEAPORT" && no_sea {
        location = match mode {
            Mode::SeaContainer => "DRY_PORT",
            _ if !no_land => "LAND_BORDER",
            _ => "ROAD_CHECK",
        };
    }
    if matches!(location, "LAND_BORDER" | "RAIL_BORDER" | "GREEN_BORDER") && no_land {
        location = if no_sea { "ROAD_CHECK" } else { "SEAPORT" };
    }
    let city = choose_ref(rng, &country.cities).cloned().unwrap_or_else(|| country.code.clone());
    let seaport = choose_ref(rng, &country.seaports).cloned().unwrap_or_else(|| format!("Port of {city}"));
    let airport = choose_ref(rng, &country.airports).cloned().unwrap_or_else(|| format!("{city} Airport"));
    let name = match location {
        "SEAPORT" | "RIVER_PORT" => seaport,
        "AT_SEA" => format!("Territorial waters off {seaport}"),
        "AIRPORT" => airport,
        "POSTAL_CENTRE" => format!("International mail centre, {}", country.capital()),
        "EXPRESS_COURIER_HUB" => format!("Express courier hub, {airport}"),
        "FREE_ZONE" => match mode {
            Mode::AirCargo | Mode::Express => format!("Free zone, {airport}"),
            _ if no_sea => format!("Free zone, {city}"),
            _ => format!("Free zone, {seaport}"),
        },
        "CUSTOMS_WAREHOUSE" => format!("Customs warehouse, {city}"),
        "DRY_PORT" => format!("Inland container terminal, {city}"),
        "ROAD_CHECK" => format!("Mobile unit, road check near {city}"),
        "INLAND" if flow == Flow::Internal => format!(
            "{}, {city}",
            choose(
                rng,
                &["Business premises", "Market", "Storage unit", "Shop", "Warehouse", "Residential address"]
            )
        ),
        "INLAND" => format!("{}, {city}", choose(rng, &["Business premises", "Storage unit", "Warehouse"])),
        "LAND_BORDER" | "RAIL_BORDER" | "GREEN_BORDER" => {
            let (crossing, neighbour) = crossing(rng, country, flow, route);
            through(route, flow, &neighbour, &country.code);
            match location {
                "RAIL_BORDER" => format!("{crossing} railway border station"),
                "GREEN_BORDER" => format!("Green border near {crossing}"),
                _ => crossing,
            }
        }
        _ => city,
    };
    (location, rng.random_bool(0.95).then_some(name))
}

/// A border crossing of `country`, preferably towards a country already on the route.
fn crossing(rng: &mut StdRng, country: &Country, flow: Flow, route: &Route) -> (String, String) {
    let on_route = |c: &str| {
        route.departure.as_deref() == Some(c)
            || route.destination.as_deref() == Some(c)
            || route.transit.iter().any(|t| t == c)
    };
    let preferred: Vec<&(String, String)> = country.crossings.iter().filter(|(_, n)| on_route(n)).collect();
    let pick = if !preferred.is_empty() && flow != Flow::Internal && rng.random_bool(0.8) {
        choose_ref(rng, &preferred).copied()
    } else {
        choose_ref(rng, &country.crossings)
    };
    pick.cloned().unwrap_or_else(|| (format!("Border crossing, {}", country.capital()), country.code.clone()))
}

/// Makes the route pass through `neighbour` on the side of the border the goods came from (or
/// go to, on export).
fn through(route: &mut Route, flow: Flow, neighbour: &str, admin: &str) {
    if neighbour == admin {
        return;
    }
    let listed = route.transit.iter().any(|t| t == neighbour);
    match flow {
        Flow::Import if route.departure.as_deref() != Some(neighbour) && !listed => {
            route.transit.push(neighbour.to_owned());
        }
        Flow::Transit if route.departure.as_deref() != Some(neighbour) && !listed => {
            let at = route.transit.iter().position(|t| t == admin).unwrap_or(route.transit.len());
            route.transit.insert(at, neighbour.to_owned());
        }
        Flow::Export if route.destination.as_deref() != Some(neighbour) && !listed => {
            route.transit.insert(0, neighbour.to_owned());
        }
        _ => {}
    }
}

fn concealment(rng: &mut StdRng, c: &Commodity, mode: Mode) -> Option<&'static str> {
    if rng.random_bool(0.06) {
        return None;
    }
    let table = if c.hidden { mode.concealments() } else { mode.declared_concealments() };
    let drug = c.code.starts_with("DRUGS.");
    Some(match weighted(rng, table) {
        "BODY_INTERNAL" if !(drug && c.measure.unit == "KGM") => "BAGGAGE",
        "RIP_ON_RIP_OFF" if !c.code.starts_with("DRUGS.COCAINE") => "MIXED_WITH_LEGAL_GOODS",
        "DISSOLVED" if !(c.code == "DRUGS.COCAINE" || c.code == "DRUGS.METHAMPHETAMINE") => "INSIDE_GOODS",
        other => other,
    })
}

fn detection(rng: &mut StdRng, c: &Commodity, mode: Mode, concealment: Option<&str>) -> &'static str {
    match concealment {
        Some("BODY_INTERNAL") => {
            return if rng.random_bool(0.85) { "MEDICAL_EXAMINATION" } else { "BEHAVIOURAL_ANALYSIS" };
        }
        Some("BODY_STRAPPED") if rng.random_bool(0.6) => return "PERSONAL_SEARCH",
        _ => {}
    }
    if c.code.starts_with("SECURITY.STRATEGIC") || c.code.starts_with("SECURITY.MILITARY") {
        return weighted(
            rng,
            &[("ADVANCE_INFORMATION", 35.0), ("DOCUMENT_CHECK", 35.0), ("INTELLIGENCE", 30.0)],
        );
    }
    if c.code == "CURRENCY.CASH" && mode.carries_people() && rng.random_bool(0.3) {
        return "DOG";
    }
    if !c.hidden && mode.scale().0 == Scale::Bulk && rng.random_bool(0.3) {
        return if rng.random_bool(0.7) { "DOCUMENT_CHECK" } else { "POST_CLEARANCE_AUDIT" };
    }
    weighted(rng, mode.detections())
}

/// One goods line of `c`; `share` scales the usual quantity (a second, smaller find).
fn goods_line(
    rng: &mut StdRng,
    c: &Commodity,
    mode: Mode,
    concealment: Option<&str>,
    country: &Country,
    share: f64,
) -> GoodsLine {
    if c.code == "CURRENCY.CASH" {
        return cash(rng, mode, country, share);
    }
    let (scale, factor) = mode.scale();
    let m = c.measure;
    let median = match scale {
        Scale::Bulk => m.bulk,
        Scale::Person => m.person,
        Scale::Parcel => m.parcel,
        Scale::Inland => m.inland,
    } * factor
        * share;
    let body = concealment == Some("BODY_INTERNAL") && m.unit == "KGM";
    let raw = if body { rng.random_range(0.3..1.5) } else { lognormal(rng, median, m.sigma) };
    let (quantity, unit) = round_quantity(rng, c, raw, scale);
    let description = if body {
        let pellets = (raw * 1000.0 / 10.0).round().max(1.0);
        Some(format!("{pellets} pellets swallowed, about 10 g each"))
    } else if rng.random_bool(0.85) {
        let what = choose(rng, c.descriptions);
        match concealment.and_then(|x| hiding_place(rng, x, mode)) {
            Some(place) if rng.random_bool(0.7) => Some(format!("{what}, {place}")),
            _ => Some(what.to_owned()),
        }
    } else {
        None
    };
    let with_value = rng.random_bool(if c.code.starts_with("CURRENCY.") { 0.95 } else { 0.7 });
    let value = with_value.then(|| {
        let currency =
            if country.currency != "EUR" && rng.random_bool(0.1) { "EUR" } else { &country.currency };
        let per_unit = match unit {
            "GRM" => c.price / 1000.0,
            _ => c.price,
        };
        let noise = rng.random_range(0.7..1.3);
        let amount = significant(quantity * per_unit * per_euro(currency) * noise, 3).clamp(1.0, 1e15);
        Money { amount, currency: currency.to_owned() }
    });
    GoodsLine { commodity: c.code.to_owned(), description, quantity, unit: unit.to_owned(), value }
}

/// Where exactly the goods were, as an officer would add to the goods description.
fn hiding_place(rng: &mut StdRng, concealment: &str, mode: Mode) -> Option<String> {
    let vehicle = matches!(mode, Mode::Car | Mode::Truck | Mode::Bus);
    let traveller = matches!(mode, Mode::AirPassenger | Mode::SeaPassenger | Mode::Pedestrian);
    let place = match concealment {
        "RIP_ON_RIP_OFF" => "in sports holdalls just behind the container doors".to_owned(),
        "CONTAINER_STRUCTURE" => choose(
            rng,
            &["in the container floor", "in the refrigeration unit", "in the container's roof panel"],
        )
        .to_owned(),
        "FALSE_COMPARTMENT" if traveller => "in a suitcase with a false bottom".to_owned(),
        "FALSE_COMPARTMENT" if vehicle => "in a purpose-built compartment under the floor".to_owned(),
        "FALSE_COMPARTMENT" if matches!(mode, Mode::Vessel | Mode::SmallCraft) => {
            "in a hidden compartment of the hull".to_owned()
        }
        "NATURAL_VOID" if vehicle || mode == Mode::SeaPassenger => choose(
            rng,
            &["in the door panels", "in the spare tyre", "in the fuel tank", "behind the dashboard"],
        )
        .to_owned(),
        "NATURAL_VOID" if mode == Mode::Vessel => "in the sea chest".to_owned(),
        "NATURAL_VOID" if mode == Mode::Rail => "in the void spaces of the wagon".to_owned(),
        "BAGGAGE" => choose(rng, &["in checked baggage", "in hand luggage", "in a sports bag"]).to_owned(),
        "CLOTHING" => choose(rng, &["sewn into the lining of a jacket", "in the soles of shoes"]).to_owned(),
        "BODY_STRAPPED" => "strapped to the body under the clothes".to_owned(),
        "MIXED_WITH_LEGAL_GOODS" if mode.scale().0 == Scale::Bulk => format!(
            "under a cover load of {}",
            choose(
                rng,
                &[
                    "bananas",
                    "furniture",
                    "frozen fish",
                    "ceramic tiles",
                    "car tyres",
                    "coffee beans",
                    "textiles"
                ]
            )
        ),
        "INSIDE_GOODS" => format!(
            "inside {}",
            choose(rng, &["machinery parts", "food tins", "candles", "statues", "books", "toys", "fruit"])
        ),
        "DISGUISED" => format!(
            "disguised as {}",
            choose(
                rng,
                &["cosmetics", "food supplements", "car parts", "documents", "tea", "cleaning products"]
            )
        ),
        _ => return None,
    };
    Some(place)
}

/// Rounds a quantity the way officers record it; small weights in parcels are often in grams.
fn round_quantity(rng: &mut StdRng, c: &Commodity, raw: f64, scale: Scale) -> (f64, &'static str) {
    let unit = c.measure.unit;
    match unit {
        "KGM" if raw < 1.0 && scale == Scale::Parcel && rng.random_bool(0.5) => {
            (decimals(raw * 1000.0, 1).max(0.1), "GRM")
        }
        "KGM" | "LTR" if raw >= 10.0 => (decimals(raw, 1), unit),
        "KGM" | "LTR" => (decimals(raw, 3).max(0.001), unit),
        "TNE" | "MTQ" => (decimals(raw, 2).max(0.01), unit),
        _ if c.code == "REVENUE.TOBACCO.CIGARETTES" => {
            let step = if raw >= 100_000.0 { 10_000.0 } else { 200.0 };
            (((raw / step).round() * step).max(200.0), unit)
        }
        _ if raw >= 10_000.0 => ((raw / 100.0).round() * 100.0, unit),
        _ if raw >= 1_000.0 => ((raw / 10.0).round() * 10.0, unit),
        _ => (raw.round().max(1.0), unit),
    }
}

/// Banknotes: the count of notes, and their value in the currency they are in.
fn cash(rng: &mut StdRng, mode: Mode, country: &Country, share: f64) -> GoodsLine {
    let currency = if rng.random_bool(0.5) {
        country.currency.clone()
    } else {
        weighted(rng, &[("EUR", 45.0), ("USD", 35.0), ("GBP", 8.0), ("CHF", 4.0), ("AED", 4.0), ("TRY", 4.0)])
            .to_owned()
    };
    let euros = match mode.scale().0 {
        Scale::Bulk => 300_000.0,
        Scale::Person => 40_000.0,
        Scale::Parcel => 8_000.0,
        Scale::Inland => 50_000.0,
    } * share;
    let rate = per_euro(&currency);
    let amount = lognormal(rng, euros, 0.9) * rate;
    let euro_note = weighted(rng, &[(20.0, 10.0), (50.0, 35.0), (100.0, 35.0), (200.0, 15.0), (500.0, 5.0)]);
    let denomination = nice(euro_note * rate);
    let notes = (amount / denomination).round().max(1.0);
    let descriptions: &[&str] = match mode {
        Mode::AirPassenger | Mode::SeaPassenger | Mode::Bus | Mode::Pedestrian => &[
            "undeclared banknotes in a hand-luggage lining",
            "banknotes strapped to the body",
            "banknotes split between wallet and suitcase",
        ],
        Mode::Car | Mode::Truck => &["cash in a hidden compartment", "banknotes vacuum-packed in bundles"],
        Mode::Postal | Mode::Express => {
            &["banknotes hidden in a book", "banknotes in envelopes declared as documents"]
        }
        _ => &["banknotes vacuum-packed in bundles", "cash in cardboard boxes"],
    };
    let description = choose(rng, descriptions);
    GoodsLine {
        commodity: "CURRENCY.CASH".into(),
        description: Some(format!("{description}, {currency} {denomination} notes")),
        quantity: notes,
        unit: "H87".into(),
        value: Some(Money { amount: notes * denomination, currency }),
    }
}

/// The 1-2-5 series number nearest to `x` (a plausible banknote denomination).
fn nice(x: f64) -> f64 {
    if !(x.is_finite() && x >= 1.0) {
        return 1.0;
    }
    let power = 10f64.powi(x.log10().floor() as i32);
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .min_by(|a, b| (a / x).ln().abs().total_cmp(&(b / x).ln().abs()))
        .unwrap_or(power)
}

fn offenders(
    rng: &mut StdRng,
    mode: Mode,
    flow: Flow,
    admin: &str,
    route: &Route,
    concealment: Option<&str>,
) -> Vec<Offender> {
    let count = if mode.carries_people() {
        weighted(rng, &[(1usize, 70.0), (2, 22.0), (3, 5.0), (0, 3.0)])
    } else {
        match mode {
            Mode::Truck | Mode::Rail => weighted(rng, &[(1usize, 60.0), (2, 20.0), (0, 20.0)]),
            Mode::SmallCraft => rng.random_range(2..5),
            Mode::Inland => weighted(rng, &[(0usize, 30.0), (1, 40.0), (2, 20.0), (3, 7.0), (4, 3.0)]),
            _ => weighted(rng, &[(0usize, 70.0), (1, 18.0), (2, 9.0), (3, 3.0)]),
        }
    };
    let route_countries: Vec<&str> = route
        .departure
        .iter()
        .chain(route.transit.iter())
        .chain(route.destination.iter())
        .map(String::as_str)
        .filter(|c| *c != admin)
        .collect();
    let courier = matches!(concealment, Some("BODY_INTERNAL" | "BODY_STRAPPED"));
    (0..count)
        .map(|_| {
            let nationality = rng.random_bool(0.95).then(|| {
                let r = rng.random::<f64>();
                if r < 0.4 || (flow == Flow::Internal && r < 0.7) {
                    admin.to_owned()
                } else if r < 0.75 && !route_countries.is_empty() {
                    choose(rng, &route_countries).to_owned()
                } else {
                    weighted(rng, NATIONALITIES).to_owned()
                }
            });
            let female = if courier { 30.0 } else { 18.0 };
            let sex = rng.random_bool(0.96).then(|| {
                weighted(rng, &[("MALE", 100.0 - female - 2.0), ("FEMALE", female), ("UNKNOWN", 2.0)])
                    .to_owned()
            });
            let age = rng.random_bool(0.92).then(|| (34.0 + 11.0 * normal(rng)).clamp(16.0, 85.0) as u8);
            Offender { suspect: None, nationality, sex, age }
        })
        .collect()
}

fn photos(
    rng: &mut StdRng,
    c: &Commodity,
    mode: Mode,
    concealment: Option<&str>,
    detection: &str,
) -> Vec<PhotoSpec> {
    if !rng.random_bool(0.35) {
        return Vec::new();
    }
    let count = weighted(rng, &[(1usize, 60.0), (2, 30.0), (3, 10.0)]);
    let hidden = concealment.is_some_and(|x| !matches!(x, "NOT_CONCEALED" | "FALSE_DECLARATION"));
    let scanned = detection == "XRAY_SCAN"
        || matches!(mode, Mode::SeaContainer | Mode::Truck | Mode::Postal | Mode::Express | Mode::AirCargo)
            && rng.random_bool(0.3);
    let mut kinds = vec!["GOODS"];
    let mut extra: Vec<(&'static str, f64)> = vec![("GOODS", 2.0)];
    if hidden {
        extra.push(("CONCEALMENT", 4.0));
    }
    if scanned {
        extra.push(("XRAY", 5.0));
    }
    if mode.conveyance().is_some() {
        extra.push(("CONVEYANCE", 1.0));
    }
    while kinds.len() < count {
        kinds.push(weighted(rng, &extra));
    }
    let conveyance = mode.conveyance().map(|code| label(ListId::ConveyanceType, code).to_lowercase());
    kinds
        .into_iter()
        .map(|kind| {
            let variant = rng.random_range(0..PHOTO_VARIANTS);
            let caption = rng.random_bool(0.7).then(|| match kind {
                "XRAY" => format!("X-ray image, {}", conveyance.as_deref().unwrap_or("goods")),
                "CONCEALMENT" => format!(
                    "Concealment: {}",
                    concealment
                        .map(|x| label(ListId::ConcealmentMethod, x).to_lowercase())
                        .unwrap_or_default()
                ),
                "CONVEYANCE" => format!("The {}", conveyance.as_deref().unwrap_or("conveyance")),
                _ => format!("Seized {} as found", c.noun),
            });
            (kind, variant, caption)
        })
        .collect()
}

/// The English label of a code, or the code.
fn label(list: ListId, code: &str) -> String {
    Catalog::builtin().list(list).label(code, Lang::En).unwrap_or(code).to_owned()
}

/// What the texts of a seizure describe.
struct Facts<'a> {
    commodity: &'a Commodity,
    mode: Mode,
    detection: &'a str,
    concealment: Option<&'a str>,
    location_type: &'a str,
    direction: &'a str,
    route: &'a Route,
}

/// The officer's remarks (nominal: they name the conveyance).
fn write_remarks(rng: &mut StdRng, f: &Facts, conveyance: Option<&Conveyance>, arrested: usize) -> String {
    let (c, mode, detection, concealment, route) = (f.commodity, f.mode, f.detection, f.concealment, f.route);
    let mut parts: Vec<String> = Vec::new();
    if let Some(id) = conveyance.and_then(|c| c.identifier.as_deref()) {
        parts.push(match mode {
            Mode::SeaContainer => format!("Container {id}."),
            Mode::AirCargo => format!("Air waybill {id}."),
            Mode::AirPassenger => format!("Passenger on flight {id}."),
            Mode::Postal => format!("Postal item {id}."),
            Mode::Express => format!("Express consignment, {id}."),
            Mode::Truck => format!("Truck {id}."),
            Mode::Car => format!("Car {id}."),
            Mode::Bus => format!("Coach {id}."),
            Mode::SeaPassenger => format!("Arrived by {id}."),
            Mode::Aircraft => format!("Aircraft {id}."),
            _ => format!("{id}."),
        });
    }
    let place_in_load = match concealment {
        Some("CONTAINER_STRUCTURE") => "in the floor of the container",
        Some("RIP_ON_RIP_OFF") => "just behind the doors",
        Some("FALSE_COMPARTMENT") => "behind a panel",
        Some("NATURAL_VOID") => "in the fuel tank area",
        _ => "in the load",
    };
    let partner = route.departure.as_deref().or(route.transit.first().map(String::as_str)).unwrap_or("BE");
    let sentence = match detection {
        "RISK_PROFILE" if mode.carries_people() => format!(
            "Selected by the risk profile: {}.",
            choose(
                rng,
                &[
                    "ticket bought the day before departure",
                    "traveller on a known courier route",
                    "short stay in a source country",
                    "ticket paid in cash",
                ]
            )
        ),
        "RISK_PROFILE" => format!(
            "Selected by the risk profile: {}.",
            choose(
                rng,
                &[
                    "new consignee with no import history",
                    "route from a source country",
                    "declared weight inconsistent with the goods",
                    "freight paid in cash",
                    "late change of consignee",
                ]
            )
        ),
        "ADVANCE_INFORMATION" if mode == Mode::AirPassenger => {
            "Selected on API/PNR data before arrival.".into()
        }
        "ADVANCE_INFORMATION" => "Selected on advance cargo information (entry summary declaration).".into(),
        "XRAY_SCAN" => format!("The X-ray image showed anomalies {place_in_load}."),
        "DOG" => "The detector dog indicated the goods.".into(),
        "INTELLIGENCE" => "Acting on intelligence from the investigation service.".into(),
        "TIP_OFF" => "Acting on an anonymous tip-off.".into(),
        "INTERNATIONAL_COOPERATION" => {
            format!("Information received from the customs administration of {}.", country_label(partner))
        }
        "MEDICAL_EXAMINATION" => "The passenger was taken to hospital; the body scan was positive.".into(),
        "PERSONAL_SEARCH" => "Found during a personal search.".into(),
        "BEHAVIOURAL_ANALYSIS" => "The traveller's nervous behaviour prompted a check.".into(),
        "CONTROLLED_DELIVERY" => "Seized at the end of a controlled delivery.".into(),
        "POST_CLEARANCE_AUDIT" => "Found during a post-clearance audit of the importer's records.".into(),
        "PATROL" => "Intercepted by a patrol unit.".into(),
        "DOCUMENT_CHECK" => "The documents did not match the goods.".into(),
        "RANDOM_CHECK" => "Found during a random check.".into(),
        "PHYSICAL_EXAMINATION" => format!("Found during a physical examination {place_in_load}."),
        "TRACE_DETECTION" => "The trace detector gave a positive reading.".into(),
        "RADIATION_DETECTION" => "The radiation portal alarmed.".into(),
        _ => String::new(),
    };
    if !sentence.is_empty() {
        parts.push(sentence);
    }
    parts.push(match arrested {
        0 => choose(
            rng,
            &["Nobody was arrested.", "The consignee could not be traced.", "The consignee is being traced."],
        )
        .to_owned(),
        1 => "One person arrested.".to_owned(),
        k => format!("{k} persons arrested."),
    });
    let closing: &[&str] = if c.code.starts_with("IPR.") {
        &["Rights holder informed; goods detained.", "Goods destroyed with the rights holder's consent."]
    } else {
        &[
            "Case handed to the investigation service.",
            "Case file sent to the public prosecutor.",
            "Samples sent to the customs laboratory.",
            "Partner administrations informed through CENcomm.",
            "Goods destroyed under supervision.",
        ]
    };
    parts.push(choose(rng, closing).to_owned());
    parts.join(" ")
}

/// A non-nominal summary: what, how much, how hidden and found, where from and to.
fn write_summary(f: &Facts, goods: &[GoodsLine]) -> String {
    let (c, mode, concealment, route) = (f.commodity, f.mode, f.concealment, f.route);
    let what = goods
        .first()
        .map(|g| {
            let amount = amount_of(g.quantity, &g.unit, c.noun);
            match &g.value {
                Some(v) if g.commodity.starts_with("CURRENCY.") => {
                    format!("{amount} ({} {})", v.currency, thousands(v.amount))
                }
                _ => amount,
            }
        })
        .unwrap_or_default();
    let hidden = match concealment {
        Some("FALSE_COMPARTMENT") => " in a false compartment",
        Some("NATURAL_VOID") => " in a natural void of the conveyance",
        Some("CONTAINER_STRUCTURE") => " in the structure of the container",
        Some("RIP_ON_RIP_OFF") => " added to a legitimate consignment (rip-on/rip-off)",
        Some("MIXED_WITH_LEGAL_GOODS") => " mixed with legitimate goods",
        Some("INSIDE_GOODS") => " inside other goods",
        Some("DISGUISED") => " disguised as other goods",
        Some("DISSOLVED") => " dissolved in a liquid",
        Some("FALSE_DECLARATION") => " under a false declaration",
        Some("BAGGAGE") => " in baggage",
        Some("CLOTHING") => " in clothing",
        Some("BODY_STRAPPED") => " strapped to the body",
        Some("BODY_INTERNAL") => " inside the body",
        _ => "",
    };
    let mut text = format!("{}{what}{hidden}", if goods.len() > 1 { "Mixed seizure: " } else { "" });
    if let Some(code) = mode.conveyance() {
        text.push_str(&format!(", {}", lower_first(&label(ListId::ConveyanceType, code))));
    }
    if let Some(d) = &route.departure {
        text.push_str(&format!(", from {}", country_label(d)));
    }
    if !route.transit.is_empty() {
        let via: Vec<String> = route.transit.iter().map(|t| country_label(t)).collect();
        text.push_str(&format!(" via {}", via.join(", ")));
    }
    if let Some(d) = &route.destination {
        text.push_str(&format!(" to {}", country_label(d)));
    }
    let at = match f.location_type {
        "SEAPORT" => "at a seaport",
        "RIVER_PORT" => "at an inland waterway port",
        "AIRPORT" => "at an airport",
        "LAND_BORDER" => "at a road border crossing",
        "RAIL_BORDER" => "at a rail border crossing",
        "GREEN_BORDER" => "at the green border",
        "POSTAL_CENTRE" => "at an international postal centre",
        "EXPRESS_COURIER_HUB" => "at an express courier hub",
        "FREE_ZONE" => "in a free zone",
        "CUSTOMS_WAREHOUSE" => "in a customs warehouse",
        "DRY_PORT" => "at a dry port",
        "INLAND" => "inland",
        "ROAD_CHECK" => "at a road check",
        "AT_SEA" => "at sea",
        _ => "",
    };
    let flow = match f.direction {
        "IMPORT" => "on import",
        "EXPORT" => "on export",
        "TRANSIT" => "in transit",
        "TRANSSHIPMENT" => "on transshipment",
        _ => "on the domestic market",
    };
    text.push_str(&format!(
        ". Detected by {} {at}, {flow}.",
        lower_first(&label(ListId::DetectionMethod, f.detection))
    ));
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// `Small craft` → `small craft`, but `X-ray scan` and `MDMA` stay as they are.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

/// "120.5 kg of cocaine", "2,400 cigarettes", "300 pairs of counterfeit footwear".
fn amount_of(quantity: f64, unit: &str, noun: &str) -> String {
    let q = thousands(quantity);
    match unit {
        "KGM" => format!("{q} kg of {noun}"),
        "GRM" => format!("{q} g of {noun}"),
        "TNE" => format!("{q} t of {noun}"),
        "LTR" => format!("{q} l of {noun}"),
        "MTQ" => format!("{q} m³ of {noun}"),
        "PR" => format!("{q} pairs of {noun}"),
        _ if quantity == 1.0 => format!("1 item of {noun}"),
        _ if COUNTABLE.iter().any(|c| noun.ends_with(c)) => format!("{q} {noun}"),
        _ => format!("{q} items of {noun}"),
    }
}

const COUNTABLE: &[&str] = &[
    "cigarettes",
    "tablets",
    "plants",
    "seeds",
    "firearms",
    "vehicles",
    "cigars",
    "coins",
    "fossils",
    "birds",
    "reptiles",
    "animals",
    "banknotes",
    "cash",
    "instruments",
    "weapons",
    "e-cigarettes",
];

/// 2400 → "2,400"; 120.5 → "120.5".
fn thousands(x: f64) -> String {
    let text = x.to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

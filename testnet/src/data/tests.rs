//! Tests of the synthetic data: validity, determinism, realism, the upload template round trip
//! and the photos.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context as _, ensure};
use calamine::{Data, Reader, Xlsx, open_workbook};
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::record::RecordBody;
use ncen_protocol::validate::Validator;
use sha2::Digest as _;
use time::macros::date;

use super::commodities::COMMODITIES;
use super::countries::profiled;
use super::modes::{Mode, iso6346_check};
use super::names::{ALL, Script};
use super::template::Table;
use super::*;

fn generate(
    generator: &mut Generator,
    seizures: u64,
    people: u64,
) -> (Vec<Seizure>, Vec<Suspect>, Vec<Company>) {
    let s = (0..seizures).map(|n| generator.seizure(n)).collect();
    let p = (0..people).map(|n| generator.suspect(n)).collect();
    let c = (0..people).map(|n| generator.company(n)).collect();
    (s, p, c)
}

fn validate_all(
    generator: &Generator,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
) -> anyhow::Result<()> {
    let validator = Validator::new(Catalog::builtin(), Some(generator.today()));
    for s in seizures {
        validator.record(&RecordBody::Seizure(s.clone())).with_context(|| {
            format!("seizure {}: {}", s.national_reference, serde_json::to_string(s).unwrap_or_default())
        })?;
    }
    for s in suspects {
        validator.record(&RecordBody::Suspect(s.clone())).with_context(|| {
            format!("suspect {}: {}", s.national_reference, serde_json::to_string(s).unwrap_or_default())
        })?;
    }
    for c in companies {
        validator.record(&RecordBody::Company(c.clone())).with_context(|| {
            format!("company {}: {}", c.national_reference, serde_json::to_string(c).unwrap_or_default())
        })?;
    }
    Ok(())
}

#[test]
fn five_thousand_seizures_and_a_thousand_suspects_and_companies_validate() -> anyhow::Result<()> {
    let mut generator = Generator::new(2026, "NL");
    let (seizures, suspects, companies) = generate(&mut generator, 5_000, 1_000);
    validate_all(&generator, &seizures, &suspects, &companies)?;
    let references: BTreeSet<&str> = seizures.iter().map(|s| s.national_reference.as_str()).collect();
    ensure!(references.len() == seizures.len(), "national references repeat");
    let references: BTreeSet<&str> = suspects.iter().map(|s| s.national_reference.as_str()).collect();
    ensure!(references.len() == suspects.len(), "suspect references repeat");
    Ok(())
}

#[test]
fn records_of_every_profiled_and_an_unprofiled_administration_validate() -> anyhow::Result<()> {
    for administration in profiled().chain(["GH", "CY", "RU"]) {
        let mut generator = Generator::with_today(5, administration, date!(2026 - 03 - 01));
        let (seizures, suspects, companies) = generate(&mut generator, 150, 40);
        validate_all(&generator, &seizures, &suspects, &companies)
            .with_context(|| administration.to_owned())?;
        for s in &seizures {
            ensure!(
                s.place.country == administration,
                "{}: place in {}",
                s.national_reference,
                s.place.country
            );
            ensure!(
                s.national_reference.starts_with(&format!("{administration}-")),
                "{}",
                s.national_reference
            );
        }
    }
    Ok(())
}

#[test]
fn the_same_seed_gives_the_same_records_and_another_seed_others() -> anyhow::Result<()> {
    let today = date!(2026 - 06 - 15);
    let mut a = Generator::with_today(11, "BE", today);
    let mut b = Generator::with_today(11, "BE", today);
    let mut c = Generator::with_today(12, "BE", today);
    let mut d = Generator::with_today(11, "FR", today);
    let first = generate(&mut a, 300, 100);
    ensure!(first == generate(&mut b, 300, 100), "same seed, different records");
    ensure!(first.0 != generate(&mut c, 300, 100).0, "another seed gave the same seizures");
    ensure!(first.1 != generate(&mut d, 300, 100).1, "another administration gave the same suspects");
    // A record does not depend on what was generated before it.
    let mut fresh = Generator::with_today(11, "BE", today);
    ensure!(fresh.seizure(123) == first.0[123], "seizure 123 depends on the order of generation");
    ensure!(fresh.company(7) == first.2[7], "company 7 depends on the order of generation");
    // Photos: the same sequence, and seizure_with_photos agrees with seizure.
    let (mut p, mut q) = (Generator::with_today(11, "BE", today), Generator::with_today(11, "BE", today));
    for kind in ["XRAY", "GOODS", "CONCEALMENT"] {
        ensure!(p.photo(kind) == q.photo(kind), "photo sequence differs");
    }
    for n in 0..100 {
        let (with, photos) = p.seizure_with_photos(n);
        ensure!(with == first.0[n as usize], "seizure_with_photos({n}) differs from seizure({n})");
        for r in &with.photos {
            ensure!(
                photos.iter().any(|ph| ph.sha256 == r.sha256),
                "photo {} of seizure {n} missing",
                r.sha256
            );
        }
    }
    Ok(())
}

#[test]
fn seizures_look_like_real_ones() -> anyhow::Result<()> {
    let mut generator = Generator::new(99, "NL");
    let today = generator.today();
    let seizures: Vec<Seizure> = (0..5_000).map(|n| generator.seizure(n)).collect();
    let lines = || seizures.iter().flat_map(|s| s.goods.iter());

    // Cocaine by weight, mostly kilograms, never counted.
    let cocaine: Vec<_> = lines().filter(|g| g.commodity == "DRUGS.COCAINE").collect();
    ensure!(cocaine.len() > 200, "only {} cocaine lines", cocaine.len());
    let kgm = cocaine.iter().filter(|g| g.unit == "KGM").count();
    ensure!(kgm * 10 >= cocaine.len() * 8, "only {kgm} of {} cocaine lines in KGM", cocaine.len());
    ensure!(cocaine.iter().all(|g| matches!(g.unit.as_str(), "KGM" | "GRM")), "cocaine counted in pieces");

    // Cigarettes in pieces, the most frequent commodity.
    let cigarettes: Vec<_> = lines().filter(|g| g.commodity == "REVENUE.TOBACCO.CIGARETTES").collect();
    ensure!(cigarettes.iter().all(|g| matches!(g.unit.as_str(), "H87" | "T3")), "cigarettes not in pieces");
    ensure!(cigarettes.iter().all(|g| g.quantity.fract() == 0.0), "a fraction of a cigarette");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for g in lines() {
        *counts.entry(g.commodity.as_str()).or_default() += 1;
    }
    let top = counts.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c);
    ensure!(top == Some("REVENUE.TOBACCO.CIGARETTES"), "most frequent commodity is {top:?}");
    let rare = counts.values().copied().min().unwrap_or(0);
    ensure!(rare * 20 < cigarettes.len(), "the mix is too uniform");

    // Cash has a value in a currency and whole banknotes.
    for g in lines().filter(|g| g.commodity == "CURRENCY.CASH") {
        let value = g.value.as_ref().context("cash without a value")?;
        ensure!(value.amount > 0.0 && g.quantity >= 1.0 && g.quantity.fract() == 0.0, "odd cash line {g:?}");
    }

    // Places: in the administration's country, fitting the conveyance.
    for s in &seizures {
        ensure!(s.place.country == "NL", "{} seized in {}", s.national_reference, s.place.country);
        let location = s.place.location_type.as_str();
        match s.conveyance.as_ref().map(|c| c.kind.as_str()) {
            Some("SEA_CONTAINER") => ensure!(
                matches!(location, "SEAPORT" | "DRY_PORT" | "FREE_ZONE" | "CUSTOMS_WAREHOUSE"),
                "container seized at {location}"
            ),
            Some("AIR_PASSENGER") => ensure!(location == "AIRPORT", "air passenger at {location}"),
            Some("POSTAL") => ensure!(location == "POSTAL_CENTRE", "postal item at {location}"),
            _ => {}
        }
        if s.concealment.as_deref() == Some("BODY_INTERNAL") {
            ensure!(s.goods.iter().any(|g| g.commodity.starts_with("DRUGS.")), "body packing without drugs");
        }
        // The administration is the destination, a transit country or (export) the departure.
        let r = &s.route;
        let on_route = r.destination.as_deref() == Some("NL")
            || r.transit.iter().any(|t| t == "NL")
            || r.departure.as_deref() == Some("NL");
        ensure!(on_route || s.direction == "INTERNAL", "{} route {r:?} misses NL", s.national_reference);
    }

    // Dates: at least three years, none in the future, more in some months than others.
    let dates: Vec<time::Date> = seizures
        .iter()
        .map(|s| time::Date::parse(&s.date, time::macros::format_description!("[year]-[month]-[day]")))
        .collect::<Result<_, _>>()?;
    ensure!(dates.iter().all(|d| *d <= today), "a seizure in the future");
    let years: BTreeSet<i32> = dates.iter().map(|d| d.year()).collect();
    ensure!(years.len() >= 3, "dates span only {years:?}");
    let mut months = [0usize; 12];
    for d in &dates {
        months[usize::from(u8::from(d.month())) - 1] += 1;
    }
    let (low, high) = (months.iter().min().copied().unwrap_or(0), months.iter().max().copied().unwrap_or(0));
    ensure!(high * 10 > low * 12, "no seasonality: {months:?}");
    let fireworks: Vec<&time::Date> = seizures
        .iter()
        .zip(&dates)
        .filter(|(s, _)| s.goods.first().is_some_and(|g| g.commodity == "SECURITY.EXPLOSIVES"))
        .map(|(_, d)| d)
        .collect();
    let year_end = fireworks.iter().filter(|d| u8::from(d.month()) >= 11).count();
    ensure!(year_end * 2 > fireworks.len(), "fireworks: {year_end} of {} at the year end", fireworks.len());

    // Offenders: nationality, sex and age, sometimes none of them.
    let offenders: Vec<_> = seizures.iter().flat_map(|s| &s.offenders).collect();
    ensure!(offenders.iter().any(|o| o.nationality.is_some() && o.sex.is_some() && o.age.is_some()));
    ensure!(offenders.iter().any(|o| o.age.is_none()));
    ensure!(seizures.iter().any(|s| s.offenders.is_empty()));
    ensure!(seizures.iter().filter(|s| !s.photos.is_empty()).count() > 1_000, "too few seizures with photos");
    Ok(())
}

#[test]
fn suspects_have_names_in_several_scripts() -> anyhow::Result<()> {
    let mut generator = Generator::new(3, "DE");
    let suspects: Vec<Suspect> = (0..1_000).map(|n| generator.suspect(n)).collect();
    let any = |f: fn(char) -> bool| suspects.iter().any(|s| s.family_name.chars().any(f));
    ensure!(any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "no Cyrillic name");
    ensure!(any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "no Arabic name");
    ensure!(any(|c| c.is_ascii_alphabetic()), "no Latin name");
    ensure!(suspects.iter().any(|s| s.identity_documents.iter().any(|d| d.kind == "PASSPORT")));
    ensure!(suspects.iter().any(|s| !s.addresses.is_empty() && !s.contacts.is_empty()));
    ensure!(suspects.iter().any(|s| !s.aliases.is_empty()));
    Ok(())
}

#[test]
fn tables_use_codes_of_the_code_lists() -> anyhow::Result<()> {
    let catalog = Catalog::builtin();
    let valid = |list: ListId, code: &str| catalog.list(list).is_valid(code);
    for c in COMMODITIES {
        ensure!(valid(ListId::Commodity, c.code), "commodity {}", c.code);
        ensure!(valid(ListId::Unit, c.measure.unit), "unit {}", c.measure.unit);
        ensure!(!c.descriptions.is_empty() && !c.noun.is_empty(), "{} has no words", c.code);
        let countries = c
            .origins
            .iter()
            .map(|(o, _)| *o)
            .chain(c.transits.iter().copied())
            .chain(c.markets.iter().copied());
        for country in countries {
            ensure!(valid(ListId::Country, country), "{}: country {country}", c.code);
        }
        for (mode, _) in c.modes {
            let codes = mode
                .locations()
                .iter()
                .chain(mode.concealments())
                .chain(mode.declared_concealments())
                .chain(mode.detections());
            for (code, _) in codes {
                let ok = valid(ListId::LocationType, code)
                    || valid(ListId::ConcealmentMethod, code)
                    || valid(ListId::DetectionMethod, code);
                ensure!(ok, "{mode:?}: {code}");
            }
            if let Some(code) = mode.conveyance() {
                ensure!(valid(ListId::ConveyanceType, code), "{code}");
            }
        }
    }
    ensure!(Mode::Inland.conveyance().is_none());
    for pool in ALL {
        let paired =
            |entries: &[&str]| entries.iter().all(|e| e.contains('|') == (pool.script != Script::Latin));
        ensure!(
            paired(pool.male) && paired(pool.female) && paired(pool.family),
            "pool {:?}",
            pool.family.first()
        );
    }
    Ok(())
}

#[test]
fn container_numbers_carry_their_iso_6346_check_digit() -> anyhow::Result<()> {
    ensure!(iso6346_check("CSQU305438") == 3);
    ensure!(iso6346_check("MSKU907032") == 3);
    Ok(())
}

#[test]
fn photos_are_png_files_named_by_their_hash() -> anyhow::Result<()> {
    let mut generator = Generator::new(1, "NL");
    let mut seen = BTreeSet::new();
    for kind in ["XRAY", "GOODS", "CONCEALMENT", "CONVEYANCE", "PERSON", "DOCUMENT", "OTHER"] {
        let photo = generator.photo(kind);
        ensure!(photo.bytes.starts_with(&PNG_SIGNATURE), "{kind}: not a PNG");
        ensure!(photo.sha256 == hex::encode(sha2::Sha256::digest(&photo.bytes)), "{kind}: wrong hash");
        ensure!(photo.media_type == "image/png" && photo.kind == kind);
        let decoder = png::Decoder::new(std::io::Cursor::new(&photo.bytes));
        let reader = decoder.read_info()?;
        ensure!((reader.info().width, reader.info().height) == (WIDTH, HEIGHT), "{kind}: wrong size");
        ensure!(seen.insert(photo.sha256.clone()), "{kind}: same picture as another kind");
        ensure!(photo.bytes.len() < 20_000, "{kind}: {} bytes", photo.bytes.len());
    }
    ensure!(Photo::render("XRAY", 7) == Photo::render("XRAY", 7));
    ensure!(Photo::render("XRAY", 7) != Photo::render("XRAY", 8));
    Ok(())
}

/// Seizures linked to suspects and companies, so that every sheet has rows.
fn linked_dataset() -> Dataset {
    let mut generator = Generator::with_today(8, "ES", date!(2026 - 01 - 31));
    let suspect_ids: Vec<uuid::Uuid> =
        (0..20u128).map(|i| uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + i)).collect();
    let company_ids: Vec<uuid::Uuid> =
        (0..20u128).map(|i| uuid::Uuid::from_u128(0x0190_0000_0000_7000_9000_0000_0000_0000 + i)).collect();
    let seizures = (0..400)
        .map(|n| {
            let mut s = generator.seizure(n);
            generator.link(&mut s, &suspect_ids, &company_ids);
            s
        })
        .collect();
    let suspects = (0..60).map(|n| generator.suspect(n)).collect();
    let companies = (0..60).map(|n| generator.company(n)).collect();
    Dataset { seizures, suspects, companies }
}

fn expected_rows(data: &Dataset) -> HashMap<&'static str, usize> {
    let s = &data.seizures;
    HashMap::from([
        ("Seizures", s.len()),
        ("Goods", s.iter().map(|x| x.goods.len()).sum()),
        ("Offenders", s.iter().map(|x| x.offenders.len()).sum()),
        ("SeizureCompanies", s.iter().map(|x| x.companies.len()).sum()),
        (
            "Photos",
            s.iter().map(|x| x.photos.len()).sum::<usize>()
                + data.suspects.iter().map(|x| x.photos.len()).sum::<usize>(),
        ),
        ("Suspects", data.suspects.len()),
        ("Companies", data.companies.len()),
    ])
}

#[test]
fn the_xlsx_template_reads_back_with_calamine() -> anyhow::Result<()> {
    let data = linked_dataset();
    let expected = expected_rows(&data);
    for (sheet, n) in &expected {
        ensure!(*n > 0, "sheet {sheet} would be empty: the test would prove little");
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("upload.xlsx");
    write_xlsx(&path, &data.seizures, &data.suspects, &data.companies)?;

    let mut workbook: Xlsx<_> = open_workbook(&path)?;
    let names: Vec<String> = SHEETS.iter().map(|s| s.name.to_owned()).collect();
    ensure!(workbook.sheet_names() == names, "sheets {:?}", workbook.sheet_names());
    let mut tables = HashMap::new();
    for sheet in &SHEETS {
        let range = workbook.worksheet_range(sheet.name)?;
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Data::Empty => String::new(),
                        Data::String(s) => s.clone(),
                        Data::Float(x) => x.to_string(),
                        Data::Int(i) => i.to_string(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        let header: Vec<&str> =
            rows.first().map(|r| r.iter().map(String::as_str).collect()).unwrap_or_default();
        ensure!(header == sheet.columns, "{}: header {header:?}", sheet.name);
        ensure!(
            rows.len() - 1 == expected[sheet.name],
            "{}: {} rows, expected {}",
            sheet.name,
            rows.len() - 1,
            expected[sheet.name]
        );
        tables.insert(sheet.name.to_owned(), Table { rows });
    }
    let back = Dataset::from_tables(&tables)?;
    ensure!(back == data, "the workbook does not give back the records");
    Ok(())
}

#[test]
fn the_csv_template_reads_back_with_the_csv_crate() -> anyhow::Result<()> {
    let data = linked_dataset();
    let expected = expected_rows(&data);
    let dir = tempfile::tempdir()?;
    write_csv(dir.path(), &data.seizures, &data.suspects, &data.companies)?;
    for sheet in &SHEETS {
        let mut reader = csv::Reader::from_path(dir.path().join(sheet.file))?;
        let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        ensure!(header == sheet.columns, "{}: header {header:?}", sheet.file);
        let count = reader.records().collect::<Result<Vec<_>, _>>()?.len();
        ensure!(
            count == expected[sheet.name],
            "{}: {count} rows, expected {}",
            sheet.file,
            expected[sheet.name]
        );
    }
    ensure!(read_csv(dir.path())? == data, "the CSV files do not give back the records");
    Ok(())
}

#[test]
fn the_template_refuses_more_items_than_it_has_columns_for() -> anyhow::Result<()> {
    let mut generator = Generator::new(4, "NL");
    let mut suspect = generator.suspect(1);
    let address =
        ncen_protocol::model::Address { street: None, city: None, postal_code: None, country: "NL".into() };
    suspect.addresses = vec![address; template::ADDRESS_SLOTS + 1];
    let dir = tempfile::tempdir()?;
    ensure!(
        write_csv(dir.path(), &[], &[suspect], &[]).is_err(),
        "a suspect with too many addresses was written"
    );
    Ok(())
}

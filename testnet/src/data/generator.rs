//! The deterministic generator: every record is drawn from its own random stream, seeded from
//! (seed, administration, record kind, number), so that record `n` is the same whatever was
//! generated before it and in whichever order.

use std::collections::HashMap;

use ncen_protocol::model::{Company, CompanyLink, Seizure, Suspect};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use sha2::{Digest, Sha256};
use time::{Date, Duration, OffsetDateTime};

use super::commodities::COMMODITIES;
use super::countries::Country;
use super::photo::Photo;
use super::pick::choose_ref;
use super::seizure::{Context, PhotoSpec};
use super::{companies, people, seizure};

/// Realistic synthetic records of one administration.
///
/// The same seed, administration and reference date give the same records, byte for byte.
/// [`Generator::new`] takes today's date (UTC) as the reference: seizure dates fall in the four
/// years up to it and none is in the future; [`Generator::with_today`] fixes it.
#[derive(Debug)]
pub struct Generator {
    seed: u64,
    context: Context,
    photo_counter: u64,
    /// SHA-256 of each picture already drawn, by (kind, variant).
    photo_hashes: HashMap<(&'static str, u64), String>,
}

impl Generator {
    /// A generator for `administration` (ISO 3166-1 alpha-2 code of the national node; records
    /// of an administration that is not a country code do not validate).
    pub fn new(seed: u64, administration: &str) -> Generator {
        Generator::with_today(seed, administration, OffsetDateTime::now_utc().date())
    }

    /// A generator whose dates end at `today`.
    pub fn with_today(seed: u64, administration: &str, today: Date) -> Generator {
        let mix = COMMODITIES.iter().enumerate().map(|(i, c)| (i, c.weight)).collect();
        let from = today - Duration::days(4 * 365) + Duration::days(1);
        Generator {
            seed,
            context: Context { country: Country::of(administration), today, from, mix },
            photo_counter: 0,
            photo_hashes: HashMap::new(),
        }
    }

    /// The administration the records belong to.
    pub fn administration(&self) -> &str {
        &self.context.country.code
    }

    /// The last possible date of a seizure.
    pub fn today(&self) -> Date {
        self.context.today
    }

    /// Seizure number `n`: national reference `CC-YYYY-nnnnnn` (the year of the seizure), unique
    /// per administration and `n`. About a third reference photos (see
    /// [`Generator::seizure_with_photos`] for their bytes).
    pub fn seizure(&mut self, n: u64) -> Seizure {
        let (mut seizure, specs) = self.draw_seizure(n);
        for (kind, variant, caption) in specs {
            let sha256 = self.photo_hash(kind, variant);
            seizure.photos.push(ncen_protocol::model::PhotoRef {
                kind: kind.to_owned(),
                sha256,
                media_type: "image/png".into(),
                caption,
            });
        }
        seizure
    }

    /// Seizure number `n` (the same as [`Generator::seizure`]) and the images its photo
    /// references point to.
    pub fn seizure_with_photos(&mut self, n: u64) -> (Seizure, Vec<Photo>) {
        let (mut seizure, specs) = self.draw_seizure(n);
        let mut photos: Vec<Photo> = Vec::with_capacity(specs.len());
        for (kind, variant, caption) in specs {
            let photo = Photo::render(kind, variant);
            self.photo_hashes.entry((kind, variant)).or_insert_with(|| photo.sha256.clone());
            seizure.photos.push(photo.reference(caption));
            if !photos.iter().any(|p| p.sha256 == photo.sha256) {
                photos.push(photo);
            }
        }
        (seizure, photos)
    }

    /// Suspect number `n`, national reference `CC-SUS-nnnnnn`.
    pub fn suspect(&mut self, n: u64) -> Suspect {
        let mut rng = self.rng("suspect", n);
        people::suspect(&mut rng, &self.context.country.code, n, self.context.today)
    }

    /// Company number `n`, national reference `CC-COM-nnnnnn`.
    pub fn company(&mut self, n: u64) -> Company {
        let mut rng = self.rng("company", n);
        companies::company(&mut rng, &self.context.country.code, n)
    }

    /// A new picture of `kind` (code list `photo_kind`): each call gives the next picture of
    /// this generator's sequence.
    pub fn photo(&mut self, kind: &str) -> Photo {
        let mut rng = self.rng("photo", self.photo_counter);
        self.photo_counter += 1;
        Photo::render(kind, rng.random::<u64>())
    }

    /// Links a seizure to records that exist on the node: some offenders get a suspect id, and
    /// cargo, parcel and truck seizures get one or two companies with a role fitting the
    /// direction. Deterministic for a given seizure and id lists.
    pub fn link(&self, seizure: &mut Seizure, suspects: &[uuid::Uuid], companies: &[uuid::Uuid]) {
        let mut hasher = Sha256::new();
        hasher.update(seizure.national_reference.as_bytes());
        let mut rng = self.rng_from("link", &hasher.finalize());
        for offender in &mut seizure.offenders {
            if rng.random_bool(0.6) {
                offender.suspect = choose_ref(&mut rng, suspects).copied();
            }
        }
        let cargo = matches!(
            seizure.conveyance.as_ref().map(|c| c.kind.as_str()),
            Some("SEA_CONTAINER" | "VESSEL" | "AIR_CARGO" | "POSTAL" | "EXPRESS_COURIER" | "TRUCK" | "RAIL")
        );
        if cargo && !companies.is_empty() && rng.random_bool(0.6) {
            let roles: &[&str] = match seizure.direction.as_str() {
                "EXPORT" => &["EXPORTER", "CONSIGNOR", "FREIGHT_FORWARDER", "CARRIER"],
                "TRANSIT" | "TRANSSHIPMENT" => &["CARRIER", "FREIGHT_FORWARDER", "CONSIGNEE"],
                _ => &["IMPORTER", "CONSIGNEE", "FREIGHT_FORWARDER", "CUSTOMS_BROKER"],
            };
            let count = if rng.random_bool(0.3) { 2 } else { 1 };
            for i in 0..count {
                let Some(company) = choose_ref(&mut rng, companies).copied() else { break };
                if seizure.companies.iter().any(|l| l.company == company) {
                    continue;
                }
                let role = roles.get(i + rng.random_range(0..2)).copied().unwrap_or("OTHER");
                seizure.companies.push(CompanyLink { company, role: role.to_owned() });
            }
        }
    }

    fn draw_seizure(&self, n: u64) -> (Seizure, Vec<PhotoSpec>) {
        let mut rng = self.rng("seizure", n);
        seizure::seizure(&mut rng, &self.context, n)
    }

    fn photo_hash(&mut self, kind: &'static str, variant: u64) -> String {
        self.photo_hashes
            .entry((kind, variant))
            .or_insert_with(|| Photo::render(kind, variant).sha256)
            .clone()
    }

    fn rng(&self, stream: &str, n: u64) -> StdRng {
        self.rng_from(stream, &n.to_le_bytes())
    }

    /// The random stream `stream` of item `item`: SHA-256 of the seed, the administration, the
    /// stream name and the item.
    fn rng_from(&self, stream: &str, item: &[u8]) -> StdRng {
        let mut hasher = Sha256::new();
        hasher.update(b"ncen-testnet synthetic data v1\0");
        hasher.update(self.seed.to_le_bytes());
        hasher.update(self.context.country.code.as_bytes());
        hasher.update([0]);
        hasher.update(stream.as_bytes());
        hasher.update([0]);
        hasher.update(item);
        StdRng::from_seed(hasher.finalize().into())
    }
}

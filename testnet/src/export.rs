//! `ncen-testnet data`: synthetic records written as upload templates (XLSX and CSV) with their
//! photos, for trying bulk upload without a federation.

use std::path::Path;

use crate::data::{self, Generator};

/// Writes `seizures` seizures (and a tenth as many suspects and companies) of `administration`
/// to `out`: `upload.xlsx`, one CSV per sheet, and `photos/<sha256>.png`.
pub fn export(out: &Path, administration: &str, seed: u64, seizures: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(out.join("photos"))?;
    let mut generator = Generator::new(seed, administration);
    let people = (seizures / 10).max(1);
    let suspects: Vec<_> = (0..people).map(|n| generator.suspect(n)).collect();
    let companies: Vec<_> = (0..people).map(|n| generator.company(n)).collect();
    let mut records = Vec::new();
    let mut photos = 0;
    for n in 0..seizures {
        let (seizure, images) = generator.seizure_with_photos(n);
        for photo in images {
            std::fs::write(out.join("photos").join(format!("{}.png", photo.sha256)), &photo.bytes)?;
            photos += 1;
        }
        records.push(seizure);
    }
    data::write_xlsx(&out.join("upload.xlsx"), &records, &suspects, &companies)?;
    data::write_csv(out, &records, &suspects, &companies)?;
    println!(
        "{} seizures, {} suspects, {} companies and {photos} photos of {administration} written to {}",
        records.len(),
        suspects.len(),
        companies.len(),
        out.display()
    );
    Ok(())
}

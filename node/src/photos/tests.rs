//! Uploads, what the store holds afterwards, and the wants of received records.

use image::{ImageEncoder, Rgb, RgbImage};
use ncen_protocol::record::RecordKind;

use super::*;
use crate::store::Store;

fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([shade, (x % 256) as u8, (y % 256) as u8]));
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    assert!(encoder.write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8).is_ok());
    out
}

fn photos() -> Result<(tempfile::TempDir, Photos), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, "NL")?);
    Ok((dir, Photos::new(journal)))
}

#[test]
fn an_upload_stores_the_bytes_and_a_thumbnail_once() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, photos) = photos()?;
    let bytes = png(500, 250, 10);
    let first = photos.upload("anna", &bytes, "api")?;
    let again = photos.upload("anna", &bytes, "ui")?;
    assert_eq!(first, again);
    assert!(photos.holds(&first.sha256)?);
    assert!(photos.holds(&first.sha256.to_uppercase())?);
    assert_eq!(photos.bytes(&first.sha256)?, Some(("image/png", bytes)));
    let thumb = photos.thumbnail(&first.sha256)?.ok_or("no thumbnail")?;
    assert_eq!(sniff(&thumb), Some("image/jpeg"));
    assert_eq!(photos.journal().audit_seq(), 2, "each upload is audited");
    Ok(())
}

#[test]
fn a_refused_file_stores_nothing_and_is_audited() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, photos) = photos()?;
    let err = photos.upload("anna", b"<svg onload=alert(1)>", "ui").err().ok_or("accepted")?;
    assert!(matches!(err, StorePhotoError::Photo(PhotoError::NotAnImage)));
    assert_eq!(photos.journal().store().iter_from(Cf::Photos, &[], true).count(), 0);
    assert_eq!(photos.journal().store().iter_from(Cf::Thumbnails, &[], true).count(), 0);
    assert_eq!(photos.journal().audit_seq(), 1);
    Ok(())
}

#[test]
fn unknown_and_malformed_hashes_read_as_absent() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, photos) = photos()?;
    for sha in ["", "zz", &"0".repeat(64), &"g".repeat(64), &"a".repeat(65), "../../etc/passwd"] {
        assert!(!photos.holds(sha)?);
        assert_eq!(photos.bytes(sha)?, None);
        assert_eq!(photos.thumbnail(sha)?, None);
    }
    Ok(())
}

#[test]
fn wants_wait_for_bytes_then_back_off_and_end() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, photos) = photos()?;
    let held = photos.upload("anna", &png(20, 20, 1), "api")?;
    let missing = png(20, 20, 2);
    let missing_sha = inspect(&missing)?.sha256;
    let id = uuid::Uuid::now_v7();
    let journal = photos.journal().clone();
    journal.write(true, |batch, _| {
        photos.want_missing(
            batch,
            "BE",
            RecordKind::Seizure,
            id,
            [held.sha256.as_str(), missing_sha.as_str(), "not-a-hash"],
        )
    })?;
    let due = photos.due("BE", 10)?;
    assert_eq!(due.len(), 1, "only the photo not held is wanted");
    assert_eq!(due[0].0, missing_sha);
    assert!(photos.due("DE", 10)?.is_empty(), "wants are per origin");

    photos.retry_later("BE", &missing_sha, &due[0].1)?;
    assert!(photos.due("BE", 10)?.is_empty(), "not asked again at once");
    assert_eq!(photos.waiting()?, 1);

    let want = due[0].1.clone();
    photos.received("BE", &want, &missing, &inspect(&missing)?)?;
    assert!(photos.holds(&missing_sha)?);
    assert_eq!(photos.waiting()?, 0);

    journal.write(true, |batch, _| {
        photos.want_missing(batch, "BE", RecordKind::Suspect, id, ["ab".repeat(32).as_str()])
    })?;
    let due = photos.due("BE", 10)?;
    photos.give_up("BE", &due[0].0, &due[0].1, "not a photo of this record")?;
    assert_eq!(photos.waiting()?, 0);
    Ok(())
}

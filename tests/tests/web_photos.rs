//! Photos in a real headless Chromium: an officer adds photos to a seizure from its page (a file
//! that is not an image is refused next to the field, whatever its name), sees the thumbnails,
//! removes one; each change is a new revision; an analyst sees the photos without the form.

#[path = "support/browser.rs"]
mod browser;

use browser::{Browser, ONE_AT_A_TIME};
use image::{ImageEncoder, Rgb, RgbImage};
use ncen_tests::{PASSWORD, canonical_seizure, start_node};

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        let edge = x % 40 < 3 || y % 40 < 3;
        if edge { Rgb([30, 30, 30]) } else { Rgb([200, (x % 256) as u8, (y % 256) as u8]) }
    });
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    assert!(encoder.write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8).is_ok());
    out
}

async fn choose(b: &Browser, name: &str, value: &str) -> anyhow::Result<()> {
    b.css(&format!("select[name='{name}'] option[value='{value}']")).await?.click().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_adds_photos_to_a_seizure_and_an_analyst_sees_them() -> anyhow::Result<()> {
    let _turn = ONE_AT_A_TIME.lock().await;
    let nl = start_node("NL").await?;
    let id = nl.create_seizure(&canonical_seizure("NL-2026-PHOTO-1")).await?;
    let files = tempfile::tempdir()?;
    let fake = files.path().join("scan.jpg");
    std::fs::write(&fake, b"%PDF-1.7 this is not an image")?;
    let scan = files.path().join("container-scan.png");
    std::fs::write(&scan, png(800, 500))?;
    let goods = files.path().join("goods.png");
    std::fs::write(&goods, png(300, 400))?;

    let b = Browser::start().await?;
    b.login(&nl.base, "officer", PASSWORD).await?;
    let page = nl.url(&format!("/records/seizures/{id}"));
    b.goto(&page).await?;
    assert!(b.has("#photo-form").await?);
    assert!(!b.has(".photo-grid").await?, "no photos yet");

    // A PDF named .jpg is refused next to the file field; the choices made are kept.
    b.css("#photo-file").await?.send_keys(&fake.display().to_string()).await?;
    choose(&b, "kind", "XRAY").await?;
    b.fill("#photo-caption", "Scan of container MSCU 1234567").await?;
    b.click("#photo-submit").await?;
    assert!(b.text("#photo-error").await?.contains("not a JPEG or PNG"), "the refusal names the reason");
    assert_eq!(
        b.css("#photo-caption").await?.prop("value").await?.as_deref(),
        Some("Scan of container MSCU 1234567")
    );
    let (_, record) = nl.get_as("officer", &format!("/api/v1/seizures/{id}")).await?;
    assert_eq!(record["revision"], 1, "nothing was saved");

    // The real scan, then a photo of the goods.
    b.css("#photo-file").await?.send_keys(&scan.display().to_string()).await?;
    b.click("#photo-submit").await?;
    assert!(b.text(".notice").await?.contains("photo was added"));
    b.css("#photo-file").await?.send_keys(&goods.display().to_string()).await?;
    choose(&b, "kind", "GOODS").await?;
    b.fill("#photo-caption", "Bricks in banana boxes").await?;
    b.click("#photo-submit").await?;
    let tiles = b.client.find_all(fantoccini::Locator::Css(".photo-grid .photo-tile img")).await?;
    assert_eq!(tiles.len(), 2);
    let loaded = b
        .js("return [...document.querySelectorAll('.photo-grid img')].every(i => i.complete && i.naturalWidth > 0 && i.naturalWidth <= 240)")
        .await?;
    assert_eq!(loaded, serde_json::Value::Bool(true), "the thumbnails load and are small");
    let grid = b.text(".photo-grid").await?;
    assert!(grid.contains("X-ray") && grid.contains("Scan of container MSCU 1234567"), "{grid}");
    b.js("document.getElementById('photos').scrollIntoView()").await?;
    b.screenshot("record-photos").await?;
    let (_, record) = nl.get_as("officer", &format!("/api/v1/seizures/{id}")).await?;
    assert_eq!(record["revision"], 3, "each photo is a new revision");
    assert_eq!(record["data"]["photos"][0]["media_type"], "image/png");

    // The full image opens from its thumbnail.
    let href = b.css(".photo-grid a").await?.attr("href").await?.unwrap_or_default();
    let (status, kind, bytes) =
        nl.get_bytes_as("officer", &href.replace("/photos/", "/api/v1/photos/")).await?;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(bytes, std::fs::read(&scan)?);

    // Photo search: the results as a grid of their photos, narrowed by the photo kind facet.
    let plain = nl.create_seizure(&canonical_seizure("NL-2026-NO-PHOTO")).await?;
    b.goto(&nl.url("/search?q=banana")).await?;
    b.click("#view-photos").await?;
    let grid = b.client.find_all(fantoccini::Locator::Css(".photo-grid .photo-tile")).await?;
    assert_eq!(grid.len(), 2, "the two photos, and nothing for the seizure without photos");
    assert!(b.text("#result-count").await?.starts_with('1'), "only the seizure with photos is counted");
    assert!(!b.text(".photo-grid").await?.contains("NL-2026-NO-PHOTO"));
    b.click(".facets a[href*='photo_kind=XRAY']").await?;
    let grid = b.client.find_all(fantoccini::Locator::Css(".photo-grid .photo-tile")).await?;
    assert_eq!(grid.len(), 1);
    assert!(b.text(".photo-grid").await?.contains("NL-2026-PHOTO-1"), "each photo names its record");
    b.screenshot("photo-search").await?;
    b.click(".photo-record").await?;
    assert_eq!(b.path().await?, format!("/records/seizures/{id}"));
    b.goto(&nl.url("/search?q=banana")).await?;
    assert_eq!(b.client.find_all(fantoccini::Locator::Css("#results tbody tr")).await?.len(), 2, "{plain}");

    // Removing one is another revision.
    b.goto(&page).await?;
    b.js("window.confirm = () => true").await?;
    b.click(".photo-tile:first-child form button").await?;
    assert!(b.text(".notice").await?.contains("photo was removed"));
    assert_eq!(b.client.find_all(fantoccini::Locator::Css(".photo-grid .photo-tile")).await?.len(), 1);
    let (_, record) = nl.get_as("officer", &format!("/api/v1/seizures/{id}")).await?;
    assert_eq!(record["revision"], 4);

    // An analyst sees the photo, not the form.
    b.logout().await?;
    b.login(&nl.base, "analyst", PASSWORD).await?;
    b.goto(&page).await?;
    assert!(b.has(".photo-grid img").await?);
    assert!(!b.has("#photo-form").await?);
    assert!(!b.has(".photo-tile form").await?);
    b.close().await?;
    nl.stop().await?;
    Ok(())
}

//! Photos (MISSION N5) end to end: uploads checked by content over the API, photos travelling
//! with their record to a peer under an agreement, only the non-nominal ones reaching the hub,
//! and a photo uploaded after its record still reaching the peer.

use std::time::Duration;

use image::{ImageEncoder, Rgb, RgbImage};
use ncen_tests::{
    TestNode, add_peer, canonical_seizure, make_agreement, start_node, start_node_with, wait_for,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const SECOND: Duration = Duration::from_secs(1);

fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([shade, (x % 256) as u8, (y % 256) as u8]));
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    assert!(encoder.write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8).is_ok());
    out
}

fn jpeg(shade: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(120, 90, |x, _| Rgb([shade, (x % 256) as u8, 60]));
    let mut out = Vec::new();
    assert!(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).is_ok());
    out
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn reference(kind: &str, bytes: &[u8], media_type: &str) -> Value {
    json!({"kind": kind, "sha256": sha(bytes), "media_type": media_type, "caption": format!("{kind} photo")})
}

/// The photo at `node` as `user`: status and bytes.
async fn photo_at(node: &TestNode, user: &str, bytes: &[u8]) -> anyhow::Result<(u16, Vec<u8>)> {
    let (status, _, body) = node.get_bytes_as(user, &format!("/api/v1/photos/{}", sha(bytes))).await?;
    Ok((status, body))
}

/// The audit entries of `action` at `node`, as JSON text.
async fn audited(node: &TestNode, action: &str) -> anyhow::Result<String> {
    let (status, all) = node.get_as("admin", "/api/v1/audit?limit=1000").await?;
    anyhow::ensure!(status == 200, "audit: {status} {all}");
    let entries: Vec<&Value> =
        all.as_array().map(|a| a.iter().filter(|e| e["action"] == action).collect()).unwrap_or_default();
    Ok(serde_json::to_string(&entries)?)
}

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn uploads_are_checked_by_content_and_refused_files_leave_nothing() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let picture = png(640, 480, 7);

    // A PNG sent as a JPEG is stored as what it is.
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", picture.clone(), "image/jpeg").await?;
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["sha256"], sha(&picture));
    assert_eq!(v["media_type"], "image/png");
    assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(640), Some(480)));
    let (status, kind, bytes) =
        nl.get_bytes_as("analyst", &format!("/api/v1/photos/{}", sha(&picture))).await?;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(bytes, picture);
    let (status, kind, thumb) =
        nl.get_bytes_as("analyst", &format!("/api/v1/photos/{}/thumbnail", sha(&picture))).await?;
    assert_eq!((status, kind.as_str()), (200, "image/jpeg"));
    let small = image::load_from_memory(&thumb)?;
    assert_eq!((small.width(), small.height()), (240, 180));

    // Whatever the declared type: HTML, a GIF, a truncated PNG, nothing, too much.
    let html = b"<html><script>alert(document.cookie)</script></html>".to_vec();
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", html.clone(), "image/png").await?;
    assert_eq!(status, 415, "{v}");
    assert_eq!(v["error"]["code"], "unsupported_media_type");
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", gif.clone(), "image/gif").await?;
    assert_eq!(status, 415, "{v}");
    assert!(v["error"]["message"].as_str().unwrap_or_default().contains("image/gif"), "{v}");
    let cut = picture[..picture.len() / 3].to_vec();
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", cut.clone(), "image/png").await?;
    assert_eq!(status, 400, "{v}");
    assert_eq!(v["error"]["code"], "invalid_photo");
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", Vec::new(), "image/png").await?;
    assert_eq!(status, 400, "{v}");
    let big = vec![0xffu8; (4 << 20) + 10];
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", big, "image/jpeg").await?;
    assert_eq!(status, 413, "{v}");
    for refused in [&html, &gif, &cut] {
        assert_eq!(photo_at(&nl, "analyst", refused).await?.0, 404, "a refused file was stored");
    }

    // Who may: officers upload, analysts read, auditors do neither; nobody anonymous.
    let (status, _) = nl.post_bytes_as("analyst", "/api/v1/photos", jpeg(1), "image/jpeg").await?;
    assert_eq!(status, 403);
    assert_eq!(photo_at(&nl, "auditor", &picture).await?.0, 403);
    let anonymous =
        reqwest::Client::new().get(nl.url(&format!("/api/v1/photos/{}", sha(&picture)))).send().await?;
    assert_eq!(anonymous.status().as_u16(), 401);
    let anonymous = reqwest::Client::new().post(nl.url("/api/v1/photos")).body(jpeg(2)).send().await?;
    assert_eq!(anonymous.status().as_u16(), 401);
    // Unknown and malformed hashes.
    for path in [
        "/api/v1/photos/0000",
        "/api/v1/photos/..%2F..%2Fetc%2Fpasswd",
        &format!("/api/v1/photos/{}", "f".repeat(64)),
    ] {
        let (status, _, _) = nl.get_bytes_as("analyst", path).await?;
        assert_eq!(status, 404, "{path}");
    }
    // Every upload is audited, refused ones too.
    let text = audited(&nl, "photo.upload").await?;
    assert!(text.contains("\"denied\"") && text.contains(&sha(&picture)), "{text}");
    nl.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn photos_travel_with_their_record_and_only_non_nominal_ones_reach_the_hub() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    admit(&hub, &be).await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;

    let (xray, person, late) = (png(320, 200, 1), jpeg(2), png(50, 50, 3));
    for bytes in [&xray, &person] {
        let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", bytes.clone(), "image/jpeg").await?;
        assert_eq!(status, 201, "{v}");
    }
    let mut seizure = canonical_seizure("NL-PHOTO-1");
    seizure["photos"] = json!([
        reference("XRAY", &xray, "image/png"),
        reference("PERSON", &person, "image/jpeg"),
        reference("CONCEALMENT", &late, "image/png")
    ]);
    let id = nl.create_seizure(&seizure).await?;

    // The peer under the agreement receives every photo of the seizure, byte for byte.
    for bytes in [&xray, &person] {
        let got = wait_for(30 * SECOND, "the photo at BE", || async {
            let (status, body) = photo_at(&be, "analyst", bytes).await?;
            Ok((status == 200).then_some(body))
        })
        .await?;
        assert_eq!(&got, bytes);
    }
    // The hub receives the X-ray image and never the person's photo.
    let got = wait_for(30 * SECOND, "the X-ray image at the hub", || async {
        let (status, body) = photo_at(&hub, "analyst", &xray).await?;
        Ok((status == 200).then_some(body))
    })
    .await?;
    assert_eq!(got, xray);
    // The photo uploaded after its record reaches the peer and the hub all the same.
    assert_eq!(photo_at(&be, "analyst", &late).await?.0, 404);
    let (status, v) = nl.post_bytes_as("officer", "/api/v1/photos", late.clone(), "image/png").await?;
    assert_eq!(status, 201, "{v}");
    for node in [&be, &hub] {
        wait_for(30 * SECOND, "the late photo", || async {
            Ok((photo_at(node, "analyst", &late).await?.0 == 200).then_some(()))
        })
        .await?;
    }
    assert_eq!(photo_at(&hub, "analyst", &person).await?.0, 404, "a nominal photo reached the hub");
    let received = audited(&hub, "replication.photo").await?;
    assert!(received.contains(&sha(&xray)), "{received}");
    assert!(!received.contains(&sha(&person)), "{received}");
    let served = audited(&nl, "replication.photo_serve").await?;
    assert!(served.contains("to=WCO") && served.contains("to=BE"), "{served}");

    // A correction without the person's photo, then the deletion of the seizure at its origin:
    // the peer forgets the photos no record it holds references any more.
    seizure["photos"] =
        json!([reference("XRAY", &xray, "image/png"), reference("CONCEALMENT", &late, "image/png")]);
    let (status, v) = nl.put_as("officer", &format!("/api/v1/seizures/{id}"), &seizure).await?;
    assert_eq!(status, 200, "{v}");
    wait_for(30 * SECOND, "the person's photo forgotten at BE", || async {
        Ok((photo_at(&be, "analyst", &person).await?.0 == 404).then_some(()))
    })
    .await?;
    assert_eq!(photo_at(&be, "analyst", &xray).await?.0, 200, "the photos still referenced stay");
    assert_eq!(photo_at(&nl, "analyst", &person).await?.0, 200, "the origin keeps what its revisions hold");
    let (status, v) = nl.delete_as("officer", &format!("/api/v1/seizures/{id}")).await?;
    assert!((200..300).contains(&status), "{status} {v}");
    wait_for(30 * SECOND, "the photos forgotten at BE", || async {
        let gone = photo_at(&be, "analyst", &xray).await?.0 == 404
            && photo_at(&be, "analyst", &late).await?.0 == 404;
        Ok(gone.then_some(()))
    })
    .await?;
    assert!(audited(&be, "photo.forget").await?.contains(&sha(&person)));

    for node in [be, nl, hub] {
        node.stop().await?;
    }
    Ok(())
}

//! What a photo is, read from its bytes and never from its name or declared type: JPEG or PNG
//! only, within size and pixel limits, decodable to the end; and its thumbnail.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use ncen_protocol::wire::MAX_PHOTO_BYTES;
use sha2::{Digest, Sha256};

/// Longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 240;
/// Widest or tallest image accepted, in pixels.
const MAX_SIDE: u32 = 16_384;
/// Most memory one decode may allocate.
const MAX_DECODE_BYTES: u64 = 256 << 20;
/// JPEG quality of thumbnails.
const THUMBNAIL_QUALITY: u8 = 80;

/// Why bytes are not an acceptable photo.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds {size} bytes; a photo may hold at most {max} bytes", max = MAX_PHOTO_BYTES)]
    TooLarge { size: usize },
    #[error("the file is {0}, not a JPEG or PNG image")]
    Unsupported(String),
    #[error("the file is not an image")]
    NotAnImage,
    #[error("the image is larger than {MAX_SIDE}×{MAX_SIDE} pixels")]
    TooManyPixels,
    #[error("the image cannot be read: {0}")]
    Damaged(String),
}

impl PhotoError {
    /// The message id the web UI shows for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            PhotoError::Empty => "photo-error-empty",
            PhotoError::TooLarge { .. } => "photo-error-too-large",
            PhotoError::Unsupported(_) | PhotoError::NotAnImage => "photo-error-type",
            PhotoError::TooManyPixels => "photo-error-pixels",
            PhotoError::Damaged(_) => "photo-error-damaged",
        }
    }
}

/// A photo whose bytes checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
    /// `image/jpeg` or `image/png`, from the content.
    pub media_type: &'static str,
    pub width: u32,
    pub height: u32,
    /// A JPEG at most [`THUMBNAIL_SIDE`] pixels on its longest side, upright.
    pub thumbnail: Vec<u8>,
}

/// The media type of bytes that start like a JPEG or PNG file.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    match image::guess_format(bytes).ok()? {
        ImageFormat::Jpeg => Some("image/jpeg"),
        ImageFormat::Png => Some("image/png"),
        _ => None,
    }
}

/// Checks `bytes` as a photo and draws its thumbnail.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge { size: bytes.len() });
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    let media_type = match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
        other => return Err(PhotoError::Unsupported(other.to_mime_type().to_owned())),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    let (width, height) = (picture.width(), picture.height());
    picture.apply_orientation(orientation);
    let small = picture.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE).into_rgb8();
    let mut thumbnail = Vec::new();
    JpegEncoder::new_with_quality(&mut thumbnail, THUMBNAIL_QUALITY)
        .encode_image(&small)
        .map_err(|e| PhotoError::Damaged(e.to_string()))?;
    Ok(Inspected { sha256: hex::encode(Sha256::digest(bytes)), media_type, width, height, thumbnail })
}

fn decode_error(e: image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        other => PhotoError::Damaged(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, RgbImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new(&mut out);
        assert!(encoder.write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8).is_ok());
        out
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(width, height, |x, _| Rgb([(x % 256) as u8, 40, 200]));
        let mut out = Vec::new();
        assert!(JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img).is_ok());
        out
    }

    #[test]
    fn a_png_and_a_jpeg_are_read_from_their_content() {
        let p = inspect(&png(800, 400)).map_err(|e| e.to_string());
        let p = p.as_ref().map(|i| (i.media_type, i.width, i.height));
        assert_eq!(p, Ok(("image/png", 800, 400)));
        let j = inspect(&jpeg(300, 600));
        assert!(matches!(&j, Ok(i) if i.media_type == "image/jpeg" && i.width == 300 && i.height == 600));
    }

    #[test]
    fn the_thumbnail_is_a_small_jpeg_with_the_same_proportions() -> Result<(), PhotoError> {
        let i = inspect(&png(800, 400))?;
        let thumb = image::load_from_memory(&i.thumbnail).map_err(|e| PhotoError::Damaged(e.to_string()))?;
        assert_eq!((thumb.width(), thumb.height()), (240, 120));
        assert_eq!(sniff(&i.thumbnail), Some("image/jpeg"));
        Ok(())
    }

    #[test]
    fn the_hash_is_of_the_bytes() -> Result<(), PhotoError> {
        let bytes = png(10, 10);
        assert_eq!(inspect(&bytes)?.sha256, hex::encode(Sha256::digest(&bytes)));
        Ok(())
    }

    #[test]
    fn other_files_are_refused_whatever_their_name() {
        assert_eq!(inspect(b""), Err(PhotoError::Empty));
        assert_eq!(inspect(b"%PDF-1.7 not a photo"), Err(PhotoError::NotAnImage));
        assert!(
            matches!(inspect(b"GIF89a\x01\x00\x01\x00"), Err(PhotoError::Unsupported(t)) if t == "image/gif")
        );
        let html = b"<html><script>alert(1)</script></html>";
        assert_eq!(inspect(html), Err(PhotoError::NotAnImage));
    }

    #[test]
    fn a_truncated_image_is_refused() {
        let bytes = png(200, 200);
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(inspect(cut), Err(PhotoError::Damaged(_))));
        let mut bad = jpeg(64, 64);
        bad.truncate(40);
        assert!(matches!(inspect(&bad), Err(PhotoError::Damaged(_))));
    }

    #[test]
    fn oversized_files_and_pixel_bombs_are_refused() {
        let big = vec![0u8; MAX_PHOTO_BYTES + 1];
        assert_eq!(inspect(&big), Err(PhotoError::TooLarge { size: MAX_PHOTO_BYTES + 1 }));
        // Small files, but wider or taller than any photo may be.
        assert_eq!(inspect(&png(MAX_SIDE + 1, 1)), Err(PhotoError::TooManyPixels));
        assert_eq!(inspect(&png(1, MAX_SIDE + 1)), Err(PhotoError::TooManyPixels));
    }
}

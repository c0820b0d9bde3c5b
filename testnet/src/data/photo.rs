//! Small deterministic PNG images for photo fields: an X-ray-like greyscale scan for `XRAY`,
//! stacked packages for `GOODS`, a cut-open panel for `CONCEALMENT`, a container under the sky
//! for `CONVEYANCE`, a silhouette for `PERSON`, a page for `DOCUMENT`. 64×48 pixels, a few
//! kilobytes, identical bytes for the same kind and variant.

use ncen_protocol::model::PhotoRef;
use sha2::{Digest, Sha256};

/// Width of every generated image, in pixels.
pub const WIDTH: u32 = 64;
/// Height of every generated image, in pixels.
pub const HEIGHT: u32 = 48;

/// The eight bytes every PNG file starts with.
pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// An image and what a record needs to reference it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Code list `photo_kind`.
    pub kind: String,
    /// Always `image/png`.
    pub media_type: String,
    /// Lowercase hex SHA-256 of `bytes`.
    pub sha256: String,
    pub bytes: Vec<u8>,
}

impl Photo {
    /// The picture of `kind` numbered `variant` (any number: the same one gives the same bytes).
    pub fn render(kind: &str, variant: u64) -> Photo {
        let bytes = png_bytes(kind, variant);
        Photo { kind: kind.to_owned(), media_type: "image/png".into(), sha256: sha256_hex(&bytes), bytes }
    }

    /// The reference a record stores for this photo.
    pub fn reference(&self, caption: Option<String>) -> PhotoRef {
        PhotoRef {
            kind: self.kind.clone(),
            sha256: self.sha256.clone(),
            media_type: self.media_type.clone(),
            caption,
        }
    }
}

/// Lowercase hex SHA-256.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A 1×1 grey PNG, used only if the encoder fails (it does not on an in-memory buffer).
const FALLBACK_PNG: [u8; 67] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00,
    0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81,
    0x77, 0xcd, 0x72, 0xb6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn png_bytes(kind: &str, variant: u64) -> Vec<u8> {
    let mut canvas = Canvas::new(kind != "XRAY", variant ^ kind_salt(kind));
    match kind {
        "XRAY" => canvas.xray(),
        "GOODS" => canvas.goods(),
        "CONCEALMENT" => canvas.concealment(),
        "CONVEYANCE" => canvas.conveyance(),
        "PERSON" => canvas.person(),
        "DOCUMENT" => canvas.document(),
        _ => canvas.other(),
    }
    encode(&canvas).unwrap_or_else(|_| FALLBACK_PNG.to_vec())
}

fn encode(canvas: &Canvas) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(4096);
    {
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(if canvas.rgb { png::ColorType::Rgb } else { png::ColorType::Grayscale });
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&canvas.pixels)?;
        writer.finish()?;
    }
    Ok(out)
}

fn kind_salt(kind: &str) -> u64 {
    kind.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A pixel buffer with a tiny deterministic random source (SplitMix64).
struct Canvas {
    rgb: bool,
    pixels: Vec<u8>,
    state: u64,
}

type Rgb = [u8; 3];

impl Canvas {
    fn new(rgb: bool, seed: u64) -> Canvas {
        let channels = if rgb { 3 } else { 1 };
        Canvas { rgb, pixels: vec![0; (WIDTH * HEIGHT) as usize * channels], state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi` (`lo` if the range is empty).
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        if hi <= lo { lo } else { lo + (self.next() % (hi - lo) as u64) as i32 }
    }

    fn set(&mut self, x: i32, y: i32, c: Rgb) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 {
            return;
        }
        let i = (y as usize) * WIDTH as usize + x as usize;
        if self.rgb {
            self.pixels[i * 3..i * 3 + 3].copy_from_slice(&c);
        } else {
            self.pixels[i] = ((u16::from(c[0]) + u16::from(c[1]) + u16::from(c[2])) / 3) as u8;
        }
    }

    fn rect(&mut self, x0: i32, y0: i32, w: i32, h: i32, c: Rgb) {
        for y in y0..y0 + h {
            for x in x0..x0 + w {
                self.set(x, y, c);
            }
        }
    }

    fn disc(&mut self, cx: i32, cy: i32, r: i32, c: Rgb) {
        for y in cy - r..=cy + r {
            for x in cx - r..=cx + r {
                if (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r {
                    self.set(x, y, c);
                }
            }
        }
    }

    /// Adds grain of amplitude `amp` to every sample.
    fn noise(&mut self, amp: i32) {
        for i in 0..self.pixels.len() {
            let delta = self.range(-amp, amp + 1);
            self.pixels[i] = (i32::from(self.pixels[i]) + delta).clamp(0, 255) as u8;
        }
    }

    fn grey(v: u8) -> Rgb {
        [v, v, v]
    }

    fn xray(&mut self) {
        self.rect(0, 0, WIDTH as i32, HEIGHT as i32, Self::grey(235));
        // The container walls, then pallets of cargo, lighter or darker by density.
        self.rect(2, 6, 60, 36, Self::grey(150));
        self.rect(4, 8, 56, 32, Self::grey(205));
        let columns = self.range(3, 7);
        let width = 56 / columns;
        for i in 0..columns {
            let density = self.range(120, 190) as u8;
            let height = self.range(14, 30);
            self.rect(5 + i * width, 39 - height, width - 2, height, Self::grey(density));
        }
        // The anomaly: dense blocks where the cargo should be even.
        let (ax, ay) = (self.range(8, 48), self.range(12, 30));
        let blocks = self.range(2, 6);
        for b in 0..blocks {
            self.rect(ax + (b % 3) * 4, ay + (b / 3) * 4, 3, 3, Self::grey(40));
        }
        self.noise(6);
    }

    fn goods(&mut self) {
        const PALETTES: [(Rgb, Rgb); 6] = [
            ([120, 85, 50], [200, 180, 60]),
            ([240, 240, 235], [40, 90, 160]),
            ([60, 120, 60], [230, 210, 40]),
            ([200, 60, 50], [240, 240, 240]),
            ([90, 90, 95], [240, 200, 0]),
            ([170, 140, 100], [30, 30, 30]),
        ];
        let (body, tape) = PALETTES[self.range(0, 6) as usize];
        self.rect(0, 0, WIDTH as i32, HEIGHT as i32, [185, 180, 170]);
        self.rect(0, 36, WIDTH as i32, 12, [120, 110, 95]);
        let (w, h) = (self.range(9, 14), self.range(6, 9));
        let mut y = 36 - h;
        while y > 4 {
            let mut x = self.range(1, 5);
            while x + w < WIDTH as i32 - 1 {
                self.rect(x, y, w, h, body);
                self.rect(x, y + h / 2, w, 1, tape);
                self.rect(x + w / 2, y, 1, h, tape);
                x += w + 1;
            }
            y -= h + 1;
        }
        self.noise(8);
    }

    fn concealment(&mut self) {
        self.rect(0, 0, WIDTH as i32, HEIGHT as i32, [110, 75, 45]);
        for y in (0..HEIGHT as i32).step_by(3) {
            let shade = self.range(60, 100) as u8;
            self.rect(0, y, WIDTH as i32, 1, [shade + 30, shade, shade / 2]);
        }
        let (x, y, w, h) = (self.range(6, 24), self.range(6, 16), self.range(24, 36), self.range(16, 24));
        self.rect(x - 1, y - 1, w + 2, h + 2, [30, 25, 20]);
        self.rect(x, y, w, h, [50, 45, 40]);
        let colour: Rgb =
            [self.range(180, 250) as u8, self.range(180, 250) as u8, self.range(150, 230) as u8];
        let mut py = y + 2;
        while py + 5 <= y + h {
            let mut px = x + 2;
            while px + 7 <= x + w {
                self.rect(px, py, 6, 4, colour);
                px += 8;
            }
            py += 6;
        }
        self.noise(6);
    }

    fn conveyance(&mut self) {
        for y in 0..HEIGHT as i32 {
            let sky = (150 + y * 2).min(255) as u8;
            self.rect(0, y, WIDTH as i32, 1, [sky / 2, sky - 40, sky]);
        }
        self.rect(0, 38, WIDTH as i32, 10, [90, 90, 85]);
        const BOXES: [Rgb; 5] =
            [[180, 40, 30], [30, 70, 150], [40, 120, 60], [220, 120, 30], [200, 200, 200]];
        let colour = BOXES[self.range(0, 5) as usize];
        let (x, w) = (self.range(2, 10), self.range(44, 54));
        self.rect(x, 16, w, 22, colour);
        for cx in (x + 2..x + w - 1).step_by(3) {
            self.rect(cx, 17, 1, 20, [colour[0] / 2, colour[1] / 2, colour[2] / 2]);
        }
        self.noise(5);
    }

    fn person(&mut self) {
        let bg = self.range(170, 230) as u8;
        self.rect(0, 0, WIDTH as i32, HEIGHT as i32, [bg, bg, bg.saturating_add(15)]);
        let skin: Rgb = [self.range(120, 240) as u8, self.range(90, 190) as u8, self.range(60, 160) as u8];
        let shirt: Rgb = [self.range(20, 200) as u8, self.range(20, 200) as u8, self.range(20, 200) as u8];
        self.rect(16, 34, 32, 14, shirt);
        self.rect(14, 38, 36, 10, shirt);
        self.disc(32, 20, 11, skin);
        self.noise(4);
    }

    fn document(&mut self) {
        self.rect(0, 0, WIDTH as i32, HEIGHT as i32, [70, 70, 75]);
        self.rect(4, 3, 56, 42, [245, 242, 230]);
        let band: Rgb = [self.range(20, 160) as u8, self.range(20, 160) as u8, self.range(60, 200) as u8];
        self.rect(4, 3, 56, 6, band);
        self.rect(7, 12, 14, 18, [180, 180, 185]);
        for line in 0..6 {
            let len = self.range(18, 34);
            self.rect(24, 13 + line * 5, len, 2, [90, 90, 100]);
        }
        self.rect(7, 36, 50, 2, [120, 120, 130]);
        self.rect(7, 40, 50, 2, [120, 120, 130]);
        self.noise(3);
    }

    fn other(&mut self) {
        let a = self.range(0, 256);
        for y in 0..HEIGHT as i32 {
            for x in 0..WIDTH as i32 {
                let v = ((x * 3 + y * 2 + a) % 256) as u8;
                self.set(x, y, [v, 255 - v, (v / 2).wrapping_add(64)]);
            }
        }
        self.noise(4);
    }
}

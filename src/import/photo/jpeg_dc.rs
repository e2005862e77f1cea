//! A fast path for JPEG thumbnails: decodes only the DC coefficient of each 8x8 block of a
//! baseline or extended sequential JPEG, which is the image at 1/8 scale (what libjpeg's DCT
//! scaling gives at 1/8). The AC coefficients are still read, to find where each block ends,
//! but never stored, dequantised or transformed. Anything this does not handle (progressive,
//! arithmetic coding, 12-bit, CMYK, several scans), and any damage, returns `None`, and the
//! caller falls back to the full decoder, which also gives the proper error message.
//!
//! Some 600 lines for one job: the marker parser, the Huffman decoder and the colour
//! conversion only make sense together, and are tested together against jpeg-decoder.

use image::RgbImage;

struct Component {
    id: u8,
    h: usize,
    v: usize,
    quant_dc: i32,
    dc_table: usize,
    ac_table: usize,
}

/// A Huffman table with a 9-bit lookahead for short codes and the canonical limits for the rest.
struct Huffman {
    /// For the next 9 bits: (symbol, code length), length 0 when the code is longer.
    lookup: Vec<(u8, u8)>,
    /// For AC tables, for the next 11 bits: what to skip, see [`AcStep`]; 0 when the code is
    /// longer than 11 bits.
    ac_steps: Vec<u32>,
    maxcode: [i32; 18],
    valptr: [i32; 17],
    mincode: [i32; 17],
    values: Vec<u8>,
}

const LOOKAHEAD: u32 = 9;

impl Huffman {
    fn new(counts: &[u8; 16], values: &[u8]) -> Option<Huffman> {
        let mut lookup = vec![(0u8, 0u8); 1 << LOOKAHEAD];
        let mut maxcode = [-1i32; 18];
        let mut valptr = [0i32; 17];
        let mut mincode = [0i32; 17];
        let mut code = 0i32;
        let mut k = 0usize;
        for len in 1..=16usize {
            let n = usize::from(counts[len - 1]);
            valptr[len] = k as i32;
            mincode[len] = code;
            for _ in 0..n {
                let symbol = *values.get(k)?;
                if len as u32 <= LOOKAHEAD {
                    let shift = LOOKAHEAD - len as u32;
                    let first = (code as usize) << shift;
                    for slot in lookup.get_mut(first..first + (1 << shift))? {
                        *slot = (symbol, len as u8);
                    }
                }
                code += 1;
                k += 1;
            }
            maxcode[len] = if n > 0 { code - 1 } else { -1 };
            code <<= 1;
        }
        maxcode[17] = i32::MAX;
        let ac_steps = ac_steps(counts, values)?;
        Some(Huffman { lookup, ac_steps, maxcode, valptr, mincode, values: values.to_vec() })
    }
}

const AC_LOOKAHEAD: u32 = 11;
const STEP_SKIP: u32 = 1;
const STEP_EOB: u32 = 2;
const STEP_ZRL: u32 = 3;

/// Packs, for every 11-bit window, the step that skipping an AC coefficient takes: bits to
/// consume (code plus its extra bits when both fit in the window), the kind of step, the run
/// of zeros, and the extra bits still to skip when they did not fit.
fn ac_steps(counts: &[u8; 16], values: &[u8]) -> Option<Vec<u32>> {
    let mut steps = vec![0u32; 1 << AC_LOOKAHEAD];
    let mut code = 0u32;
    let mut k = 0usize;
    for len in 1..=16u32 {
        for _ in 0..counts[len as usize - 1] {
            let rs = u32::from(*values.get(k)?);
            k += 1;
            if len <= AC_LOOKAHEAD {
                let (run, size) = (rs >> 4, rs & 15);
                let (kind, consume, extra) = match (run, size) {
                    (15, 0) => (STEP_ZRL, len, 0),
                    (_, 0) => (STEP_EOB, len, 0),
                    _ if len + size <= AC_LOOKAHEAD => (STEP_SKIP, len + size, 0),
                    _ => (STEP_SKIP, len, size),
                };
                let step = consume | (kind << 8) | (run << 12) | (extra << 16);
                let shift = AC_LOOKAHEAD - len;
                let first = (code << shift) as usize;
                for slot in steps.get_mut(first..first + (1 << shift))? {
                    *slot = step;
                }
            }
            code += 1;
        }
        code <<= 1;
    }
    Some(steps)
}

/// Reads bits from entropy-coded data, undoing byte stuffing; stops at a marker.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buffer: u64,
    n_bits: u32,
    /// Set when a marker (or the end of the data) was reached; zeros are fed from then on.
    at_marker: bool,
    /// Bits fed past the end of the real data: any use of them means the data was cut short.
    n_padding_bits: u32,
}

/// Whether any byte of `v` is 0xFF.
#[inline]
fn has_ff_byte(v: u64) -> bool {
    let inverted = !v;
    inverted.wrapping_sub(0x0101_0101_0101_0101) & !inverted & 0x8080_8080_8080_8080 != 0
}

impl<'a> Bits<'a> {
    fn fill(&mut self) {
        // Most of the time the next eight bytes hold no 0xFF (no stuffing, no marker): take as
        // many as fit in one go.
        if !self.at_marker
            && let Some(chunk) = self.data.get(self.pos..self.pos + 8)
        {
            let word = u64::from_be_bytes(chunk.try_into().unwrap_or_default());
            if !has_ff_byte(word) {
                let n_bytes = (64 - self.n_bits) / 8;
                let taken = word >> (64 - 8 * n_bytes);
                self.buffer |= taken << (64 - self.n_bits - 8 * n_bytes);
                self.n_bits += 8 * n_bytes;
                self.pos += n_bytes as usize;
                return;
            }
        }
        while self.n_bits <= 56 {
            let byte = if self.at_marker {
                self.n_padding_bits += 8;
                0
            } else {
                match self.data.get(self.pos) {
                    Some(0xFF) => match self.data.get(self.pos + 1) {
                        Some(0x00) => {
                            self.pos += 2;
                            0xFF
                        }
                        _ => {
                            self.at_marker = true;
                            self.n_padding_bits += 8;
                            0
                        }
                    },
                    Some(&b) => {
                        self.pos += 1;
                        b
                    }
                    None => {
                        self.at_marker = true;
                        self.n_padding_bits += 8;
                        0
                    }
                }
            };
            self.buffer |= u64::from(byte) << (56 - self.n_bits);
            self.n_bits += 8;
        }
    }

    #[inline]
    fn peek(&mut self, n: u32) -> u32 {
        if self.n_bits < n {
            self.fill();
        }
        (self.buffer >> (64 - n)) as u32
    }

    #[inline]
    fn consume(&mut self, n: u32) {
        self.buffer <<= n;
        self.n_bits -= n;
    }

    #[inline]
    fn bits(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let v = self.peek(n);
        self.consume(n);
        v
    }

    #[inline]
    fn decode(&mut self, table: &Huffman) -> Option<u8> {
        let look = self.peek(LOOKAHEAD) as usize;
        let (symbol, len) = *table.lookup.get(look)?;
        if len > 0 {
            self.consume(u32::from(len));
            return Some(symbol);
        }
        let mut code = self.peek(16) as i32;
        let mut len = 16usize;
        // Find the shortest length whose limit covers the code.
        for l in (LOOKAHEAD as usize + 1)..=16 {
            let c = code >> (16 - l);
            if c <= table.maxcode[l] {
                len = l;
                code = c;
                break;
            }
        }
        if code > table.maxcode[len] {
            return None;
        }
        self.consume(len as u32);
        let index = table.valptr[len] + code - table.mincode[len];
        table.values.get(usize::try_from(index).ok()?).copied()
    }

    /// Whether bits past the end of the data (or past a marker) were used: the data is cut
    /// short or damaged. Padding is always the tail of what was fed, the unused bits too.
    fn used_padding(&self) -> bool {
        self.n_padding_bits > self.n_bits
    }

    /// Skips to the next restart marker: drops the buffered bits and expects RSTn.
    fn restart(&mut self) -> Option<()> {
        if self.used_padding() {
            return None;
        }
        self.buffer = 0;
        self.n_bits = 0;
        // `pos` points at the marker's 0xFF (after any fill bytes) once the bits before it are
        // all read, which they are at the end of an interval.
        while self.data.get(self.pos) == Some(&0xFF) && self.data.get(self.pos + 1) == Some(&0xFF) {
            self.pos += 1;
        }
        let marker = self.data.get(self.pos..self.pos + 2)?;
        if marker[0] != 0xFF || !(0xD0..=0xD7).contains(&marker[1]) {
            return None;
        }
        self.pos += 2;
        self.at_marker = false;
        self.n_padding_bits = 0;
        Some(())
    }
}

#[inline]
fn extend(v: u32, s: u32) -> i32 {
    if s == 0 {
        return 0;
    }
    let v = v as i32;
    if v < (1 << (s - 1)) { v - (1 << s) + 1 } else { v }
}

fn u16_at(data: &[u8], i: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([*data.get(i)?, *data.get(i + 1)?])))
}

/// A DHT segment's Huffman tables, each into its class and place.
fn read_huffman_tables(
    segment: &[u8],
    dc_tables: &mut [Option<Huffman>; 4],
    ac_tables: &mut [Option<Huffman>; 4],
) -> Option<()> {
    let mut i = 0;
    while i < segment.len() {
        let class = segment[i] >> 4;
        let id = usize::from(segment[i] & 15);
        let counts: [u8; 16] = segment.get(i + 1..i + 17)?.try_into().ok()?;
        let n: usize = counts.iter().map(|&c| usize::from(c)).sum();
        let values = segment.get(i + 17..i + 17 + n)?;
        let table = Huffman::new(&counts, values)?;
        match class {
            0 => *dc_tables.get_mut(id)? = Some(table),
            1 => *ac_tables.get_mut(id)? = Some(table),
            _ => return None,
        }
        i += 17 + n;
    }
    Some(())
}

/// A baseline frame's size and components (8 bits, one or three components, sampling factors
/// of 1 to 4), or `None` for a frame this path does not read.
fn read_frame(segment: &[u8]) -> Option<(usize, usize, Vec<Component>)> {
    if *segment.first()? != 8 {
        return None;
    }
    let height = u16_at(segment, 1)?;
    let width = u16_at(segment, 3)?;
    let mut components = Vec::with_capacity(3);
    let n = usize::from(*segment.get(5)?);
    if !(n == 1 || n == 3) || width == 0 || height == 0 {
        return None;
    }
    for c in 0..n {
        let base = 6 + 3 * c;
        let sampling = *segment.get(base + 1)?;
        let (h, v) = (usize::from(sampling >> 4), usize::from(sampling & 15));
        if !(1..=4).contains(&h) || !(1..=4).contains(&v) {
            return None;
        }
        let quant_id = usize::from(*segment.get(base + 2)?);
        if quant_id > 3 {
            return None;
        }
        components.push(Component {
            id: *segment.get(base)?,
            h,
            v,
            quant_dc: quant_id as i32,
            dc_table: 0,
            ac_table: 0,
        });
    }
    Some((width, height, components))
}

/// The image at 1/8 scale (each pixel the mean of an 8x8 block), or `None` to fall back.
pub(crate) fn decode_eighth(data: &[u8]) -> Option<RgbImage> {
    if data.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut quant = [[0i32; 1]; 4];
    let mut dc_tables: [Option<Huffman>; 4] = [None, None, None, None];
    let mut ac_tables: [Option<Huffman>; 4] = [None, None, None, None];
    let mut components: Vec<Component> = Vec::new();
    let (mut width, mut height) = (0usize, 0usize);
    let mut restart_interval = 0usize;
    let mut adobe_rgb = false;
    let mut pos = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while *data.get(pos)? == 0xFF && *data.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        if *data.get(pos)? != 0xFF {
            return None;
        }
        let marker = *data.get(pos + 1)?;
        let len = u16_at(data, pos + 2)?;
        let segment = data.get(pos + 4..pos + 2 + len)?;
        match marker {
            0xDB => {
                let mut i = 0;
                while i < segment.len() {
                    let pq = segment[i] >> 4;
                    let tq = usize::from(segment[i] & 15);
                    let first = if pq == 0 {
                        i32::from(*segment.get(i + 1)?)
                    } else {
                        i32::try_from(u16_at(segment, i + 1)?).ok()?
                    };
                    *quant.get_mut(tq)? = [first];
                    i += 1 + 64 * (usize::from(pq) + 1);
                }
            }
            0xC4 => read_huffman_tables(segment, &mut dc_tables, &mut ac_tables)?,
            // Baseline and extended sequential, Huffman-coded.
            0xC0 | 0xC1 => (width, height, components) = read_frame(segment)?,
            // Progressive, lossless, hierarchical, arithmetic: not for this path.
            0xC2 | 0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return None,
            0xDD => restart_interval = u16_at(segment, 0)?,
            // Adobe: transform 0 means the three components are RGB, not YCbCr.
            0xEE if segment.starts_with(b"Adobe") && segment.get(11) == Some(&0) => adobe_rgb = true,
            0xDA => {
                let n = usize::from(*segment.first()?);
                if components.is_empty() || n != components.len() {
                    return None;
                }
                for i in 0..n {
                    let id = *segment.get(1 + 2 * i)?;
                    let tables = *segment.get(2 + 2 * i)?;
                    let c = components.iter_mut().find(|c| c.id == id)?;
                    c.dc_table = usize::from(tables >> 4);
                    c.ac_table = usize::from(tables & 15);
                }
                // Spectral selection must be the whole block, as in any sequential scan.
                if segment.get(1 + 2 * n..4 + 2 * n)? != [0, 63, 0] {
                    return None;
                }
                let entropy = data.get(pos + 2 + len..)?;
                for c in &mut components {
                    c.quant_dc = quant.get(usize::try_from(c.quant_dc).ok()?)?[0];
                    if c.quant_dc == 0 {
                        return None;
                    }
                }
                return decode_scan(
                    entropy,
                    &components,
                    &dc_tables,
                    &ac_tables,
                    width,
                    height,
                    restart_interval,
                    adobe_rgb,
                );
            }
            0xD8 | 0xD9 => return None,
            _ => {}
        }
        pos += 2 + len;
    }
}

/// Reads past a block's AC coefficients, which the DC-only decode does not need; `None` for
/// a block that runs past its 64 coefficients.
#[inline(always)]
fn skip_ac_coefficients(bits: &mut Bits<'_>, ac: &Huffman) -> Option<()> {
    let mut k = 1;
    while k < 64 {
        let step = *ac.ac_steps.get(bits.peek(AC_LOOKAHEAD) as usize)?;
        let (consume, kind) = (step & 0xFF, (step >> 8) & 0xF);
        let (run, extra) = (((step >> 12) & 0xF) as usize, step >> 16);
        match kind {
            STEP_SKIP => {
                bits.consume(consume);
                bits.consume_checked(extra)?;
                k += run + 1;
            }
            STEP_EOB => {
                bits.consume(consume);
                break;
            }
            STEP_ZRL => {
                bits.consume(consume);
                k += 16;
            }
            // A code longer than the window: the slow way.
            _ => {
                let rs = bits.decode(ac)?;
                let (r, s) = (usize::from(rs >> 4), u32::from(rs & 15));
                if s == 0 {
                    if r != 15 {
                        break;
                    }
                    k += 16;
                } else {
                    bits.consume_checked(s)?;
                    k += r + 1;
                }
            }
        }
    }
    (k <= 64).then_some(())
}

#[allow(clippy::too_many_arguments)]
fn decode_scan(
    entropy: &[u8],
    components: &[Component],
    dc_tables: &[Option<Huffman>; 4],
    ac_tables: &[Option<Huffman>; 4],
    width: usize,
    height: usize,
    restart_interval: usize,
    adobe_rgb: bool,
) -> Option<RgbImage> {
    let h_max = components.iter().map(|c| c.h).max()?;
    let v_max = components.iter().map(|c| c.v).max()?;
    let mcus_x = width.div_ceil(8 * h_max);
    let mcus_y = height.div_ceil(8 * v_max);
    // One DC plane per component, in blocks.
    let mut planes: Vec<Vec<u8>> = components.iter().map(|c| vec![0u8; mcus_x * c.h * mcus_y * c.v]).collect();
    let mut preds = vec![0i32; components.len()];
    let single = components.len() == 1;
    let mut bits = Bits { data: entropy, pos: 0, buffer: 0, n_bits: 0, at_marker: false, n_padding_bits: 0 };
    // A single-component scan is not interleaved: its "MCU" is one block, over the image's own
    // block grid rather than the frame's MCU grid.
    let (units_x, units_y) = if single { (width.div_ceil(8), height.div_ceil(8)) } else { (mcus_x, mcus_y) };
    let mut n_units = 0usize;
    for my in 0..units_y {
        for mx in 0..units_x {
            if restart_interval > 0 && n_units > 0 && n_units.is_multiple_of(restart_interval) {
                bits.restart()?;
                preds.iter_mut().for_each(|p| *p = 0);
            }
            n_units += 1;
            for (ci, c) in components.iter().enumerate() {
                let dc = dc_tables.get(c.dc_table)?.as_ref()?;
                let ac = ac_tables.get(c.ac_table)?.as_ref()?;
                let (bh, bv) = if single { (1, 1) } else { (c.h, c.v) };
                let plane_w = mcus_x * c.h;
                for by in 0..bv {
                    for bx in 0..bh {
                        let s = u32::from(bits.decode(dc)?);
                        if s > 11 {
                            return None;
                        }
                        let diff = extend(bits.bits(s), s);
                        preds[ci] += diff;
                        skip_ac_coefficients(&mut bits, ac)?;
                        let (x, y) = (mx * bh + bx, my * bv + by);
                        // The DC term is 8x the block's mean sample, level-shifted by 128.
                        let value = (preds[ci] * c.quant_dc + 4).div_euclid(8) + 128;
                        if let Some(px) = planes[ci].get_mut(y * plane_w + x) {
                            *px = value.clamp(0, 255) as u8;
                        }
                    }
                }
            }
        }
        if bits.used_padding() {
            // Past the end of the data: the file is cut short.
            return None;
        }
    }
    if bits.used_padding() {
        return None;
    }
    let (out_w, out_h) = (width.div_ceil(8), height.div_ceil(8));
    let mut out = RgbImage::new(u32::try_from(out_w).ok()?, u32::try_from(out_h).ok()?);
    let sample = |ci: usize, x: usize, y: usize| -> i32 {
        let c = &components[ci];
        let plane_w = mcus_x * c.h;
        let (sx, sy) = (x * c.h / h_max, y * c.v / v_max);
        i32::from(planes[ci].get(sy * plane_w + sx).copied().unwrap_or(128))
    };
    for (x, y, px) in out.enumerate_pixels_mut() {
        let (x, y) = (x as usize, y as usize);
        if single {
            let l = sample(0, x, y) as u8;
            *px = image::Rgb([l, l, l]);
            continue;
        }
        let (a, b, c) = (sample(0, x, y), sample(1, x, y), sample(2, x, y));
        if adobe_rgb {
            *px = image::Rgb([a as u8, b as u8, c as u8]);
            continue;
        }
        // JFIF YCbCr to RGB, in fixed point.
        let (cb, cr) = (b - 128, c - 128);
        let r = a + ((91881 * cr + 32768) >> 16);
        let g = a - ((22554 * cb + 46802 * cr - 32768) >> 16);
        let bl = a + ((116130 * cb + 32768) >> 16);
        *px = image::Rgb([r.clamp(0, 255) as u8, g.clamp(0, 255) as u8, bl.clamp(0, 255) as u8]);
    }
    Some(out)
}

impl Bits<'_> {
    /// Skips `n` bits (n <= 16).
    #[inline]
    fn consume_checked(&mut self, n: u32) -> Option<()> {
        if n == 0 {
            return Some(());
        }
        if n > 16 {
            return None;
        }
        if self.n_bits < n {
            self.fill();
        }
        self.consume(n);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: jpeg-decoder's own 1/8-scale decode, as RGB.
    fn reference(jpeg: &[u8]) -> RgbImage {
        let mut d = jpeg_decoder::Decoder::new(jpeg);
        d.read_info().unwrap();
        let info = d.info().unwrap();
        let (w, h) = d.scale(info.width.div_ceil(8), info.height.div_ceil(8)).unwrap();
        let pixels = d.decode().unwrap();
        match d.info().unwrap().pixel_format {
            jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(u32::from(w), u32::from(h), pixels).unwrap(),
            jpeg_decoder::PixelFormat::L8 => {
                image::DynamicImage::ImageLuma8(image::GrayImage::from_raw(u32::from(w), u32::from(h), pixels).unwrap())
                    .to_rgb8()
            }
            other => panic!("{other:?}"),
        }
    }

    fn check(img: image::DynamicImage, quality: u8) {
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, quality).encode_image(&img).unwrap();
        let ours = decode_eighth(&jpeg).expect("a baseline JPEG");
        let theirs = reference(&jpeg);
        assert_eq!(ours.dimensions(), theirs.dimensions());
        let diffs: Vec<i32> =
            ours.as_raw().iter().zip(theirs.as_raw()).map(|(a, b)| (i32::from(*a) - i32::from(*b)).abs()).collect();
        let mean = diffs.iter().sum::<i32>() as f64 / diffs.len() as f64;
        // Chroma is upsampled differently (nearest here, smoothed there); luma agrees exactly.
        assert!(mean < 3.0, "mean difference {mean}");
        // Truncated, the same file is refused rather than decoded into garbage.
        assert!(decode_eighth(&jpeg[..jpeg.len() * 2 / 3]).is_none());
    }

    #[test]
    fn agrees_with_jpeg_decoder_at_one_eighth() {
        let gradient =
            image::RgbImage::from_fn(517, 389, |x, y| image::Rgb([(x / 2) as u8, (y / 2) as u8, ((x + y) / 4) as u8]));
        check(image::DynamicImage::ImageRgb8(gradient.clone()), 90);
        check(image::DynamicImage::ImageRgb8(gradient.clone()), 40);
        check(image::DynamicImage::ImageLuma8(image::DynamicImage::ImageRgb8(gradient).to_luma8()), 85);
        let noise = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([(x * 37 % 251) as u8, (y * 91 % 253) as u8, ((x * y) % 255) as u8])
        });
        check(image::DynamicImage::ImageRgb8(noise), 95);
    }

    #[test]
    fn not_a_jpeg_or_not_baseline() {
        assert!(decode_eighth(b"").is_none());
        assert!(decode_eighth(b"\xFF\xD8\xFF\xD9").is_none());
        assert!(decode_eighth(b"PNG not a jpeg").is_none());
    }
}

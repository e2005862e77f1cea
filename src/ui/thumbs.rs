//! Thumbnails for the grid: decoded by two loader threads, uploaded as textures by the UI, and
//! kept in a bounded cache that forgets the least recently drawn ones. Newest requests are
//! served first, so what is on screen after a fast scroll loads before what scrolled past.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

use egui::{ColorImage, TextureHandle, TextureOptions};

/// At most this many requests wait; older ones are dropped (they scrolled away long ago).
const MAX_QUEUED: usize = 512;

struct Queue {
    jobs: Mutex<Vec<(String, PathBuf)>>,
    ready: Condvar,
}

pub struct ThumbCache {
    textures: HashMap<String, (TextureHandle, u64)>,
    /// Hashes requested and not yet back; failures stay here so they are not retried each frame.
    pending: HashMap<String, bool>,
    queue: Arc<Queue>,
    rx: Receiver<(String, Result<ColorImage, String>)>,
    capacity: usize,
    frame: u64,
    archive_root: Option<PathBuf>,
}

impl ThumbCache {
    /// A cache holding at most `capacity` textures, with its loader threads.
    pub fn new(capacity: usize, ctx: &egui::Context) -> ThumbCache {
        let queue = Arc::new(Queue { jobs: Mutex::new(Vec::new()), ready: Condvar::new() });
        let (tx, rx) = std::sync::mpsc::channel();
        for i in 0..2 {
            let queue = Arc::clone(&queue);
            let tx: Sender<_> = tx.clone();
            let ctx = ctx.clone();
            // Without loader threads the grid shows placeholders; nothing else depends on them.
            let _ =
                std::thread::Builder::new().name(format!("thumbnails-{i}")).spawn(move || loader(&queue, &tx, &ctx));
        }
        ThumbCache {
            textures: HashMap::new(),
            pending: HashMap::new(),
            queue,
            rx,
            capacity,
            frame: 0,
            archive_root: None,
        }
    }

    /// Where the thumbnails are: set once the archive is open.
    pub fn set_archive_root(&mut self, root: &Path) {
        self.archive_root = Some(root.to_path_buf());
    }

    pub fn n_loaded(&self) -> usize {
        self.textures.len()
    }

    /// Thumbnails asked for and not yet decoded (those that failed are not waited for).
    pub fn n_waiting(&self) -> usize {
        self.pending.values().filter(|failed| !**failed).count()
    }

    /// Takes in what the loaders decoded and forgets the oldest textures over capacity. Called
    /// once per frame.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        while let Ok((hash, result)) = self.rx.try_recv() {
            match result {
                Ok(image) => {
                    let texture = ctx.load_texture(format!("thumb-{hash}"), image, TextureOptions::LINEAR);
                    self.pending.remove(&hash);
                    self.textures.insert(hash, (texture, self.frame));
                }
                Err(_) => {
                    self.pending.insert(hash, true);
                }
            }
        }
        if self.textures.len() > self.capacity {
            let mut by_age: Vec<(u64, String)> = self.textures.iter().map(|(h, (_, f))| (*f, h.clone())).collect();
            by_age.sort_unstable();
            let n_evict = self.textures.len() - self.capacity;
            for (_, hash) in by_age.into_iter().take(n_evict) {
                self.textures.remove(&hash);
            }
        }
    }

    /// The texture of a thumbnail, asking for it to be loaded when it is not there yet.
    pub fn get(&mut self, hash: &str) -> Option<TextureHandle> {
        if let Some((texture, last_used)) = self.textures.get_mut(hash) {
            *last_used = self.frame;
            return Some(texture.clone());
        }
        if self.pending.contains_key(hash) {
            return None;
        }
        let path = crate::archive::thumbnail_path_in(self.archive_root.as_ref()?, hash);
        self.pending.insert(hash.to_owned(), false);
        let mut jobs = self.queue.jobs.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        jobs.push((hash.to_owned(), path));
        if jobs.len() > MAX_QUEUED {
            let n_drop = jobs.len() - MAX_QUEUED;
            let dropped: Vec<_> = jobs.drain(..n_drop).collect();
            for (h, _) in dropped {
                self.pending.remove(&h);
            }
        }
        self.queue.ready.notify_one();
        None
    }
}

fn loader(queue: &Queue, tx: &Sender<(String, Result<ColorImage, String>)>, ctx: &egui::Context) {
    loop {
        let job = {
            let mut jobs = queue.jobs.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            loop {
                if let Some(job) = jobs.pop() {
                    break job;
                }
                jobs = queue.ready.wait(jobs).unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        };
        let (hash, path) = job;
        let result = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| image::load_from_memory(&bytes).map_err(|e| e.to_string()))
            .map(|img| to_color_image(&img));
        if tx.send((hash, result)).is_err() {
            return;
        }
        ctx.request_repaint();
    }
}

fn to_color_image(img: &image::DynamicImage) -> ColorImage {
    let rgba = img.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    ColorImage::from_rgba_unmultiplied(size, rgba.as_raw())
}

/// Decodes a photo for the detail pane: orientation applied, at most `max_side_px` on its long
/// edge (textures have a size limit, and the pane is never larger). Runs on the worker.
pub fn decode_for_display(path: &Path, orientation: Option<u16>, max_side_px: u32) -> Result<ColorImage, String> {
    #[cfg(test)]
    if tests::PANIC_IN_NEXT_DECODE.swap(false, std::sync::atomic::Ordering::SeqCst) {
        panic!("a decoder panic, injected by a test");
    }
    if path.extension().is_some_and(|e| e == "pdf") {
        // A scanned page, drawn at the size asked for.
        return crate::import::photo::media::read_picture(path, "pdf", max_side_px)
            .map(|rgb| to_color_image(&image::DynamicImage::ImageRgb8(rgb)))
            .map_err(|e| e.to_string());
    }
    let mut reader =
        image::ImageReader::open(path).map_err(|e| e.to_string())?.with_guessed_format().map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(crate::import::MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut img = reader.decode().map_err(|e| e.to_string())?;
    if let Some(o) = orientation.and_then(|o| u8::try_from(o).ok()).and_then(image::metadata::Orientation::from_exif) {
        img.apply_orientation(o);
    }
    if img.width().max(img.height()) > max_side_px {
        img = img.resize(max_side_px, max_side_px, image::imageops::FilterType::Triangle);
    }
    Ok(to_color_image(&img))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::atomic::AtomicBool;

    /// Makes the next [`super::decode_for_display`] panic, as a broken decoder would.
    pub(crate) static PANIC_IN_NEXT_DECODE: AtomicBool = AtomicBool::new(false);
}

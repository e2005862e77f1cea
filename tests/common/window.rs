//! The window under egui_kittest, for the UI tests: stepping until the worker has answered.

use std::time::{Duration, Instant};

use clippings::ui::ClippingsApp;
use egui_kittest::Harness;

/// Steps the window until the worker has answered everything and the frame is stable.
#[allow(dead_code)] // The snapshot of the main window waits for its thumbnails instead.
pub fn settle(h: &mut Harness<'static, ClippingsApp>) {
    let start = Instant::now();
    loop {
        h.step();
        if h.state().is_idle() {
            for _ in 0..4 {
                h.step();
            }
            if h.state().is_idle() {
                return;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the window did not settle");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Before a rendered snapshot: steps for half a second at least (photos decode on the worker,
/// textures arrive a frame later) and until the worker is idle, then until nothing moves.
#[allow(dead_code)] // Only the snapshot tests, behind their feature, call it.
pub fn settle_for_snapshot(h: &mut Harness<'static, ClippingsApp>) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) || !h.state().is_idle() {
        assert!(start.elapsed() < Duration::from_secs(30), "the window did not settle");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

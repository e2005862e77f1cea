//! The window under egui_kittest, for the UI tests: stepping until the worker has answered.

use std::time::{Duration, Instant};

use clippings::ui::ClippingsApp;
use egui_kittest::Harness;

/// Steps the window until the worker has answered everything and the frame is stable.
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

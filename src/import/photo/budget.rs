//! How much memory the photos being decoded at once may take together. Each decode reserves
//! what its pixels need (known from the header, before decoding) and gives it back when done;
//! a decode that would pass the budget waits for others to finish. Without it, an import's
//! threads (twice the cores) could each decode a 400 MB image at the same moment.

use std::sync::{Condvar, Mutex, PoisonError};

/// Decoded pixels in memory at once, all import threads together.
pub const DECODE_BUDGET_BYTES: u64 = 1024 * 1024 * 1024;

pub(crate) struct MemoryBudget {
    used: Mutex<u64>,
    freed: Condvar,
    limit: u64,
}

pub(crate) static DECODES: MemoryBudget = MemoryBudget::new(DECODE_BUDGET_BYTES);

/// Memory reserved for one decode, given back when dropped.
pub(crate) struct Reservation {
    budget: &'static MemoryBudget,
    bytes: u64,
}

impl MemoryBudget {
    pub(crate) const fn new(limit: u64) -> MemoryBudget {
        MemoryBudget { used: Mutex::new(0), freed: Condvar::new(), limit }
    }

    /// Waits until `bytes` fit in the budget, then reserves them. One request larger than the
    /// whole budget waits until nothing else is reserved (single images are limited elsewhere).
    pub(crate) fn reserve(&'static self, bytes: u64) -> Reservation {
        let bytes = bytes.min(self.limit);
        let mut used = self.used.lock().unwrap_or_else(PoisonError::into_inner);
        while *used + bytes > self.limit {
            used = self.freed.wait(used).unwrap_or_else(PoisonError::into_inner);
        }
        *used += bytes;
        Reservation { budget: self, bytes }
    }

    #[cfg(test)]
    fn used(&self) -> u64 {
        *self.used.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(PoisonError::into_inner);
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn decodes_past_the_budget_wait_for_memory_to_be_given_back() {
        static BUDGET: MemoryBudget = MemoryBudget::new(1000);
        static PEAK: AtomicU64 = AtomicU64::new(0);
        let threads: Vec<_> = (0..16)
            .map(|_| {
                std::thread::spawn(|| {
                    let reserved = BUDGET.reserve(400);
                    PEAK.fetch_max(BUDGET.used(), Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(5));
                    drop(reserved);
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(BUDGET.used(), 0);
        assert!(PEAK.load(Ordering::SeqCst) <= 800, "{}", PEAK.load(Ordering::SeqCst));
        // One request over the whole budget waits while anything else is reserved, then goes
        // through alone (a timeout, not a hang, is how this test fails).
        let held = BUDGET.reserve(400);
        let (sent, got) = std::sync::mpsc::channel();
        let big = std::thread::spawn(move || {
            let reserved = BUDGET.reserve(5000);
            sent.send(BUDGET.used()).unwrap();
            drop(reserved);
        });
        assert!(got.recv_timeout(Duration::from_millis(200)).is_err(), "it went through beside another");
        drop(held);
        assert_eq!(
            got.recv_timeout(Duration::from_secs(10)),
            Ok(1000),
            "it never went through, alone, as the whole budget"
        );
        big.join().unwrap();
        assert_eq!(BUDGET.used(), 0);
    }
}

//! Fetching a page by its address, within what a page server may ask of us: http and https
//! only, a connect timeout, a deadline for the whole download, a size cap enforced while
//! reading, a count of redirects (each one checked as an address of its own, a loop named as
//! one), TLS verified against Mozilla's roots, no cookies kept, and an honest User-Agent.
//! Names only `vocab/`.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use url::Url;

use crate::vocab::address::{self, AddressError};

/// What a fetch may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub connect: Duration,
    /// The whole download, redirects included.
    pub total: Duration,
    pub max_bytes: u64,
    pub max_redirects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(30),
            max_bytes: 50 * 1024 * 1024,
            max_redirects: 10,
        }
    }
}

/// A page as fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// Where it was found, after the redirects.
    pub url: Url,
    /// The server's media type, lower case, without parameters (`text/html`), if it said.
    pub media_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a page could not be fetched: data a window words in its language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error(transparent)]
    Address(#[from] AddressError),
    #[error("could not connect within {secs} s")]
    ConnectTimeout { secs: u64 },
    #[error("timed out after {secs} s")]
    TimedOut { secs: u64 },
    #[error("larger than {limit_mb} MB")]
    TooLarge { limit_mb: u64 },
    #[error("redirect loop")]
    RedirectLoop,
    #[error("more than {limit} redirects")]
    TooManyRedirects { limit: usize },
    #[error("the server answered {status}")]
    Status { status: u16 },
    #[error("no server is known by the name {host}")]
    HostNotFound { host: String },
    #[error("the secure connection failed: {0}")]
    Tls(String),
    #[error("the connection failed: {0}")]
    Connection(String),
    #[error("cancelled")]
    Cancelled,
}

/// Fetches pages, one agent for a batch (its connections are reused; it keeps no cookies).
pub struct Fetcher {
    agent: ureq::Agent,
    limits: Limits,
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher::new(Limits::default())
    }
}

impl Fetcher {
    pub fn new(limits: Limits) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(limits.connect))
            // Redirects are followed here, so that each is checked and a loop is named.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(format!(
                "Clippings/{} (press clippings archive; one page a link, fetched for a person)",
                env!("CARGO_PKG_VERSION")
            ))
            .build();
        Fetcher { agent: config.into(), limits }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Fetches an address (after [`address::unwrapped`], so an alert's wrapped link goes
    /// straight to the article). `cancel` stops it between reads.
    pub fn fetch(&self, text: &str, cancel: &AtomicBool) -> Result<Fetched, FetchError> {
        let started = Instant::now();
        let mut url = address::unwrapped(&address::parse(text)?);
        let mut seen = vec![address::canonical(&url)];
        loop {
            let remaining = self.limits.total.checked_sub(started.elapsed()).filter(|d| !d.is_zero());
            let Some(remaining) = remaining else { return Err(self.timed_out()) };
            let request = self
                .agent
                .get(url.as_str())
                .header("Accept", "text/html,application/xhtml+xml,application/pdf,image/*;q=0.9,*/*;q=0.5")
                .config()
                .timeout_global(Some(remaining))
                .build();
            let mut response = request.call().map_err(|e| self.error_of(e, &url))?;
            let status = response.status().as_u16();
            if (300..400).contains(&status) && status != 304 {
                let location = response.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
                let Some(location) = location else { return Err(FetchError::Status { status }) };
                let next = url.join(location.trim()).map_err(|_| AddressError::NotAnAddress(location.clone()))?;
                let next = address::parse(next.as_str())?;
                let canonical = address::canonical(&next);
                if seen.contains(&canonical) {
                    return Err(FetchError::RedirectLoop);
                }
                if seen.len() > self.limits.max_redirects {
                    return Err(FetchError::TooManyRedirects { limit: self.limits.max_redirects });
                }
                seen.push(canonical);
                url = next;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(FetchError::Status { status });
            }
            let media_type = response.body().mime_type().map(str::to_ascii_lowercase);
            let body = response.body_mut().with_config().limit(self.limits.max_bytes.saturating_add(1)).reader();
            let bytes = self.read_capped(body, &url, cancel)?;
            return Ok(Fetched { url, media_type, bytes });
        }
    }

    /// Reads a body up to the size cap, checking `cancel` between reads.
    fn read_capped(&self, mut body: impl Read, url: &Url, cancel: &AtomicBool) -> Result<Vec<u8>, FetchError> {
        let mut bytes = Vec::new();
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(FetchError::Cancelled);
            }
            let n = match body.read(&mut buffer) {
                Ok(0) => return Ok(bytes),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.io_error_of(e, url)),
            };
            if bytes.len() as u64 + n as u64 > self.limits.max_bytes {
                return Err(self.too_large());
            }
            bytes.extend_from_slice(&buffer[..n]);
        }
    }

    fn timed_out(&self) -> FetchError {
        FetchError::TimedOut { secs: self.limits.total.as_secs().max(1) }
    }

    fn too_large(&self) -> FetchError {
        FetchError::TooLarge { limit_mb: self.limits.max_bytes.div_ceil(1024 * 1024) }
    }

    fn error_of(&self, e: ureq::Error, url: &Url) -> FetchError {
        match e {
            ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                FetchError::ConnectTimeout { secs: self.limits.connect.as_secs().max(1) }
            }
            ureq::Error::Timeout(_) => self.timed_out(),
            ureq::Error::BodyExceedsLimit(_) => self.too_large(),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects { limit: self.limits.max_redirects },
            ureq::Error::HostNotFound => {
                FetchError::HostNotFound { host: url.host_str().unwrap_or_default().to_owned() }
            }
            ureq::Error::Tls(why) => FetchError::Tls(why.to_owned()),
            ureq::Error::Rustls(e) => FetchError::Tls(e.to_string()),
            ureq::Error::Io(e) => self.io_error_of(e, url),
            ureq::Error::StatusCode(status) => FetchError::Status { status },
            other => FetchError::Connection(other.to_string()),
        }
    }

    fn io_error_of(&self, e: std::io::Error, url: &Url) -> FetchError {
        // ureq reports its own errors met while reading a body inside an io::Error.
        let inner = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()).map(ureq_error_kind);
        match inner {
            Some(Some(kind)) => match kind {
                InnerKind::Timeout => self.timed_out(),
                InnerKind::TooLarge => self.too_large(),
            },
            _ if e.kind() == std::io::ErrorKind::TimedOut => self.timed_out(),
            // The system's resolver says so in words of its own.
            _ if e.to_string().contains("lookup address") || e.to_string().contains("Name or service not known") => {
                FetchError::HostNotFound { host: url.host_str().unwrap_or_default().to_owned() }
            }
            _ if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                FetchError::Connection(format!("{} refused the connection", url.host_str().unwrap_or_default()))
            }
            _ => FetchError::Connection(e.to_string()),
        }
    }
}

enum InnerKind {
    Timeout,
    TooLarge,
}

fn ureq_error_kind(e: &ureq::Error) -> Option<InnerKind> {
    match e {
        ureq::Error::Timeout(_) => Some(InnerKind::Timeout),
        ureq::Error::BodyExceedsLimit(_) => Some(InnerKind::TooLarge),
        _ => None,
    }
}

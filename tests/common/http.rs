//! A page server on loopback that the tests start themselves: pages, a PDF, a photo, and the
//! hostile kinds a press officer's links meet (a server that never answers, an endless body,
//! a redirect loop, a chain of redirects). One thread a connection; it stops with the test.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a path answers.
#[derive(Clone)]
pub enum Answer {
    Ok {
        media_type: &'static str,
        body: Vec<u8>,
    },
    Redirect {
        status: u16,
        location: String,
    },
    Status(u16),
    /// Takes the connection and says nothing.
    Silent,
    /// A body that never ends, sent as fast as it is taken.
    Endless,
    /// A body that never ends, a few bytes a second.
    Drip,
    /// The page after a pause.
    Slow {
        pause: Duration,
        body: Vec<u8>,
    },
}

pub struct PageServer {
    pub port: u16,
    pages: Arc<Mutex<HashMap<String, Answer>>>,
    /// How many requests each path had.
    hits: Arc<Mutex<HashMap<String, usize>>>,
    /// How many requests are being answered right now, and the most at once.
    busy: Arc<(AtomicUsize, AtomicUsize)>,
    /// User-Agent and Cookie headers as they came.
    pub headers_seen: Arc<Mutex<Vec<(String, String)>>>,
}

impl PageServer {
    pub fn start() -> PageServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().expect("its address").port();
        let server = PageServer {
            port,
            pages: Arc::default(),
            hits: Arc::default(),
            busy: Arc::default(),
            headers_seen: Arc::default(),
        };
        let (pages, hits, busy, seen) =
            (server.pages.clone(), server.hits.clone(), server.busy.clone(), server.headers_seen.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (pages, hits, busy, seen) = (pages.clone(), hits.clone(), busy.clone(), seen.clone());
                std::thread::spawn(move || {
                    let now = busy.0.fetch_add(1, Ordering::SeqCst) + 1;
                    busy.1.fetch_max(now, Ordering::SeqCst);
                    let _ = answer(stream, &pages, &hits, &seen);
                    busy.0.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn serve(&self, path: &str, answer: Answer) {
        self.pages.lock().unwrap().insert(path.to_owned(), answer);
    }

    pub fn page(&self, path: &str, html: &str) {
        self.serve(path, Answer::Ok { media_type: "text/html; charset=utf-8", body: html.as_bytes().to_vec() });
    }

    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    pub fn most_at_once(&self) -> usize {
        self.busy.1.load(Ordering::SeqCst)
    }
}

fn answer(
    stream: TcpStream,
    pages: &Mutex<HashMap<String, Answer>>,
    hits: &Mutex<HashMap<String, usize>>,
    seen: &Mutex<Vec<(String, String)>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        // Pages are found by their path; the query (tracking parameters) is not looked at.
        let target = line.split_whitespace().nth(1).unwrap_or("/");
        let path = target.split('?').next().unwrap_or("/").to_owned();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                if name == "user-agent" || name == "cookie" {
                    seen.lock().unwrap().push((name, value.trim().to_owned()));
                }
            }
        }
        *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
        let answer = pages.lock().unwrap().get(&path).cloned().unwrap_or(Answer::Status(404));
        match answer {
            Answer::Ok { media_type, body } => send(&mut stream, 200, media_type, &body, &[])?,
            Answer::Redirect { status, location } => {
                send(&mut stream, status, "text/plain", b"moved", &[("Location", &location)])?
            }
            Answer::Status(status) => send(&mut stream, status, "text/plain", b"no", &[])?,
            Answer::Silent => {
                std::thread::sleep(Duration::from_secs(120));
                return Ok(());
            }
            Answer::Endless | Answer::Drip => {
                let drip = matches!(answer, Answer::Drip);
                write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: visitor=1\r\n\r\n")?;
                let chunk = vec![b'a'; if drip { 8 } else { 64 * 1024 }];
                loop {
                    stream.write_all(&chunk)?;
                    if drip {
                        std::thread::sleep(Duration::from_millis(500));
                    }
                }
            }
            Answer::Slow { pause, body } => {
                std::thread::sleep(pause);
                send(&mut stream, 200, "text/html; charset=utf-8", &body, &[])?;
            }
        }
    }
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    media_type: &str,
    body: &[u8],
    extra: &[(&str, &str)],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {media_type}\r\nContent-Length: {}\r\nSet-Cookie: visitor=1\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

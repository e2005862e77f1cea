//! Web addresses as clippings keep them: only `http` and `https` are fetched, and one page
//! has one address however it was linked ([`canonical`]): the same article linked from an
//! alert, a forwarded mail and the browser is one clipping.

use url::Url;

/// Why a text is not an address a page can be fetched from.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("{0:?} is not a web address")]
    NotAnAddress(String),
    /// `file:`, `ftp:`, `javascript:` …: only http and https are fetched.
    #[error("{scheme}: addresses are not fetched, only http and https")]
    Scheme { scheme: String },
}

/// Query parameters that say where a link was clicked, not what it shows.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "gclsrc", "yclid", "ysclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
    "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ocid", "ncid", "ito", "spm", "share", "from",
];

fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_") || name.starts_with("pk_") || TRACKING.contains(&name.as_str())
}

/// Reads an address as typed, pasted or linked: http and https only.
pub fn parse(text: &str) -> Result<Url, AddressError> {
    let text = text.trim();
    let url = Url::parse(text).map_err(|_| AddressError::NotAnAddress(text.chars().take(200).collect()))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(url),
        "http" | "https" => Err(AddressError::NotAnAddress(text.chars().take(200).collect())),
        other => Err(AddressError::Scheme { scheme: other.to_owned() }),
    }
}

/// Whether a text is one web address and nothing else (a pasted link).
pub fn is_address(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && (text.starts_with("http://") || text.starts_with("https://"))
        && parse(text).is_ok()
}

/// Whether a command-line argument names an address (`https://…`, `file:///…`) rather than a
/// file: it has a scheme and no file of that name is there. http and https are fetched; any
/// other scheme is refused as such when imported.
pub fn is_address_argument(arg: &std::path::Path) -> bool {
    arg.to_string_lossy().contains("://") && !arg.exists()
}

/// The one form of an address: scheme and host in lower case (the URL parser does that), no
/// default port, no fragment, no tracking parameters, no trailing slash on a path, and the
/// target of a redirector's link (`google.com/url?url=…`) in place of the redirector's.
pub fn canonical(url: &Url) -> String {
    let mut url = unwrapped(url);
    url.set_fragment(None);
    let kept: Vec<(String, String)> =
        url.query_pairs().filter(|(k, _)| !is_tracking(k)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if kept.is_empty() {
        url.set_query(None);
    } else if url.query_pairs().count() != kept.len() {
        url.query_pairs_mut().clear().extend_pairs(&kept);
    }
    let path = url.path().to_owned();
    if path.len() > 1 && path.ends_with('/') {
        url.set_path(path.trim_end_matches('/'));
    }
    // `Url` has dropped the default port and lowered the scheme and host already.
    let text = url.to_string();
    match text.strip_suffix('/') {
        Some(bare) if url.path() == "/" && url.query().is_none() => bare.to_owned(),
        _ => text,
    }
}

/// The canonical form of an address given as text, or the text trimmed where it is not one
/// (a clipping's `url` as some page wrote it).
pub fn canonical_text(text: &str) -> String {
    parse(text).map(|u| canonical(&u)).unwrap_or_else(|_| text.trim().to_owned())
}

/// The address a redirector's link leads to: Google's (`https://www.google.com/url?…&url=T`,
/// as Google Alerts wrap every link), Yandex's and others that carry their target in a
/// parameter. Any other address as it is.
pub fn unwrapped(url: &Url) -> Url {
    let host = url.host_str().unwrap_or_default().trim_start_matches("www.");
    let is_redirector = match host {
        h if h.starts_with("google.") => url.path() == "/url",
        h if h.starts_with("yandex.") || h == "ya.ru" => url.path().starts_with("/clck") || url.path() == "/redirect",
        "clck.yandex.ru" | "clck.yandex.com" => url.path().starts_with("/redir"),
        "l.facebook.com" | "lm.facebook.com" => url.path() == "/l.php",
        "t.umblr.com" | "away.vk.com" | "vk.com" => url.path() == "/redirect" || url.path() == "/away.php",
        _ => false,
    };
    if !is_redirector {
        return url.clone();
    }
    // Yandex's counter puts its target after a star in the path: /redir/dv/*https://…
    if let Some((_, target)) = url.as_str().split_once("/*")
        && let Ok(target) = parse(&percent_decoded(target))
    {
        return unwrapped(&target);
    }
    url.query_pairs()
        .find(|(k, _)| matches!(k.as_ref(), "url" | "q" | "u" | "to"))
        .and_then(|(_, target)| parse(&target).ok())
        .map(|target| unwrapped(&target))
        .unwrap_or_else(|| url.clone())
}

/// `%xx` escapes decoded (what a redirector's path carries its target in).
fn percent_decoded(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        canonical(&parse(s).expect("an address"))
    }

    #[test]
    fn one_page_has_one_address() {
        let same = [
            "https://astanatimes.com/2024/02/brussels-talks/",
            "HTTPS://AstanaTimes.com/2024/02/brussels-talks",
            "https://astanatimes.com:443/2024/02/brussels-talks/?utm_source=alerts&utm_medium=email",
            "https://astanatimes.com/2024/02/brussels-talks#comments",
            "https://www.google.com/url?rct=j&sa=t&url=https://astanatimes.com/2024/02/brussels-talks/&ct=ga&cd=CAE&usg=AOv",
            "https://astanatimes.com/2024/02/brussels-talks/?fbclid=IwAR0&gclid=x",
        ];
        for s in same {
            assert_eq!(canon(s), "https://astanatimes.com/2024/02/brussels-talks", "{s}");
        }
        // What a page is depends on the rest of its query, in its order.
        assert_eq!(
            canon("http://example.org/news.php?id=12&utm_campaign=x&page=2"),
            "http://example.org/news.php?id=12&page=2"
        );
        assert_ne!(canon("http://example.org/?id=1"), canon("http://example.org/?id=2"));
        assert_eq!(canon("https://Example.org/"), "https://example.org");
        assert_eq!(canon("http://example.org:8080/a/"), "http://example.org:8080/a");
        assert_eq!(canonical_text("not an address "), "not an address");
    }

    #[test]
    fn only_web_addresses_are_fetched() {
        assert_eq!(parse("file:///etc/passwd"), Err(AddressError::Scheme { scheme: "file".into() }));
        assert_eq!(parse("ftp://example.org/a"), Err(AddressError::Scheme { scheme: "ftp".into() }));
        assert!(matches!(parse("javascript:alert(1)"), Err(AddressError::Scheme { .. })));
        assert!(matches!(parse("just words"), Err(AddressError::NotAnAddress(_))));
        assert!(matches!(parse("http://"), Err(AddressError::NotAnAddress(_))));
        assert!(is_address(" https://kazinform.kz/news/1 \n"));
        assert!(!is_address("see https://kazinform.kz/news/1"));
        assert!(!is_address("file:///etc/passwd"));
        let yandex = parse("https://clck.yandex.ru/redir/dv/*https://kazinform.kz/news/1%3Fid%3D7").expect("yandex");
        assert_eq!(unwrapped(&yandex).as_str(), "https://kazinform.kz/news/1?id=7");
        // A redirector that leads to a file is no way round the rule.
        let wrapped = parse("https://www.google.com/url?url=file:///etc/passwd").expect("google's own address");
        assert_eq!(unwrapped(&wrapped), wrapped);
    }
}

//! Encryption of a team archive's connections across the office network, as libpq's `sslmode`
//! asks for it: `disable`, `prefer` (the default: encrypted where the server offers it),
//! `require` (encrypted, the server's certificate not checked), `verify-ca` (signed by a root
//! this desktop trusts) and `verify-full` (and made out to the host named). The roots are the
//! file `sslrootcert` names, `~/.postgresql/root.crt`, or the system's (`sslrootcert=system`).
//! TLS is rustls's (ring), so no system library is needed to build or run.

use std::path::PathBuf;
use std::sync::Arc;

use postgres::config::SslMode;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::server::percent_decode;
use crate::vocab::{Error, Result};

/// How much of the server's certificate is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verify {
    /// Encrypted, the certificate not checked (`prefer`, `require`).
    Nothing,
    /// Signed by a trusted root (`verify-ca`).
    Chain,
    /// Signed by a trusted root and made out to the host (`verify-full`).
    Full,
}

/// What the URL asks of the connection's encryption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Tls {
    pub mode: SslMode,
    pub verify: Verify,
    /// `sslrootcert`: a file of PEM roots, or `system`.
    pub root: Option<String>,
}

/// The URL without what the driver does not read (`sslmode=verify-…`, `sslrootcert`), and
/// what they asked for.
pub(super) fn split_url(url: &str) -> Result<(String, Tls)> {
    let mut tls = Tls { mode: SslMode::Prefer, verify: Verify::Nothing, root: None };
    let Some((base, query)) = url.split_once('?') else { return Ok((url.to_owned(), tls)) };
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => {
                (tls.mode, tls.verify) = match value {
                    "disable" => (SslMode::Disable, Verify::Nothing),
                    "allow" | "prefer" => (SslMode::Prefer, Verify::Nothing),
                    "require" => (SslMode::Require, Verify::Nothing),
                    "verify-ca" => (SslMode::Require, Verify::Chain),
                    "verify-full" => (SslMode::Require, Verify::Full),
                    other => {
                        return Err(Error::Team(format!(
                            "sslmode={other} is not one of disable, allow, prefer, require, verify-ca, verify-full"
                        )));
                    }
                };
            }
            "sslrootcert" => tls.root = Some(percent_decode(value)),
            "sslcert" | "sslkey" => {
                return Err(Error::Team(format!(
                    "{key}: client certificates are not supported; log in with a password"
                )));
            }
            _ => kept.push(pair),
        }
    }
    let mut rest = base.to_owned();
    if tls.mode == SslMode::Disable {
        kept.push("sslmode=disable");
    } else if tls.mode == SslMode::Require {
        kept.push("sslmode=require");
    }
    if !kept.is_empty() {
        rest.push('?');
        rest.push_str(&kept.join("&"));
    }
    Ok((rest, tls))
}

/// The connector for these settings.
pub(super) fn connector(tls: &Tls) -> Result<MakeRustlsConnect> {
    // ring, not aws-lc-rs: it builds with a C compiler alone (aws-lc wants CMake), which keeps
    // the build lean on every platform; its key exchange lacks the post-quantum groups.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Team(format!("TLS: {e}")))?;
    let config = match tls.verify {
        Verify::Nothing => {
            builder.dangerous().with_custom_certificate_verifier(Arc::new(Unchecked(provider))).with_no_client_auth()
        }
        Verify::Chain | Verify::Full => {
            let roots = Arc::new(roots(tls.root.as_deref())?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| Error::Team(format!("TLS: {e}")))?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Checked { webpki, check_name: tls.verify == Verify::Full }))
                .with_no_client_auth()
        }
    };
    Ok(MakeRustlsConnect::new(config))
}

/// The roots a certificate must be signed by.
fn roots(named: Option<&str>) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    let file = match named {
        Some("system") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => directories::BaseDirs::new()
            .map(|d| d.home_dir().join(".postgresql").join("root.crt"))
            .filter(|p| p.is_file()),
    };
    match file {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(&path)
                .map_err(|e| Error::Team(format!("sslrootcert {}: {e}", path.display())))?;
            for cert in certs {
                let cert = cert.map_err(|e| Error::Team(format!("sslrootcert {}: {e}", path.display())))?;
                store.add(cert).map_err(|e| Error::Team(format!("sslrootcert {}: {e}", path.display())))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = store.add(cert);
            }
        }
    }
    if store.is_empty() {
        return Err(Error::Team(
            "no root certificates to check the server's against: name them with sslrootcert".to_owned(),
        ));
    }
    Ok(store)
}

/// Checks the chain, and the name where asked (`verify-ca` leaves it).
#[derive(Debug)]
struct Checked {
    webpki: Arc<WebPkiServerVerifier>,
    check_name: bool,
}

impl ServerCertVerifier for Checked {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self.webpki.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_name => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

/// Encrypts without checking who the server is (`require`, as libpq does without a root file);
/// the handshake's signatures are still checked.
#[derive(Debug)]
struct Unchecked(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_and_sslrootcert_are_read_as_libpq_reads_them() {
        let (url, tls) =
            split_url("postgres://dana@db/press?sslmode=verify-full&sslrootcert=%2Fetc%2Foffice-ca.pem").unwrap();
        assert_eq!(url, "postgres://dana@db/press?sslmode=require");
        assert_eq!((tls.verify, tls.root.as_deref()), (Verify::Full, Some("/etc/office-ca.pem")));
        let (url, tls) = split_url("postgres://dana@db/press?application_name=x&sslmode=require").unwrap();
        assert_eq!(
            (url.as_str(), tls.verify),
            ("postgres://dana@db/press?application_name=x&sslmode=require", Verify::Nothing)
        );
        let (url, tls) = split_url("postgres://dana@db/press").unwrap();
        assert_eq!((url.as_str(), tls.mode), ("postgres://dana@db/press", SslMode::Prefer));
        assert!(split_url("postgres://db/press?sslmode=always").is_err());
        assert!(split_url("postgres://db/press?sslcert=me.pem").unwrap_err().to_string().contains("password"));
    }
}

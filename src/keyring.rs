//! The system keyring, where the window keeps a team archive's password when the user agrees,
//! and `clippings mail add` a mailbox's:
//! - on Linux, the desktop's Secret Service (GNOME Keyring, KWallet, KeePassXC) over D-Bus: an
//!   item per archive address (without its password), in the default collection;
//! - on Windows, the Credential Manager: a generic credential per address, named
//!   `clippings:<address>` (Control Panel › Credential Manager › Windows Credentials lists it).
//!
//! Elsewhere, and where no Secret Service answers, there is no keyring: the window asks each time.

/// A connection to the system keyring.
pub struct Keyring {
    #[cfg(target_os = "linux")]
    bus: zbus::blocking::Connection,
}

#[cfg(target_os = "linux")]
mod secret_service {
    use std::collections::HashMap;

    use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

    use super::Keyring;

    const SERVICE: &str = "org.freedesktop.secrets";
    const SERVICE_PATH: &str = "/org/freedesktop/secrets";
    const SERVICE_IFACE: &str = "org.freedesktop.Secret.Service";
    const DEFAULT_COLLECTION: &str = "/org/freedesktop/secrets/aliases/default";
    /// A secret as the service passes it: its session, parameters, value and content type.
    type Secret = (OwnedObjectPath, Vec<u8>, Vec<u8>, String);

    fn attributes(archive: &str) -> HashMap<&str, &str> {
        HashMap::from([("application", "clippings"), ("archive", archive)])
    }

    impl Keyring {
        /// The desktop session's keyring; `None` where there is no session bus.
        pub fn session() -> Option<Keyring> {
            zbus::blocking::Connection::session().ok().map(|bus| Keyring { bus })
        }

        /// The keyring on the bus at this address.
        pub fn at(address: &str) -> Result<Keyring, String> {
            let bus = zbus::blocking::connection::Builder::address(address)
                .and_then(|b| b.build())
                .map_err(|e| e.to_string())?;
            Ok(Keyring { bus })
        }

        fn call<B>(&self, path: &str, iface: &str, method: &str, body: &B) -> zbus::Result<zbus::Message>
        where
            B: serde::Serialize + zbus::zvariant::DynamicType,
        {
            self.bus.call_method(Some(SERVICE), path, Some(iface), method, body)
        }

        /// A session to pass secrets in, unencrypted over the local bus ("plain").
        fn open_session(&self) -> zbus::Result<OwnedObjectPath> {
            let reply = self.call(SERVICE_PATH, SERVICE_IFACE, "OpenSession", &("plain", Value::from("")))?;
            let (_, session): (OwnedValue, OwnedObjectPath) = reply.body().deserialize()?;
            Ok(session)
        }

        /// The items kept for an archive that can be read without unlocking.
        fn items(&self, archive: &str) -> zbus::Result<Vec<OwnedObjectPath>> {
            let reply = self.call(SERVICE_PATH, SERVICE_IFACE, "SearchItems", &(attributes(archive),))?;
            let (unlocked, _locked): (Vec<OwnedObjectPath>, Vec<OwnedObjectPath>) = reply.body().deserialize()?;
            Ok(unlocked)
        }

        /// The password kept for the archive at this address (without its password), if any.
        pub fn password(&self, archive: &str) -> Result<Option<String>, String> {
            let found = (|| {
                let items = self.items(archive)?;
                if items.is_empty() {
                    return Ok(None);
                }
                let session = self.open_session()?;
                let reply = self.call(SERVICE_PATH, SERVICE_IFACE, "GetSecrets", &(items, session))?;
                let secrets: HashMap<OwnedObjectPath, Secret> = reply.body().deserialize()?;
                Ok(secrets.into_values().next().and_then(|(_, _, value, _)| String::from_utf8(value).ok()))
            })();
            found.map_err(|e: zbus::Error| e.to_string())
        }

        /// Keeps the password for the archive at this address, replacing one kept before.
        pub fn keep(&self, archive: &str, password: &str) -> Result<(), String> {
            let kept = (|| -> zbus::Result<bool> {
                let session = self.open_session()?;
                let label = format!("Clippings: {archive}");
                let properties: HashMap<&str, Value> = HashMap::from([
                    ("org.freedesktop.Secret.Item.Label", Value::from(label.as_str())),
                    ("org.freedesktop.Secret.Item.Attributes", Value::from(attributes(archive))),
                ]);
                let secret: Secret = (session, Vec::new(), password.as_bytes().to_vec(), "text/plain".to_owned());
                let reply = self.call(
                    DEFAULT_COLLECTION,
                    "org.freedesktop.Secret.Collection",
                    "CreateItem",
                    &(properties, secret, true),
                )?;
                let (_item, prompt): (OwnedObjectPath, OwnedObjectPath) = reply.body().deserialize()?;
                Ok(prompt.as_str() == "/")
            })();
            match kept {
                Ok(true) => Ok(()),
                Ok(false) => Err("the keyring is locked: unlock it, then connect again".to_owned()),
                Err(e) => Err(e.to_string()),
            }
        }

        /// Forgets the password kept for the archive at this address (one the server refused).
        pub fn forget(&self, archive: &str) -> Result<(), String> {
            let forgotten = (|| {
                for item in self.items(archive)? {
                    self.call(item.as_str(), "org.freedesktop.Secret.Item", "Delete", &())?;
                }
                Ok(())
            })();
            forgotten.map_err(|e: zbus::Error| e.to_string())
        }
    }
}

#[cfg(windows)]
mod credential_manager {
    use super::Keyring;

    /// The credential for an archive or mailbox address: its name in Credential Manager is the
    /// target; the user name is the address again (Windows keys generic credentials by target).
    fn entry(address: &str) -> Result<::keyring::Entry, String> {
        ::keyring::Entry::new_with_target(&format!("clippings:{address}"), "clippings", address)
            .map_err(|e| e.to_string())
    }

    impl Keyring {
        /// Credential Manager is always there on Windows.
        pub fn session() -> Option<Keyring> {
            Some(Keyring {})
        }

        pub fn password(&self, address: &str) -> Result<Option<String>, String> {
            match entry(address)?.get_password() {
                Ok(password) => Ok(Some(password)),
                Err(::keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(e.to_string()),
            }
        }

        pub fn keep(&self, address: &str, password: &str) -> Result<(), String> {
            entry(address)?.set_password(password).map_err(|e| e.to_string())
        }

        pub fn forget(&self, address: &str) -> Result<(), String> {
            match entry(address)?.delete_credential() {
                Ok(()) | Err(::keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(e.to_string()),
            }
        }
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
impl Keyring {
    pub fn session() -> Option<Keyring> {
        None
    }

    pub fn password(&self, _archive: &str) -> Result<Option<String>, String> {
        Ok(None)
    }

    pub fn keep(&self, _archive: &str, _password: &str) -> Result<(), String> {
        Err("this system has no keyring Clippings can use yet".to_owned())
    }

    pub fn forget(&self, _archive: &str) -> Result<(), String> {
        Ok(())
    }
}

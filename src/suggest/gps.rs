//! The country a photo was taken in, from its GPS position, offline (OpenStreetMap boundaries
//! by the country-boundaries crate, ODbL).

use std::sync::LazyLock;

use crate::vocab::countries;
use crate::vocab::model::Suggestion;
use crate::vocab::tags;

static BOUNDARIES: LazyLock<Option<country_boundaries::CountryBoundaries>> = LazyLock::new(|| {
    country_boundaries::CountryBoundaries::from_reader(country_boundaries::BOUNDARIES_ODBL_360X180).ok()
});

/// The country a photo was taken in, from its GPS position, offline (OpenStreetMap boundaries
/// by the country-boundaries crate, ODbL).
pub fn country_at(latitude_deg: f64, longitude_deg: f64) -> Option<Suggestion> {
    let boundaries = BOUNDARIES.as_ref()?;
    let position = country_boundaries::LatLon::new(latitude_deg, longitude_deg).ok()?;
    let ids = boundaries.ids(position);
    let code = ids.iter().find(|id| id.len() == 2)?;
    let country = countries::lookup(code)?;
    Some(Suggestion {
        tag: tags::country_tag(country),
        score: 3.0,
        evidence: vec![format!("GPS {latitude_deg:.5}, {longitude_deg:.5}")],
        note: "where the photo was taken".to_owned(),
        weak: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_positions_to_countries() {
        let at = |lat, lon| country_at(lat, lon).map(|s| s.tag.value);
        assert_eq!(at(50.8467, 4.3525).as_deref(), Some("BE")); // Brussels
        assert_eq!(at(51.1282, 71.4304).as_deref(), Some("KZ")); // Astana
        assert_eq!(at(43.468, 11.88).as_deref(), Some("IT")); // Tuscany
        assert_eq!(at(30.0, -40.0), None); // the middle of the Atlantic
    }
}

"""The partnership map: its page, filter form, GeoJSON features and API router."""

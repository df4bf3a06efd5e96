/// The generated catalogue text and its provenance; the data lives in `Generated/CatalogData+Text.swift`, which
/// `scripts/catalog-generate` writes.
///
/// A `StaticString` is a pointer into the binary's read-only data: holding it costs nothing at start-up, and
/// its pages are read from disk only when ``ServiceCatalog/shared`` is first used.
enum CatalogData {}

extension AWSOwnedResource {
    /// The lowercased actions refused on this kind of resource, for analyses that must tell those requests
    /// apart from others.
    public var refusedActionNames: Set<String> { refusedActions }
}

extension ProfileResolver {
    /// The profiles the config file (`~/.aws/config`) defines, in its order; `profileNames` also has those
    /// found only in the credentials file, which `keyward list` must not call "in config" (issue 21, item 15).
    public var configFileProfileNames: [String] {
        profileNames.filter { catalog.profiles[$0]?.configValues != nil }
    }
}

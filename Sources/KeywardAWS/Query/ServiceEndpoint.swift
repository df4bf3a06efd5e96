import Foundation

/// Where a service is called and which region its signatures name.
///
/// STS has regional endpoints (`https://sts.REGION.amazonaws.com`, the default since the SDKs moved to
/// `sts_regional_endpoints = regional`) and the legacy global one, which signs for `us-east-1`. IAM is a
/// global service of its partition and signs for `us-east-1` (or the partition's home region).
public struct ServiceEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The base URL requests go to.
    public var url: URL
    /// The region named in the SigV4 credential scope.
    public var signingRegion: String
    /// The service named in the SigV4 credential scope (`sts`, `iam`).
    public var signingName: String

    /// Creates an endpoint.
    public init(url: URL, signingRegion: String, signingName: String) {
        self.url = url
        self.signingRegion = signingRegion
        self.signingName = signingName
    }

    public var description: String { url.absoluteString }

    /// How STS endpoints are chosen (`sts_regional_endpoints` in `~/.aws/config`).
    public enum STSEndpointMode: String, Sendable, CaseIterable {
        case regional
        case legacy
    }

    /// The STS endpoint for a region, or the override URL when one is configured.
    /// - Parameters:
    ///   - region: the region the caller uses; `nil` means the global endpoint.
    ///   - mode: `legacy` uses the global endpoint for the regions that used it before regionalisation.
    ///   - override: an `endpoint_url` / `AWS_ENDPOINT_URL_STS` value, which wins.
    /// - Throws: `AWSClientError.invalidEndpoint` when the override is not an absolute http(s) URL.
    public static func sts(
        region: String?, mode: STSEndpointMode = .regional, override: String? = nil
    ) throws(AWSClientError) -> ServiceEndpoint {
        let signingRegion = region ?? "us-east-1"
        if let override {
            return ServiceEndpoint(url: try parse(override), signingRegion: signingRegion, signingName: "sts")
        }
        guard let region, !(mode == .legacy && legacyGlobalRegions.contains(region)) else {
            return ServiceEndpoint(
                url: URL(string: "https://sts.amazonaws.com")!, signingRegion: "us-east-1", signingName: "sts")
        }
        let host = "sts.\(region).\(dnsSuffix(for: region))"
        guard let url = URL(string: "https://\(host)") else { throw .invalidEndpoint(host) }
        return ServiceEndpoint(url: url, signingRegion: region, signingName: "sts")
    }

    /// The IAM endpoint of the region's partition, or the override URL when one is configured.
    /// - Throws: `AWSClientError.invalidEndpoint` when the override is not an absolute http(s) URL.
    public static func iam(region: String?, override: String? = nil) throws(AWSClientError) -> ServiceEndpoint {
        let region = region ?? "us-east-1"
        let (host, signingRegion): (String, String)
        if region.hasPrefix("cn-") {
            (host, signingRegion) = ("iam.cn-north-1.amazonaws.com.cn", "cn-north-1")
        } else if region.hasPrefix("us-gov-") {
            (host, signingRegion) = ("iam.us-gov.amazonaws.com", "us-gov-west-1")
        } else {
            (host, signingRegion) = ("iam.amazonaws.com", "us-east-1")
        }
        if let override {
            return ServiceEndpoint(url: try parse(override), signingRegion: signingRegion, signingName: "iam")
        }
        return ServiceEndpoint(url: URL(string: "https://\(host)")!, signingRegion: signingRegion, signingName: "iam")
    }

    /// A regional endpoint, `https://PREFIX.REGION.amazonaws.com`, or the override URL when one is configured.
    /// - Parameters:
    ///   - hostPrefix: the host's first label(s): `s3`, `cloudtrail`, `oidc`, `portal.sso`.
    ///   - signingName: the SigV4 service name: `s3`, `cloudtrail`, `awsssoportal`.
    ///   - region: the region; `nil` means `us-east-1`.
    ///   - override: an `endpoint_url` value, which wins.
    /// - Throws: `AWSClientError.invalidEndpoint` when the override is not an absolute http(s) URL.
    public static func regional(
        hostPrefix: String, signingName: String, region: String?, override: String? = nil
    ) throws(AWSClientError) -> ServiceEndpoint {
        let region = region ?? "us-east-1"
        if let override {
            return ServiceEndpoint(url: try parse(override), signingRegion: region, signingName: signingName)
        }
        let host = "\(hostPrefix).\(region).\(dnsSuffix(for: region))"
        guard let url = URL(string: "https://\(host)"), url.host != nil else { throw .invalidEndpoint(host) }
        return ServiceEndpoint(url: url, signingRegion: region, signingName: signingName)
    }

    static func parse(_ string: String) throws(AWSClientError) -> URL {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { throw .invalidEndpoint(string) }
        return url
    }

    static func dnsSuffix(for region: String) -> String {
        region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    }

    // Regions whose STS calls went to the global endpoint in the SDKs' legacy mode.
    static let legacyGlobalRegions: Set<String> = [
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    ]
}

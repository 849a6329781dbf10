import AuswegHTTP

/// The headers every response carries, on every status and listener.
///
/// Nothing may be stored (`no-store`), nothing runs (no script source at
/// all), nothing embeds the site, no feature is granted. HSTS goes out on
/// HTTPS only: the onion side must never send it.
enum HeaderPolicy {
    /// Two years, the preload list's expectation.
    static let hstsSeconds = 63_072_000

    /// `data:` images are allowed for the empty favicon (`data:,`), which
    /// keeps browsers from asking for /favicon.ico: Firefox loads it
    /// through the page's policy and reports it as blocked without `data:`.
    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src \(Stylesheet.hashSource)", "img-src 'self' data:",
        "media-src 'self'", "form-action 'none'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static let permissionsPolicy = [
        "accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth", "camera",
        "display-capture", "document-domain", "encrypted-media", "fullscreen", "gamepad",
        "geolocation", "gyroscope", "hid", "idle-detection", "local-fonts", "magnetometer",
        "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "web-share", "xr-spatial-tracking",
    ].map { "\($0)=()" }.joined(separator: ", ")

    static func fields(for listener: ListenerKind) -> [(String, String)] {
        var fields = [
            ("Cache-Control", "no-store"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("Content-Security-Policy", contentSecurityPolicy),
            ("Permissions-Policy", permissionsPolicy),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
        ]
        if listener == .https {
            fields.append(("Strict-Transport-Security", "max-age=\(hstsSeconds)"))
        }
        return fields
    }
}

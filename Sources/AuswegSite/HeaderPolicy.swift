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

    /// Only features Chromium knows: it warns in the console of every page
    /// about each name it does not (ambient-light-sensor, battery, bluetooth,
    /// document-domain and web-share in Chromium 156), and no page runs a
    /// script that could ask for any of them.
    static let permissionsPolicy = [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "idle-detection",
        "local-fonts", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
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

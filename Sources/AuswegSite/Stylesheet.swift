/// The one stylesheet, inlined into every page and allowed by its hash in
/// the Content-Security-Policy. Logical properties (`inline-start`, not
/// `left`) mirror the layout for right-to-left languages by themselves.
enum Stylesheet {
    static let css = """
        *{box-sizing:border-box}
        html{font:1.125rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
        body{margin:0}
        .exit{position:sticky;inset-block-start:0;z-index:9;display:block;padding:.8rem 1rem;\
        background:#b00020;color:#fff;font-size:1.3rem;font-weight:700;text-align:center;\
        text-decoration:none;border-block-end:3px solid #fff}
        .exit:focus{outline:4px solid #ffbf00;outline-offset:-4px}
        .exit small{display:block;font-size:.8rem;font-weight:400}
        .skip{position:absolute;inset-inline-start:-999rem}
        .skip:focus{position:static;display:block;padding:.5rem 1rem;background:#ffbf00;color:#000}
        header,main,footer{max-inline-size:40rem;margin-inline:auto;padding-inline:1rem}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
        nav a{display:inline-block;padding:.3rem .6rem;border:1px solid #555;border-radius:.4rem;\
        color:#1a1a1a;text-decoration:none}
        nav a[aria-current]{background:#1a1a1a;color:#fff}
        .langs{margin-block:.6rem}
        .langs summary{padding:.3rem 0;cursor:pointer}
        .langs a{font-size:.95rem;padding:.2rem .5rem}
        a{color:#0b4fa8}
        h1{font-size:1.6rem;line-height:1.25}
        h2{font-size:1.25rem}
        .call{margin-block:1.5rem;padding:1rem;border:3px solid #0b6b2e;border-radius:.6rem}
        .call a{display:block;padding:.8rem;background:#0b6b2e;color:#fff;font-size:1.4rem;\
        font-weight:700;text-align:center;text-decoration:none;border-radius:.4rem}
        .call a+a{margin-block-start:.5rem}
        .questions{list-style:none;padding:0}
        .questions li{margin-block:.8rem;padding:.6rem;border:1px solid #999;border-radius:.4rem}
        .questions input{inline-size:1.6rem;block-size:1.6rem;vertical-align:middle;\
        margin-inline-end:.6rem}
        .questions label{vertical-align:middle}
        .meaning,.closing{display:none}
        .meaning{margin-block:.5rem 0;padding-inline-start:.8rem;\
        border-inline-start:4px solid #0b4fa8}
        input:checked~.meaning{display:block}
        main:has(.questions input:checked) .closing{display:block;padding:1rem;\
        background:#eef6ee;border-radius:.6rem}
        .ltr,p a[href^="tel:"],li a[href^="tel:"]{unicode-bidi:isolate;direction:ltr}
        blockquote{margin-inline:0;padding-inline-start:.8rem;border-inline-start:4px solid #8a6d00}
        .onion{overflow-wrap:anywhere;font-family:monospace,monospace}
        footer{margin-block:2rem;font-size:.9rem;color:#444}
        @media print{.exit{display:none}}
        """

    /// `'sha256-…'`, the source expression for `style-src`.
    static let hashSource = "'sha256-\(Digest.sha256Base64(css))'"
}

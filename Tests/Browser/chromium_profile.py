"""A fresh Chromium user data folder for the tests and the switches to run
it with: JavaScript off, every background network feature off, all traffic
through the harness proxy, and the test CA trusted in one NSS database
inside the test's own HOME.

The switches follow the list Chromium keeps for automation tools
(docs/chrome_flags_for_tools.md), less those that change what Chromium
stores about a visited page: autofill, history, cache and session restore
stay as a reader's default profile has them, so that the no-trace test sees
what she would leave. Whatever Chromium still tries to reach shows up in the
proxy's `foreign_requests`, which every test asserts empty.
"""

import json
import pathlib

import browser_process

# Content settings take 1 for allow and 2 for block.
BLOCK = 2

# Background services the browser runs of its own accord: component and
# variations updates, sync, crash and domain-reliability reports, default
# apps and extensions, pings (<a ping>), the first-run and default-browser
# questions, and the search-engine choice screen.
BACKGROUND = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-component-extensions-with-background-pages",
    "--no-pings",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-search-engine-choice-screen",
    "--disable-field-trial-config",
    "--disable-notifications",
]

# Features that fetch from Google when they are on: translation, the
# optimisation guide's hints and models, the media router's Cast and DIAL
# discovery, network time, autofill's field-type server, the lens overlay,
# safe browsing's real-time lookups and client-side phishing models, and the
# interest feed.
FEATURES_OFF = [
    "Translate", "TranslateUI", "OptimizationHints", "OptimizationHintsFetching",
    "OptimizationGuideModelDownloading", "OptimizationTargetPrediction", "MediaRouter",
    "DialMediaRouteProvider", "CastMediaRouteProvider", "GlobalMediaControls",
    "NetworkTimeServiceQuerying", "AutofillServerCommunication", "LensOverlay",
    "SafeBrowsingRealTimeUrlLookup", "ClientSidePhishingDetection",
    "InterestFeedContentSuggestions", "CertificateTransparencyComponentUpdater",
    "MediaEngagementBypassAutoplayPolicies", "PreloadMediaEngagementData",
]

# The profile's own preferences (Default/Preferences): JavaScript blocked
# for every site, and what the switches above cannot reach. Captive-portal
# probes run only while alternate error pages are on; safe browsing,
# prediction (DNS prefetch, preconnect) and spelling's dictionary downloads
# each have a preference of their own.
PROFILE_PREFERENCES = {
    "profile": {"default_content_setting_values": {"javascript": BLOCK},
                "password_manager_leak_detection": False},
    "safebrowsing": {"enabled": False, "enhanced": False},
    "safebrowsing_for_trusted_sources_enabled": False,
    "alternate_error_pages": {"enabled": False},
    "net": {"network_prediction_options": 2},
    "search": {"suggest_enabled": False},
    "translate": {"enabled": False},
    "spellcheck": {"use_spelling_service": False, "dictionaries": []},
    "browser": {"enable_spellchecking": False, "check_default_browser": False,
                "has_seen_welcome_page": True},
    "media_router": {"enable_media_router": False},
    "signin": {"allowed": False},
    "url_keyed_anonymized_data_collection": {"enabled": False},
    "privacy_sandbox": {"m1": {"topics_enabled": False, "fledge_enabled": False,
                               "ad_measurement_enabled": False}},
}

# The browser-wide preferences (Local State): no usage statistics, nothing
# kept running in the background after the last window closes.
LOCAL_STATE = {
    "user_experience_metrics": {"reporting_enabled": False},
    "background_mode": {"enabled": False},
    "browser": {"enabled_labs_experiments": []},
    "optimization_guide": {"on_device_foundational_model_user_settings": False,
                           "gen_ai_local_foundational_model_settings": 1},
}


def switches(profile, proxy_port, model_settings):
    """Chromium's command line after the binary: headless, the profile,
    DevTools on a port of its choosing (written to DevToolsActivePort in
    the profile), every request through the proxy. `model_settings` is the
    file write_model_settings() wrote."""
    return [
        "--headless",
        # Chromium refuses to run as root inside its own sandbox; the tests
        # run as root in a namespace without network.
        "--no-sandbox",
        f"--user-data-dir={profile}",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--proxy-server=http://127.0.0.1:{proxy_port}",
        # Without this Chromium sends loopback addresses past the proxy;
        # with it, the proxy sees every request.
        "--proxy-bypass-list=<-loopback>",
        # Scrollbars on top of the page, as on a phone: the page keeps the
        # viewport's whole width.
        "--hide-scrollbars",
        "--disable-features=" + ",".join(FEATURES_OFF),
        # The optimisation guide registers the manifest of its on-device
        # models with the component updater and asks for it at once, even
        # with --disable-component-update and the model switched off in
        # Local State (component_updater/
        # optimization_guide_on_device_model_installer.cc). Given a local
        # settings file instead, it takes the manifest from there and asks
        # the updater for nothing.
        f"--optimization-guide-manifest-override={model_settings}",
        *BACKGROUND,
        "about:blank",
    ]


def write_model_settings(path):
    """Writes the optimisation guide's local settings: no manifest, no
    model."""
    pathlib.Path(path).write_text(json.dumps({"components": {}}) + "\n")


def create(folder, home, ca_file, javascript=False):
    """Makes the user data folder `folder` (which must not exist yet) and
    trusts the CA in `home`'s NSS database. Returns `folder`."""
    folder = pathlib.Path(folder)
    (folder / "Default").mkdir(parents=True)
    chosen = json.loads(json.dumps(PROFILE_PREFERENCES))
    if javascript:
        chosen["profile"]["default_content_setting_values"]["javascript"] = 1
    (folder / "Default/Preferences").write_text(json.dumps(chosen))
    (folder / "Local State").write_text(json.dumps(LOCAL_STATE))
    trust(pathlib.Path(home) / ".pki/nssdb", ca_file)
    return folder


def trust(database, ca_file):
    """Adds the test CA to one NSS database as a CA for web sites (trust
    "C,,"): Chromium on Linux reads $HOME/.pki/nssdb, so no other program
    or user trusts it."""
    database.mkdir(parents=True)
    browser_process.trust_ca(database, ca_file)

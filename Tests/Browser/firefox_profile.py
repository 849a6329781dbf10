"""A fresh Firefox profile for the tests: JavaScript off, every background
network feature off, all traffic through the harness proxy, and the test CA
trusted by this profile alone.

The preferences follow what Firefox's remote agent recommends for automation
(remote/shared/RecommendedPreferences.sys.mjs in Firefox 153), plus what
that list leaves on because a test run may want it (search suggestions,
pocket, relay, DNS-over-HTTPS, prefetching, push, geolocation). None of them
changes what Firefox stores about a visited page: the no-trace test must see
what a reader's default profile keeps. Whatever Firefox still tries to reach
shows up in the proxy's `foreign_requests`, which every test asserts empty.
"""

import json
import pathlib

import browser_process

# Updates, add-ons, studies and experiments, and the remote settings that
# feed blocklists, CRLite and intermediates.
UPDATES = {
    "app.update.disabledForTesting": True,
    "app.update.auto": False,
    "app.update.checkInstallTime": False,
    "app.update.staging.enabled": False,
    "app.normandy.enabled": False,
    "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "extensions.update.enabled": False,
    "extensions.update.autoUpdateDefault": False,
    "extensions.systemAddon.update.enabled": False,
    "extensions.blocklist.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.getAddons.discovery.api_url": "",
    "extensions.htmlaboutaddons.recommendations.enabled": False,
    "extensions.pocket.enabled": False,
    "media.gmp-manager.updateEnabled": False,
    "media.gmp-manager.url": "",
    "media.gmp-gmpopenh264.enabled": False,
    "media.gmp-widevinecdm.enabled": False,
    "browser.search.update": False,
    "general.useragent.updates.enabled": False,
    # Honoured on release builds only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1
    # in the environment (services-settings/Utils.sys.mjs); this exact value
    # then makes remote settings skip every sync.
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "security.remote_settings.crlite_filters.enabled": False,
    "security.remote_settings.intermediates.enabled": False,
    "security.OCSP.enabled": 0,
}

# Telemetry, health report, crash report pings, usage data.
TELEMETRY = {
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.healthreport.service.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.policy.dataSubmissionPolicyBypassNotification": True,
    "datareporting.usage.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.newProfilePing.enabled": False,
    "toolkit.telemetry.shutdownPingSender.enabled": False,
    "toolkit.telemetry.firstShutdownPing.enabled": False,
    "toolkit.telemetry.updatePing.enabled": False,
    "toolkit.telemetry.bhrPing.enabled": False,
    "toolkit.coverage.endpoint.base": "",
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "telemetry.fog.test.localhost_port": -1,
    "browser.crashReports.unsubmittedCheck.enabled": False,
}

# Safe browsing and the tracking-protection lists that share its updater.
SAFE_BROWSING = {
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.passwords.enabled": False,
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.provider.google4.gethashURL": "",
    "browser.safebrowsing.provider.google.updateURL": "",
    "browser.safebrowsing.provider.google.gethashURL": "",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.safebrowsing.provider.mozilla.gethashURL": "",
}

# What Firefox fetches for its own pages and helpers: new tab, sponsored
# tiles, recommendations, messaging, search suggestions, Relay, translations,
# accounts, region and location lookups, push.
BROWSER_SERVICES = {
    "browser.startup.homepage": "about:blank",
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "about:blank",
    "startup.homepage_welcome_url.additional": "",
    "browser.aboutwelcome.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.newtab.preload": False,
    "browser.newtabpage.activity-stream.feeds.topsites": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.showSponsoredTopSites": False,
    "browser.newtabpage.activity-stream.asrouter.userprefs.cfr.addons": False,
    "browser.newtabpage.activity-stream.asrouter.userprefs.cfr.features": False,
    "browser.topsites.contile.enabled": False,
    "browser.discovery.enabled": False,
    "browser.uitour.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.search.suggest.enabled": False,
    "browser.urlbar.suggest.searches": False,
    "browser.urlbar.quicksuggest.enabled": False,
    "browser.urlbar.merino.endpointURL": "",
    "browser.urlbar.speculativeConnect.enabled": False,
    "browser.places.speculativeConnect.enabled": False,
    "browser.translations.enable": False,
    "browser.ml.enable": False,
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "browser.pagethumbnails.capturing_disabled": True,
    "signon.firefoxRelay.feature": "disabled",
    "signon.management.page.breach-alerts.enabled": False,
    "identity.fxaccounts.enabled": False,
    "geo.enabled": False,
    "geo.provider.network.url": "",
    "dom.push.enabled": False,
    "dom.push.connection.enabled": False,
    "termsofuse.bypassNotification": True,
}

# The network itself: no captive-portal or connectivity probes, no DNS of
# its own (DoH off, no prefetch), no speculative connections, and every
# request through the proxy, never straight out should the proxy refuse.
NETWORK = {
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.manage-offline-status": False,
    "network.trr.mode": 5,
    "network.dns.disablePrefetch": True,
    "network.dns.disablePrefetchFromHTTPS": True,
    "network.prefetch-next": False,
    "network.predictor.enabled": False,
    "network.predictor.enable-prefetch": False,
    "network.http.speculative-parallel-limit": 0,
    "network.proxy.type": 1,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": True,
    "network.proxy.failover_direct": False,
    "network.proxy.share_proxy_settings": True,
}

# Automation: the Marionette port is set per profile; Firefox's own
# recommended preferences stay off so that this file is the whole list.
AUTOMATION = {
    "remote.prefs.recommended": False,
    "marionette.debugging.clicktostart": False,
    "focusmanager.testmode": True,
    "dom.disable_beforeunload": True,
    "toolkit.startup.max_resumed_crashes": -1,
    "browser.tabs.warnOnClose": False,
    "browser.warnOnQuit": False,
    "javascript.enabled": False,
    "toolkit.legacyUserProfileCustomizations.stylesheets": True,
}

# The browser window keeps itself at least 500 pixels wide
# (browser-shared.css, --window-min-width), wider than a phone; the
# profile's own chrome style lifts that limit, so the page can be 390 wide.
WINDOW_STYLE = ":root { min-width: 0 !important; }\n"


def preferences(marionette_port, proxy_port):
    """Every preference the test profile sets, by name."""
    chosen = {}
    for group in (UPDATES, TELEMETRY, SAFE_BROWSING, BROWSER_SERVICES, NETWORK, AUTOMATION):
        chosen.update(group)
    chosen.update({
        "marionette.port": marionette_port,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": proxy_port,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": proxy_port,
    })
    return chosen


def create(folder, marionette_port, proxy_port, ca_file, extra=None):
    """Makes a profile in `folder` (which must not exist yet) and returns its
    path. `extra` adds or overrides preferences for one test."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True)
    chosen = preferences(marionette_port, proxy_port)
    chosen.update(extra or {})
    lines = [f"user_pref({json.dumps(name)}, {json.dumps(value)});"
             for name, value in sorted(chosen.items())]
    (folder / "user.js").write_text("\n".join(lines) + "\n")
    (folder / "chrome").mkdir()
    (folder / "chrome/userChrome.css").write_text(WINDOW_STYLE)
    # The profile's own certificate database, so that no other program
    # trusts the CA.
    browser_process.trust_ca(folder, ca_file)
    return folder

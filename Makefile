# The whole set-up is two commands: `make run` and `make test`. Both install
# the Debian packages they need first, and only those that are missing.

PACKAGES := pkg-config libssl-dev zlib1g-dev libcmark-dev curl openssl tor python3 util-linux
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export SWIFT_BACKTRACE := enable=no
# The test scripts in tor/testnet/ leave no __pycache__ behind.
export PYTHONDONTWRITEBYTECODE := 1

# The private Tor network test ends itself after 420 s; this is the last
# resort should it hang (SIGTERM still tears its network down).
TOR_TEST_LIMIT := 480

.PHONY: run test deps build release lint clean tor-test tor-service-off bench bench-deps

run: release
	.build/release/ausweg

# Suites that load the machine with thousands of connections or exhaust its
# descriptors run alone, after the rest, so they starve no other test.
LOAD_SUITES := SlowClientLoadTests|IdleMemoryTests|DescriptorExhaustionTests|ConnectionCapTests

test: deps lint
	swift build --build-tests
	swift test --skip-build --skip '$(LOAD_SUITES)'
	swift test --skip-build --filter '$(LOAD_SUITES)'
	$(MAKE) tor-test

# The onion service on a private Tor network on 127.0.0.1 (tor/testnet/).
tor-test:
	python3 -m unittest discover -s tor/testnet -p 'test_*.py'
	timeout -k 30 $(TOR_TEST_LIMIT) python3 tor/testnet/onion_test.py \
	    --binary $(CURDIR)/.build/debug/ausweg --root $(CURDIR)

# Debian's tor package starts a tor with the default configuration, which
# would try to reach the public Tor network: a policy-rc.d forbids service
# starts while installing (CI has none; one already there is kept).
deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' \
	        || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    policy=/usr/sbin/policy-rc.d; made_policy=; \
	    if [ ! -e $$policy ]; then \
	        printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee $$policy >/dev/null && \
	        $(SUDO) chmod 755 $$policy && made_policy=1; \
	    fi; \
	    $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends $$missing; \
	    status=$$?; \
	    if [ -n "$$made_policy" ]; then $(SUDO) rm -f $$policy; fi; \
	    case " $$missing " in *" tor "*) $(MAKE) --no-print-directory tor-service-off;; esac; \
	    [ $$status = 0 ] || exit $$status; \
	fi

# Run once tor's package is installed: its service stays off at boot, and a
# tor the package did start (an existing policy-rc.d that allowed it) is
# stopped. With systemd, stopping tor.service stops tor@default, which is
# part of it; without, that tor is found by its command line
# (`/usr/bin/tor --defaults-torrc .../tor-service-defaults-torrc ...`) and
# stopped by its PID.
tor-service-off:
	@if [ -d /run/systemd/system ]; then \
	    $(SUDO) systemctl disable --now tor.service; \
	else \
	    $(SUDO) update-rc.d tor disable >/dev/null; \
	    for dir in /proc/[0-9]*; do \
	        case "$$(tr '\0' ' ' < $$dir/cmdline 2>/dev/null)" in \
	        "/usr/bin/tor --defaults-torrc "*tor-service-defaults-torrc*) \
	            echo "stopping the tor service its package started: $${dir#/proc/}"; \
	            $(SUDO) kill $${dir#/proc/};; \
	        esac; \
	    done; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

# Not part of `make test`: it takes minutes and wants the machine to itself.
# Installing Debian's nginx would start its service with the default site;
# a policy-rc.d that refuses every start (made only if none exists, removed
# afterwards) keeps it stopped, and the service is disabled for later boots.
BENCH_PACKAGES := nginx libnginx-mod-http-headers-more-filter wrk gcc python3 util-linux
POLICY_RC := /usr/sbin/policy-rc.d

bench-deps: deps
	@missing=$$(for p in $(BENCH_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' \
	        || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    if [ ! -e $(POLICY_RC) ]; then \
	        trap '$(SUDO) rm -f $(POLICY_RC)' EXIT; \
	        printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee $(POLICY_RC) >/dev/null; \
	        $(SUDO) chmod 755 $(POLICY_RC); \
	    fi; \
	    $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	    if echo "$$missing" | grep -qx nginx; then \
	        if command -v systemctl >/dev/null; then $(SUDO) systemctl -q disable nginx; \
	        else $(SUDO) update-rc.d nginx disable; fi; \
	    fi; \
	fi

bench: bench-deps release
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build

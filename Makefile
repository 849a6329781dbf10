# The whole set-up is two commands: `make run` and `make test`. Both install
# the Debian packages they need first, and only those that are missing.

PACKAGES := pkg-config libssl-dev zlib1g-dev libcmark-dev curl openssl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export SWIFT_BACKTRACE := enable=no

.PHONY: run test deps build release lint clean

run: release
	.build/release/ausweg

test: deps lint
	swift build
	swift test

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' \
	        || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build

# The interface of this repository. `make serve` and `make test` are all a fresh machine
# needs: both install what is missing first (scripts/install-tools.sh, idempotent).
SHELL := /bin/bash
# npm's wasm-opt (binaryen 132) must come before any system wasm-opt.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help tools serve dist test test-native test-wasm test-e2e lint size snapshot bench clean

help:
	@echo "make serve   install tools, then trunk serve on http://127.0.0.1:8080"
	@echo "make test    install tools, then lint + native + browser + e2e tests"
	@echo "make dist    the deployable bundle in dist/: release build, prerendered pages,"
	@echo "            CSP and host configs; prints its sizes"
	@echo "make size    sizes of the files in dist/ (raw, gzip, brotli)"
	@echo "make bench   Lighthouse, static-LCP ratio, sizes and a diagram trace (target/bench/)"
	@echo "make snapshot  refresh public/github-snapshot.json (needs network)"

tools:
	@scripts/install-tools.sh

serve: tools
	cargo fetch --locked --quiet
	trunk serve

dist: tools
	@scripts/build-dist.sh
	@node scripts/sizes.mjs dist

size:
	@node scripts/sizes.mjs dist

# Prints numbers, asserts nothing (these machines are noisy); about 10 minutes.
bench: dist
	node scripts/bench.mjs

# Needs network (api.github.com); run in the deploy workflow, never in tests.
snapshot:
	node scripts/github-snapshot.mjs

test: tools
	@scripts/test.sh

# The layers one by one (no tool install, no summary), for working on one of them.
lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --tests -- -D warnings

test-native:
	cargo test --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown $(patsubst tests/%.rs,--test %,$(wildcard tests/web_*.rs))

test-e2e: dist
	node --test tests/e2e/

clean:
	cargo clean
	rm -rf dist

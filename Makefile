# The interface of this repository. `make serve` and `make test` are all a fresh machine
# needs: both install what is missing first (scripts/install-tools.sh, idempotent).
SHELL := /bin/bash
# npm's wasm-opt (binaryen 132) must come before any system wasm-opt.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help tools serve dist verify-dist repro-test test test-native test-wasm test-e2e lint size snapshot bench page-cost clean

help:
	@echo "make serve   install tools, then trunk serve on http://127.0.0.1:8080"
	@echo "make test    install tools, then lint + native + browser + e2e tests"
	@echo "make dist    the deployable bundle in dist/: release build, prerendered pages,"
	@echo "            CSP and host configs; prints its sizes"
	@echo "            and its manifest, dist/.well-known/dstack-site-manifest.json"
	@echo "make verify-dist [REF=dist|manifest file|manifest URL]  rebuild that commit in a"
	@echo "            clean clone and name every file that differs"
	@echo "make repro-test  build HEAD twice from two clean clones (one path with a space)"
	@echo "            and fail on any difference (~11 min warm, ~17 cold)"
	@echo "make size    sizes of the files in dist/ (raw, gzip, brotli)"
	@echo "make bench   Lighthouse, static-LCP ratio, sizes, a diagram trace (target/bench/)"
	@echo "            and what one more page of prose costs the wasm (make page-cost)"
	@echo "make snapshot  refresh public/github-snapshot.json (needs network)"

tools:
	@scripts/install-tools.sh

serve: tools
	cargo fetch --locked --quiet
	trunk serve

dist: tools
	@scripts/build-dist.sh
	@node scripts/sizes.mjs dist

# Rebuilds the commit a built site names (its manifest) in a clean clone; prints each
# differing file. REF: a dist dir (default), a manifest file or URL.
REF ?= dist
verify-dist: tools
	@scripts/verify-dist.sh "$(REF)"

# Two clean builds of HEAD at different paths must be byte-identical (issue #19).
repro-test: tools
	@scripts/repro-test.sh

size:
	@node scripts/sizes.mjs dist

# Prints numbers, asserts nothing (these machines are noisy); about 10 minutes.
bench: dist
	node scripts/bench.mjs
	@scripts/page-cost.sh || true

# Builds the shipped wasm with and without one more prose page; fails above 1 KB brotli.
page-cost: tools
	@scripts/page-cost.sh

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

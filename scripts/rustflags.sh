# Sourced by scripts/build-dist.sh and scripts/page-cost.sh: exports CARGO_ENCODED_RUSTFLAGS
# for the wasm builds, and sets target_dir (absolute).
#
# rustc writes the absolute paths of the sources it compiles into panic messages: the
# cargo registry's crates, and whatever a build script writes under the target directory
# (OUT_DIR) for the crate to `include!`. Remap both to fixed names. The checkout itself needs
# no remapping: cargo names workspace sources by relative paths (src/…, verifier/src/…).
# Both prefixes are the same for every checkout that shares a target directory, so the flags
# are too, and cargo reuses the compiled dependencies (make repro-test, make verify-dist).
# CARGO_ENCODED_RUSTFLAGS (0x1f-separated, so a path with a space survives) replaces
# `target.wasm32-unknown-unknown.rustflags` in .cargo/config.toml: those are read from there
# and passed along.
target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
cargo_home="$(realpath -m "${CARGO_HOME:-$HOME/.cargo}")"
config_flags=$(node -e '
  const toml = require("fs").readFileSync(".cargo/config.toml", "utf8");
  const section = toml.split(/^\[target\.wasm32-unknown-unknown\]$/m)[1]?.split(/^\[/m)[0] ?? "";
  const list = /^rustflags\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1] ?? "";
  process.stdout.write([...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("\x1f"));')
# Later remappings win in rustc: the target dir (maybe inside CARGO_HOME's parent) comes last.
CARGO_ENCODED_RUSTFLAGS="$config_flags"
for flag in "--remap-path-prefix=$cargo_home=/cargo" "--remap-path-prefix=$target_dir=/target"; do
  CARGO_ENCODED_RUSTFLAGS+=$'\x1f'"$flag"
done
export CARGO_ENCODED_RUSTFLAGS="${CARGO_ENCODED_RUSTFLAGS#$'\x1f'}"


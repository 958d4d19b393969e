// "Is this file being run as a script, not imported?" for the build scripts. Compares real
// paths, never URL strings: a checkout whose path has a space is %20 in `import.meta.url`
// but not in `process.argv[1]`, and the scripts then silently did nothing (issue #19); a
// symlinked path is resolved too.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Whether the module at `moduleUrl` (its `import.meta.url`) is the script node was given. */
export function isMainModule(moduleUrl) {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false; // `node -e`, a REPL, or a script path that no longer exists
  }
}

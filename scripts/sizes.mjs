// Sizes of the files in a built bundle: raw, gzip (level 9) and brotli (quality 11),
// as a static host would serve them compressed.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { isMainModule } from "./main-module.mjs";

export async function bundleSizes(dir) {
  const names = (await readdir(dir)).filter((n) => /\.(wasm|js|css|html)$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(dir, name));
      return {
        name,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      };
    }),
  );
}

export function formatSizes(files) {
  const rows = files.map((f) =>
    [f.name.padEnd(44), String(f.raw).padStart(9), String(f.gzip).padStart(9), String(f.brotli).padStart(9)].join(" "),
  );
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return [
    `${"file".padEnd(44)} ${"raw B".padStart(9)} ${"gzip B".padStart(9)} ${"brotli B".padStart(9)}`,
    ...rows,
    `${"total".padEnd(44)} ${String(total.raw).padStart(9)} ${String(total.gzip).padStart(9)} ${String(total.brotli).padStart(9)}`,
  ].join("\n");
}

if (isMainModule(import.meta.url)) {
  console.log(formatSizes(await bundleSizes(process.argv[2] ?? "dist")));
}

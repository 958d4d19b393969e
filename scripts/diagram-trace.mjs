// Records a Chromium performance trace while the architecture diagram plays one whole flow
// on the release build, and prints the long tasks (> 50 ms) and main-thread busy time.
//
//   node scripts/diagram-trace.mjs            (after `make dist`; DIST_DIR overrides dist/)
//
// Prints one JSON line; `OUT=file.json` also writes it. Timing is printed, never asserted:
// these machines are noisy.
import { writeFileSync } from "node:fs";
import { isMainModule } from "./main-module.mjs";
import { launch, openPage, visit } from "../tests/e2e/browser.mjs";

const FLOW = "A visitor's HTTPS request";
const LONG_MS = 50;

export async function traceDiagram() {
  const env = await launch();
  try {
    const { page, context } = await openPage(env, { width: 1280, height: 900 });
    await visit(env, page, "/architecture");
    await page.locator(".diagram-svg").scrollIntoViewIfNeeded();
    await page.locator("select[name=flow]").selectOption({ label: FLOW });
    await page.locator("[data-action=restart]").click();
    if ((await page.locator("[data-action=play]").textContent()) !== "Pause") {
      await page.locator("[data-action=play]").click();
    }
    const steps = await page.locator(".diagram-steps li").count();
    await env.browser.startTracing(page, { categories: ["devtools.timeline", "toplevel"] });
    const started = Date.now();
    // One whole loop: back to step 1 after the last step.
    await page.waitForFunction(
      (n) => document.querySelector(".diagram-caption").textContent.startsWith(`Step ${n} `),
      steps,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () => document.querySelector(".diagram-caption").textContent.startsWith("Step 1 "),
      null,
      { timeout: 60_000 },
    );
    const elapsedMs = Date.now() - started;
    const trace = JSON.parse((await env.browser.stopTracing()).toString());
    await context.close();
    return summarise(trace.traceEvents ?? trace, elapsedMs, steps);
  } finally {
    await env.close();
  }
}

/** Top-level tasks on the renderer's main thread: count, long ones, busy ms per second. */
export function summarise(events, elapsedMs, steps) {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const tasks = events.filter(
    (e) =>
      main &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ph === "X" &&
      (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask"),
  );
  const durations = tasks.map((e) => (e.dur ?? 0) / 1000);
  const long = durations.filter((d) => d > LONG_MS);
  const busy = durations.reduce((a, b) => a + b, 0);
  return {
    flow: FLOW,
    steps,
    elapsed_ms: elapsedMs,
    tasks: durations.length,
    long_tasks: long.length,
    long_task_ms: Math.round(long.reduce((a, b) => a + b, 0)),
    longest_task_ms: Math.round(Math.max(0, ...durations) * 10) / 10,
    main_thread_ms_per_s: Math.round((busy / (elapsedMs / 1000)) * 10) / 10,
  };
}

if (isMainModule(import.meta.url)) {
  const result = await traceDiagram();
  const line = JSON.stringify(result);
  console.log(line);
  if (process.env.OUT) writeFileSync(process.env.OUT, line + "\n");
}

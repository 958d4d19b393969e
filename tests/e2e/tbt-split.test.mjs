// `make bench`'s split of total blocking time by kind of work (scripts/tbt-split.mjs), on
// made-up Lantern simulations: no browser, no Lighthouse run.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as Lantern from "@paulirish/trace_engine/models/trace/lantern/lantern.js";
import { kindOf, resetSimulations, split } from "../../scripts/tbt-split.mjs";

const ev = (name, ms) => ({ name, dur: ms * 1000 });
const cpu = (childEvents) => ({ type: "cpu", childEvents, duration: childEvents.reduce((s, e) => s + e.dur, 0) });
const timing = (startTime, endTime) => ({ startTime, endTime });
const network = { type: "network" };

/** Lantern's per-metric simulations, the same on both sides (optimistic, pessimistic). */
function simulate({ fcp, lcp, tasks }) {
  resetSimulations();
  const all = Lantern.Simulation.Simulator.allNodeTimings;
  const full = new Map([[network, timing(0, 600)], ...tasks]);
  for (const side of ["optimistic", "pessimistic"]) {
    all.set(`${side}FirstContentfulPaint`, new Map([[network, timing(0, fcp)]]));
    all.set(`${side}LargestContentfulPaint`, new Map([[network, timing(0, lcp)]]));
    all.set(`${side}Interactive`, full);
    all.set(`${side}TotalBlockingTime`, full);
  }
}

test("a task's work decides its kind; unknown work is 'other'", () => {
  assert.equal(kindOf([ev("ParseHTML", 10), ev("EvaluateScript", 4), ev("Layout", 20)]), "page");
  assert.equal(kindOf([ev("DocumentLoader::CommitNavigation", 40), ev("ParseHTML", 2)]), "navigation");
  assert.equal(kindOf([ev("TimerFire", 15), ev("FunctionCall", 15), ev("Layout", 3)]), "script");
  assert.equal(kindOf([ev("RunMicrotasks", 12), ev("v8.wasm.compileConsume", 11)]), "script");
  assert.equal(kindOf([ev("SomethingNew", 30)]), "other");
  assert.equal(kindOf([]), "other");
});

test("only the part of a task after first contentful paint and over 50 ms blocks", () => {
  simulate({
    fcp: 900,
    lcp: 1000,
    tasks: [
      // Before FCP: never blocks, however long.
      [cpu([ev("DocumentLoader::CommitNavigation", 40)]), timing(600, 760)],
      // Straddles FCP: 900-1000 counts, 100 - 50 = 50 ms.
      [cpu([ev("Layout", 40), ev("UpdateLayoutTree", 10)]), timing(880, 1000)],
      // After FCP, 80 ms: 30 ms; and TTI is at its end.
      [cpu([ev("TimerFire", 20)]), timing(2100, 2180)],
      // After FCP but short: nothing.
      [cpu([ev("FunctionCall", 12)]), timing(2200, 2248)],
    ],
  });
  const result = split();
  assert.deepEqual(
    { total: result.total, page: result.page, navigation: result.navigation, script: result.script, fcp: result.fcp },
    { total: 80, page: 50, navigation: 0, script: 30, fcp: 900 },
  );
  assert.deepEqual(
    result.tasks.map((t) => [t.kind, t.start, t.simulated_ms, t.blocking_ms]),
    [
      ["page", 880, 120, 50],
      ["script", 2100, 80, 30],
    ],
  );
});

test("work that ends before first contentful paint blocks nothing", () => {
  // A 180 ms layout, all of it before FCP; TTI is then at LCP.
  simulate({ fcp: 900, lcp: 1000, tasks: [[cpu([ev("Layout", 10)]), timing(700, 880)]] });
  assert.equal(split().total, 0);
});

test("a run without the simulations gives no split instead of a wrong one", () => {
  resetSimulations();
  assert.equal(split(), null);
  simulate({ fcp: 900, lcp: 1000, tasks: [] });
  Lantern.Simulation.Simulator.allNodeTimings.delete("pessimisticInteractive");
  assert.equal(split(), null);
});

// Whose blocking time is it? Lighthouse's mobile total blocking time comes from Lantern, a
// simulation of the page's load on a slow phone: each main-thread task observed in the trace
// is replayed at 4× its length (2× for layout) in a simulated timeline, and every part of a
// task over 50 ms between first contentful paint and time to interactive counts. This module
// reads the simulation Lighthouse just ran (Lantern keeps every simulation's node timings) and
// splits that sum by what the blocking tasks did:
//   page:       the browser reading and drawing the page (HTML parse, style, layout, paint);
//               the copy of the page with every script removed has these too
//   navigation: the browser committing the navigation and creating the page's JS context
//   script:     JavaScript and WebAssembly (the app, the loader, the browser's microtasks)
// The split uses Lantern's own arithmetic (TBTUtils in @paulirish/trace_engine) and its
// pairing (TotalBlockingTime.js): the mean of an optimistic estimate (pessimistic FCP,
// optimistic TTI) and a pessimistic one (the other way round), so `total` is Lighthouse's TBT.
import * as Lantern from "@paulirish/trace_engine/models/trace/lantern/lantern.js";

const { BLOCKING_TIME_THRESHOLD: THRESHOLD, calculateTbtImpactForEvent: blocking } = Lantern.Metrics.TBTUtils;
const PAGE = ["ParseHTML", "Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Layerize", "Commit", "ParseAuthorStyleSheet"];
const NAVIGATION = ["DocumentLoader::CommitNavigation"];
const SCRIPT = ["FunctionCall", "TimerFire", "RunMicrotasks", "EvaluateScript", "v8.evaluateModule", "v8.compileModule", "EventDispatch", "FireAnimationFrame", "v8.wasm.compileConsume"];

/** Forget earlier simulations, so that `split` reads the next run's. */
export function resetSimulations() {
  Lantern.Simulation.Simulator.allNodeTimings.clear();
}

/** The kind of work a simulated CPU node did: the kind with the most time among its events. */
export function kindOf(childEvents) {
  const time = (names) => childEvents.filter((e) => names.includes(e.name)).reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const kinds = { page: time(PAGE), navigation: time(NAVIGATION), script: time(SCRIPT) };
  const [kind, us] = Object.entries(kinds).sort((a, b) => b[1] - a[1])[0];
  return us > 0 ? kind : "other";
}

const lastEnd = (timings) => Math.max(0, ...[...timings.values()].map((t) => t.endTime));

/**
 * The last Lighthouse run's blocking time by kind of work, in simulated ms, plus the blocking
 * tasks themselves; null when the run left no TBT simulation (Lighthouse could not compute it).
 */
export function split() {
  const sims = Lantern.Simulation.Simulator.allNodeTimings;
  const need = ["FirstContentfulPaint", "LargestContentfulPaint", "Interactive", "TotalBlockingTime"];
  if (!need.every((m) => sims.has(`optimistic${m}`) && sims.has(`pessimistic${m}`))) return null;
  const fcp = { optimistic: lastEnd(sims.get("optimisticFirstContentfulPaint")), pessimistic: lastEnd(sims.get("pessimisticFirstContentfulPaint")) };
  // Interactive's end, as Lantern's Interactive.getEstimateFromSimulation finds it. Its own
  // getLastLongTaskEndTime reads `timing.duration`, which the kept timings lack.
  const tti = {};
  for (const side of ["optimistic", "pessimistic"]) {
    const longEnds = [...sims.get(`${side}Interactive`)].filter(([node, t]) => node.type === "cpu" && t.endTime - t.startTime > THRESHOLD).map(([, t]) => t.endTime);
    tti[side] = Math.max(lastEnd(sims.get(`${side}LargestContentfulPaint`)), ...longEnds);
  }
  const byKind = { page: 0, navigation: 0, script: 0, other: 0 };
  const blockers = new Map();
  for (const [side, other] of [["optimistic", "pessimistic"], ["pessimistic", "optimistic"]]) {
    // Lantern pairs each side's TTI with the opposite side's FCP (the narrower window).
    const [start, end] = [fcp[other], tti[side]];
    if (end <= start) continue;
    for (const [node, t] of sims.get(`${side}TotalBlockingTime`)) {
      if (node.type !== "cpu") continue;
      const task = { start: t.startTime, end: t.endTime, duration: t.endTime - t.startTime };
      const ms = blocking(task, start, end) / 2;
      if (ms <= 0) continue;
      const kind = kindOf(node.childEvents);
      byKind[kind] += ms;
      const seen = blockers.get(node) ?? { kind, start: Math.round(task.start), simulated_ms: Math.round(task.duration), observed_ms: Math.round(node.duration / 100) / 10, blocking_ms: 0 };
      seen.blocking_ms += ms;
      blockers.set(node, seen);
    }
  }
  const tasks = [...blockers.values()].sort((a, b) => a.start - b.start);
  const round = (x) => Math.round(x * 10) / 10;
  return {
    total: round(Object.values(byKind).reduce((a, b) => a + b, 0)),
    ...Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(v)])),
    fcp: Math.round(fcp.optimistic),
    tasks,
  };
}

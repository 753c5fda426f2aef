// Timing helpers shared by the WASM benchmarks (node.mjs, page.mjs, report.mjs). The median is
// the upper middle value for an even count and p90 the nearest rank, as interop/vc-js/di.mjs
// computes them for the vc-js side.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function p90(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.9) - 1];
}

/** Warm-up runs before N timed ones: a tenth of N, at least 3 (as di.mjs). */
export const warmups = (n) => Math.max(3, Math.floor(n / 10));

/** Runs `once` (sync or async; it checks its own result) warm-up times, then N timed times. */
export async function time(n, once) {
  for (let i = 0; i < warmups(n); i++) await once();
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return { runs: n, median: median(times), p90: p90(times) };
}

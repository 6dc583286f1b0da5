// How many browser journeys run at once (E2E_WORKERS, default 2): read by vitest.config.ts for the worker pool
// and by the global setup for one demo server per worker, so both always agree. No vitest import here: the
// config file loads it.

/** Each journey waits mostly on its browser and server, so two overlap well on 2 cores. */
export function e2eWorkers(): number {
  const n = Number(process.env.E2E_WORKERS || 2);
  return Number.isInteger(n) && n >= 1 ? n : 2;
}

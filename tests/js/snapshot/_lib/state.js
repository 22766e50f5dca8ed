// Helper module for snapshot tests: exported state changed at build time and after resume.
export let hits = 0;
export const log = [];
export function hit(who) {
  hits++;
  log.push(who);
  return hits;
}

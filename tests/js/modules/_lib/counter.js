// Helper module: a counter whose exported binding is live.
export let count = 0;
export function increment() {
  count++;
  return count;
}
export function reset() {
  count = 0;
}
export let label = 'initial';
export function relabel(s) { label = s; }

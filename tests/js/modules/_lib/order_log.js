// Helper module: shared log of module evaluation order.
export let log = '';
export function record(s) {
  log += s + ';';
  print('evaluating ' + s);
}

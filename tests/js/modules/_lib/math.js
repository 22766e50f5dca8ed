// Helper module for tests/js/modules (not a test itself).
export const PI_ISH = 3.14;
export function square(x) { return x * x; }
export function cube(x) { return x * x * x; }
export let version = 1;
const hidden = 'not exported';
export function readHidden() { return hidden; }

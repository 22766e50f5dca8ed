// Helper module: shared mutable state, imported from several modules.
export const items = [];
export function register(name) {
  items.push(name);
  return items.length;
}

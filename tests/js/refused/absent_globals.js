// Standard globals the subset lacks (Symbol, Map, Set, Proxy, Date, timers...) are refused at
// compile time rather than failing at run time; `typeof` on them still compiles.
print(typeof Map);
export function later() {
  return new Map(); // expect compile error: Map is not supported
}

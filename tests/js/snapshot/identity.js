// Object identity survives the snapshot: two references to one object stay one object.
const shared = { n: 1 };
const a = { ref: shared };
const b = { ref: shared };
const list = [shared, a, b, shared];
const cycle = { name: 'cycle' };
cycle.self = cycle;
const ring1 = { name: 'r1' };
const ring2 = { name: 'r2', next: ring1 };
ring1.next = ring2;
print(a.ref === b.ref, list[0] === list[3]); // expect: true true

export function afterResume() {
  print(a.ref === b.ref); // expect: true
  print(list[0] === shared, list[1] === a, list[2] === b, list[3] === shared); // expect: true true true true
  a.ref.n = 42;
  print(b.ref.n, shared.n, list[3].n); // expect: 42 42 42
  print(cycle.self === cycle, cycle.self.self.name); // expect: true cycle
  print(ring1.next.next === ring1, ring2.next.next.name); // expect: true r2
  print(a === b, a.ref === { n: 42 }); // expect: false false
}

// Hoisted functions, function values stored in data structures and their own properties
// are callable after resume.
function double(x) { return x * 2; }
const table = { double, triple: (x) => x * 3 };
const pipeline = [double, table.triple, function named(x) { return x + 1; }];
double.calls = 0;
function run(x) {
  double.calls++;
  let v = x;
  for (let i = 0; i < pipeline.length; i++) v = pipeline[i](v);
  return v;
}
print(run(1)); // expect: 7

export function afterResume() {
  print(run(2)); // expect: 13
  print(double.calls, table.double === double); // expect: 2 true
  print(pipeline[2].name, typeof pipeline[1]); // expect: named function
}

// Create many closures and scopes; only a few survive.
function make(i) {
  const local = { i: i };
  return () => local.i * 2;
}
const survivors = [];
let total = 0;
for (let i = 0; i < 50000; i++) {
  const f = make(i);
  total += f();
  if (i % 12500 === 0) survivors.push(f);
}
print(total); // expect: 2499950000
print(survivors.length, survivors[0](), survivors[3]()); // expect: 4 0 75000
let counterSum = 0;
for (let i = 0; i < 20000; i++) {
  let n = i;
  const inc = () => ++n;
  inc();
  counterSum += inc() - i;
}
print(counterSum); // expect: 40000

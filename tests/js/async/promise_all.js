// Promise.all: values in input order whatever the resolution order, plain values allowed,
// an empty list resolves to an empty array, the first rejection rejects the whole.
let release;
const slow = new Promise((r) => { release = r; });
const fast = Promise.resolve('fast');
const results = {};
Promise.all([slow, fast, 3]).then((vs) => { results.mixed = vs.join(',') + ' ' + vs.length; });
Promise.all([]).then((vs) => { results.empty = Array.isArray(vs) + ' ' + vs.length; });
Promise.all([fast, Promise.reject(new Error('first')), Promise.reject(new Error('second'))])
  .then(() => { results.rejected = 'never'; }, (e) => { results.rejected = e.message; });
async function double(x) { await null; return x * 2; }
Promise.all([1, 2, 3].map(double)).then((vs) => { results.mapped = vs.join(' '); });
release('slow');

export function afterResume() {
  print(results.mixed); // expect: slow,fast,3 3
  print(results.empty); // expect: true 0
  print(results.rejected); // expect: first
  print(results.mapped); // expect: 2 4 6
}

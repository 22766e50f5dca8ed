// Interleaving of two async functions: each await yields to the job queue; awaiting a
// plain value or a resolved promise still takes one turn.
const out = [];
async function a() {
  out.push('a1');
  await 1;
  out.push('a2');
  await Promise.resolve();
  out.push('a3');
}
async function b() {
  out.push('b1');
  await undefined;
  out.push('b2');
  await 2;
  out.push('b3');
}
a();
b();
out.push('sync');
Promise.resolve().then(() => out.push('then1')).then(() => out.push('then2'));
async function values() {
  const x = await 10;
  const y = await Promise.resolve(20);
  const z = await new Promise((resolve) => resolve(12));
  return x + y + z;
}
let sum;
values().then((v) => { sum = v; });

export function afterResume() {
  print(out.join(' ')); // expect: a1 b1 sync a2 b2 then1 a3 b3 then2
  print('sum', sum); // expect: sum 42
}

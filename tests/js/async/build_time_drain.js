// At build time the job queue is drained before the snapshot: a long then-chain and nested
// async calls finish before afterResume runs.
let p = Promise.resolve(0);
for (let i = 1; i <= 20; i++) p = p.then((v) => v + i);
let total = 'pending';
p.then((v) => { total = v; });
async function nested(n) { if (n === 0) return 'bottom'; return (await nested(n - 1)) + '<' + n; }
let chain = 'pending';
nested(5).then((v) => { chain = v; });
print(total, chain); // expect: pending pending

export function afterResume() {
  print(total, chain); // expect: 210 bottom<1<2<3<4<5
}

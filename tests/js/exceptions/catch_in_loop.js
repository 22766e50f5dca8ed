// Many throws and catches in a loop keep working (no leaked handlers or stack).
let caught = 0;
let sum = 0;
for (let i = 0; i < 10000; i++) {
  try {
    if (i % 3 === 0) throw i;
    sum += i;
  } catch (e) {
    caught++;
  }
}
print(caught, sum); // expect: 3334 33326667
function mayFail(i) {
  if (i % 2) throw new Error('odd ' + i);
  return i;
}
let ok = 0;
let last = '';
for (let i = 0; i < 1000; i++) {
  try {
    ok += mayFail(i);
  } catch (e) {
    last = e.message;
  } finally {
    ok += 0;
  }
}
print(ok, last); // expect: 249500 odd 999
let nestedCount = 0;
for (let i = 0; i < 100; i++) {
  try {
    try {
      throw i;
    } finally {
      nestedCount++;
    }
  } catch (e) {
    nestedCount += e === i ? 1 : 1000;
  }
}
print(nestedCount); // expect: 200

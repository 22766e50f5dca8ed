// Any value can be thrown, not only Error objects.
function catchIt(thunk) {
  try {
    thunk();
    return 'nothing thrown';
  } catch (e) {
    return typeof e + ':' + e;
  }
}
print(catchIt(() => { throw 42; })); // expect: number:42
print(catchIt(() => { throw 'a string'; })); // expect: string:a string
print(catchIt(() => { throw null; })); // expect: object:null
print(catchIt(() => { throw undefined; })); // expect: undefined:undefined
print(catchIt(() => { throw false; })); // expect: boolean:false
print(catchIt(() => { throw 1.5; })); // expect: number:1.5
print(catchIt(() => {})); // expect: nothing thrown
try {
  throw { code: 404, reason: 'not found' };
} catch (e) {
  print(e.code, e.reason); // expect: 404 not found
}
try {
  throw [1, 2, 3];
} catch (e) {
  print(e.length, e[2]); // expect: 3 3
}
const thrown = { id: 'same object' };
try {
  throw thrown;
} catch (e) {
  print(e === thrown); // expect: true
}
function thrower() { throw thrower; }
try {
  thrower();
} catch (e) {
  print(e === thrower); // expect: true
}

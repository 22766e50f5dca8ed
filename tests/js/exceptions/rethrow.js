// A catch block can rethrow; the outer handler receives the same value.
function inner() {
  try {
    throw new Error('original');
  } catch (e) {
    print('inner saw', e.message); // expect: inner saw original
    e.message = 'annotated';
    throw e;
  }
}
let first;
try {
  inner();
} catch (e) {
  first = e;
  print('outer saw', e.message); // expect: outer saw annotated
}
function wrap() {
  try {
    inner();
  } catch (e) {
    throw new TypeError('wrapped: ' + e.message);
  }
}
try {
  wrap(); // expect: inner saw original
} catch (e) {
  print(e.name, e.message); // expect: TypeError wrapped: annotated
  print(e === first, first instanceof Error); // expect: false true
}
function selective(v) {
  try {
    throw v;
  } catch (e) {
    if (typeof e === 'number') return 'handled number ' + e;
    throw e;
  }
}
print(selective(7)); // expect: handled number 7
try {
  selective('text');
} catch (e) {
  print('passed through', e); // expect: passed through text
}

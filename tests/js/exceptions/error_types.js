// The standard error kinds: TypeError, RangeError, ReferenceError, and their names.
const t = new TypeError('bad type');
const r = new RangeError('out of range');
const f = new ReferenceError('no such thing');
print(t.name, r.name, f.name); // expect: TypeError RangeError ReferenceError
print('' + t); // expect: TypeError: bad type
print('' + r); // expect: RangeError: out of range
print('' + f); // expect: ReferenceError: no such thing
print(t instanceof TypeError, t instanceof RangeError); // expect: true false
print(t instanceof Error, r instanceof Error, f instanceof Error); // expect: true true true
print('' + new TypeError()); // expect: TypeError
print(TypeError('no new').message); // expect: no new
function classify(thunk) {
  try {
    thunk();
  } catch (e) {
    if (e instanceof TypeError) return 'type';
    if (e instanceof RangeError) return 'range';
    if (e instanceof ReferenceError) return 'reference';
    if (e instanceof Error) return 'error';
    return 'other';
  }
  return 'none';
}
print(classify(() => { throw new RangeError('r'); })); // expect: range
print(classify(() => { throw new Error('e'); })); // expect: error
print(classify(() => { throw 'str'; })); // expect: other
print(classify(() => undefined.x)); // expect: type
print(classify(() => undeclaredName)); // expect: reference
print(classify(() => 1)); // expect: none

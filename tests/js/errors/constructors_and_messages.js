// Error, TypeError, RangeError and ReferenceError: made with or without new, with a
// message (converted to a string) or none; name comes from the prototype; '' + e is
// "Name: message" (just "Name" when the message is empty).
const errs = [new Error('plain'), new TypeError('type'), new RangeError('range'), new ReferenceError('ref')];
for (const e of errs) print(e.name, e.message, '' + e, e instanceof Error);
// expect: Error plain Error: plain true
// expect: TypeError type TypeError: type true
// expect: RangeError range RangeError: range true
// expect: ReferenceError ref ReferenceError: ref true
const called = TypeError('no new');
print(called instanceof TypeError, called.message); // expect: true no new
const empty = new RangeError();
print('' + empty, empty.message === '', 'message' in empty); // expect: RangeError true true
print(new Error(42).message, typeof new Error(42).message, new Error(undefined).message === ''); // expect: 42 string true
print(errs[1] instanceof RangeError, errs[2] instanceof TypeError, errs[3] instanceof ReferenceError); // expect: false false true
const custom = new Error('base');
custom.name = 'Custom';
print('' + custom, custom.toString()); // expect: Custom: base Custom: base
custom.message = '';
print('' + custom); // expect: Custom
print(Error.prototype.name, TypeError.prototype.name, typeof Error); // expect: Error TypeError function
const kept = new RangeError('kept across snapshot');

export function afterResume() {
  print('' + kept, kept instanceof RangeError, kept instanceof Error); // expect: RangeError: kept across snapshot true true
  try {
    throw kept;
  } catch (e) {
    print(e === kept, e.name); // expect: true RangeError
  }
}

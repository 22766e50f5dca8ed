// Error objects: message, name, string conversion, extra properties.
const e = new Error('something failed');
print(e.message); // expect: something failed
print(e.name); // expect: Error
print('' + e); // expect: Error: something failed
print(`${e}`); // expect: Error: something failed
const empty = new Error();
print(empty.message === '', '' + empty); // expect: true Error
const noNew = Error('called without new');
print(noNew.message, noNew instanceof Error); // expect: called without new true
e.code = 'E_FAIL';
print(e.code); // expect: E_FAIL
e.message = 'changed';
print('' + e); // expect: Error: changed
print(typeof e, e instanceof Error); // expect: object true
const withNumber = new Error(42);
print(withNumber.message, typeof withNumber.message); // expect: 42 string
try {
  throw new Error('thrown ' + 1 + 2);
} catch (err) {
  print('' + err); // expect: Error: thrown 12
}

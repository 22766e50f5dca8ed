// Error objects created at build time survive; exceptions work after resume.
const saved = new RangeError('made at build time');
let caught = null;
try {
  undefined.prop;
} catch (e) {
  caught = e;
}
print(caught instanceof TypeError); // expect: true

export function afterResume() {
  print('' + saved, saved instanceof RangeError); // expect: RangeError: made at build time true
  print(caught.message); // expect: Cannot read properties of undefined (reading 'prop')
  try {
    throw saved;
  } catch (e) {
    print(e === saved); // expect: true
  }
  try {
    null.x;
  } catch (e) {
    print(e.name); // expect: TypeError
  }
  function f() {
    try {
      return 'try';
    } finally {
      print('finally after resume'); // expect: finally after resume
    }
  }
  print(f()); // expect: try
}

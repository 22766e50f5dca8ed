/*---
description: >
  try/catch/finally across function frames; error kinds made by the program and by the
  engine; the exported function ends with an uncaught thrown string.
runExportedFunction: 0
expectException: "stopped on purpose"
assertionCount: 9
expectedPrintout: |
  finally ran
  before the uncaught throw
---*/
vmExport(0, run);

function thrower(kind) {
  if (kind === 'type') throw new TypeError('t');
  if (kind === 'range') throw new RangeError('r');
  throw kind;
}

function kindOf(f) {
  try {
    f();
    return 'none';
  } catch (e) {
    return e instanceof TypeError ? 'TypeError' : e instanceof RangeError ? 'RangeError' : typeof e;
  }
}

function run() {
  assertEqual(kindOf(() => thrower('type')), 'TypeError');
  assertEqual(kindOf(() => thrower('range')), 'RangeError');
  assertEqual(kindOf(() => thrower(42)), 'number');
  assertEqual(kindOf(() => null.prop), 'TypeError');
  assertEqual(kindOf(() => (void 0)()), 'TypeError');
  let order = '';
  try {
    try {
      order += 'try ';
      thrower('inner');
    } finally {
      order += 'finally ';
      print('finally ran');
    }
  } catch (e) {
    order += 'catch ' + e;
  }
  assertEqual(order, 'try finally catch inner');
  const err = new Error('message text');
  assertEqual(err.message, 'message text');
  assertEqual(err.name, 'Error');
  assert(err instanceof Error, 'instanceof Error');
  print('before the uncaught throw');
  throw 'stopped on purpose';
}

/*---
description: >
  let, const and var: block scoping, shadowing, var hoisting in functions, const objects
  stay mutable, assignment to a const throws a TypeError.
runExportedFunction: 0
assertionCount: 10
---*/
vmExport(0, run);

let outer = 'outer';
const fixed = { v: 1 };

function hoisting() {
  const before = typeof laterVar;
  var laterVar = 5;
  return before + ' ' + laterVar;
}

function run() {
  {
    let outer = 'inner';
    assertEqual(outer, 'inner');
  }
  assertEqual(outer, 'outer');
  assertEqual(hoisting(), 'undefined 5');
  for (var i = 0; i < 3; i++) {}
  assertEqual(i, 3);
  let captured = [];
  for (let j = 0; j < 2; j++) captured.push(() => j);
  assertEqual(captured[0]() + captured[1](), 1);
  fixed.v = 2;
  assertEqual(fixed.v, 2);
  let threw = false;
  try {
    const c = 1;
    c = 2;
  } catch (e) {
    threw = e instanceof TypeError;
  }
  assert(threw, 'assignment to const throws');
  if (true) {
    var fromBlock = 'var escapes the block';
  }
  assertEqual(fromBlock, 'var escapes the block');
  const shadow = 1;
  function inner() { const shadow = 2; return shadow; }
  assertEqual(inner() + shadow, 3);
  assertEqual(outer + fixed.v, 'outer2');
}

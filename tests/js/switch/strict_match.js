// Cases match with === : no type conversion, NaN never matches, -0 matches 0.
function which(v) {
  switch (v) {
    case 1: return 'number 1';
    case '1': return 'string 1';
    case true: return 'true';
    case null: return 'null';
    case undefined: return 'undefined';
    case 0: return 'zero';
    case 0 / 0: return 'NaN case';
    default: return 'no match';
  }
}
print(which(1)); // expect: number 1
print(which('1')); // expect: string 1
print(which(true)); // expect: true
print(which(null)); // expect: null
print(which(undefined)); // expect: undefined
print(which(-0)); // expect: zero
print(which(0 / 0)); // expect: no match
print(which('true')); // expect: no match
const obj = {};
function ident(v) {
  switch (v) {
    case obj: return 'same object';
    default: return 'other object';
  }
}
print(ident(obj), ident({})); // expect: same object other object
function str(s) {
  switch (s) {
    case 'ab': return 'matched built string';
    default: return 'nope';
  }
}
print(str('a' + 'b')); // expect: matched built string

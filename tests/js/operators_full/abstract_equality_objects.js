// Abstract equality (== and !=) with objects: an object equals a primitive through
// ToPrimitive (valueOf first, then toString); two objects are equal only when identical.
const five = { valueOf() { return 5; } };
const text = { toString() { return 'abc'; } };
const both = { valueOf() { return 1; }, toString() { return 'two'; } };
print(five == 5, five == '5', five != 5, 5 == five); // expect: true true false true
print(text == 'abc', text != 'abd', 'abc' == text); // expect: true true true
print(both == 1, both == 'two'); // expect: true false
print(five == five, five == { valueOf() { return 5; } }); // expect: true false
print(five == null, null == five, five == undefined); // expect: false false false
const t = { valueOf() { return true; } };
print(t == 1, t == true, 1 == t); // expect: true true true
const arr = [7];
print(arr == 7, arr == '7', [] == '', [1, 2] == '1,2'); // expect: true true true true
print([] == 0, [0] == false, [[]] == 0); // expect: true true true
const plain = {};
print(plain == '[object Object]', plain != '[object Object]'); // expect: true false
// The conversion runs once per comparison, and not at all against null/undefined.
let calls = 0;
const counted = { valueOf() { calls++; return 3; } };
print(counted == 3, counted == 4, counted == null, calls); // expect: true false false 2
// valueOf returning an object falls back to toString.
const fallback = { valueOf() { return {}; }, toString() { return '9'; } };
print(fallback == 9); // expect: true
// Neither gives a primitive: TypeError.
const broken = { valueOf() { return {}; }, toString() { return {}; } };
try {
  print(broken == 1);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

export function afterResume() {
  print(five == 5, text == 'abc', five == five); // expect: true true true
  print(counted == 3, calls); // expect: true 3
}

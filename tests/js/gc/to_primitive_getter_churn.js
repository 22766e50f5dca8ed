// A valueOf that is a getter runs JS while an object converts to a primitive, even though it
// returns no function: here it allocates enough to collect and move the heap. The conversion
// then falls back to the intrinsic one, which must use the object where it is now (a stale
// offset was read as another allocation; found by the MCU-profile fuzzer).
let kept = [];
function churn() {
  for (let i = 0; i < 300; i++) kept.push({ i: i, s: 'v' + i });
  kept = kept.slice(kept.length - 10);
  return 42;
}
const o = { get valueOf() { return churn(); } };
print('' + o); // expect: [object Object]
print(o + '!', kept.length); // expect: [object Object]! 10
const items = [o, { get valueOf() { return churn(); } }, 3];
print('' + items); // expect: [object Object],[object Object],3
let total = '';
for (let round = 0; round < 20; round++) total = '' + o;
print(total); // expect: [object Object]

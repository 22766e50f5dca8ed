// Array algorithms written with loops: reverse in place, insertion sort, max, dedupe.
const a = [5, 3, 8, 1, 9, 2, 7];
function reverse(arr) {
  for (let i = 0, j = arr.length - 1; i < j; i++, j--) {
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}
function show(arr) {
  let s = '';
  for (let i = 0; i < arr.length; i++) s += (i ? ',' : '') + arr[i];
  return s;
}
print(show(reverse(a))); // expect: 7,2,9,1,8,3,5
function insertionSort(arr) {
  for (let i = 1; i < arr.length; i++) {
    const v = arr[i];
    let j = i - 1;
    while (j >= 0 && arr[j] > v) {
      arr[j + 1] = arr[j];
      j--;
    }
    arr[j + 1] = v;
  }
  return arr;
}
print(show(insertionSort(a))); // expect: 1,2,3,5,7,8,9
print(show(insertionSort(['pear', 'apple', 'fig', 'banana']))); // expect: apple,banana,fig,pear
let max = -Infinity;
const vals = [3, -1, 4.5, 1, -5];
for (let i = 0; i < vals.length; i++) if (vals[i] > max) max = vals[i];
print(max); // expect: 4.5
const dup = [1, 2, 2, 3, 1, 4, 3];
const seen = {};
const uniq = [];
for (let i = 0; i < dup.length; i++) {
  if (!(dup[i] in seen)) {
    seen[dup[i]] = true;
    uniq.push(dup[i]);
  }
}
print(show(uniq)); // expect: 1,2,3,4

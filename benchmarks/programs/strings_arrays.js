// 100 rounds of: push 100 built strings ('s' + i) into a new array, then join them by +.
// Every round must give the same 290-character string (checked with ===).
// expect: strings_arrays 100 s0s1s2 s99
export function run() {
  let first = '';
  let same = 0;
  let arr = [];
  for (let r = 0; r < 100; r++) {
    arr = [];
    for (let i = 0; i < 100; i++) {
      arr.push('s' + i);
    }
    let joined = '';
    for (let i = 0; i < arr.length; i++) {
      joined = joined + arr[i];
    }
    if (r === 0) first = joined;
    if (joined === first) same++;
  }
  print('strings_arrays ' + same + ' ' + arr[0] + arr[1] + arr[2] + ' ' + arr[99]);
  return same;
}

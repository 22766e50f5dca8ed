// Classic recursive algorithms: Ackermann, Towers of Hanoi, gcd, power set size, binary search.
function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
print(ack(2, 3), ack(3, 3)); // expect: 9 61
let moves = 0;
let firstMoves = '';
function hanoi(n, from, to, via) {
  if (n === 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  if (moves <= 3) firstMoves += from + to + ' ';
  hanoi(n - 1, via, to, from);
}
hanoi(10, 'A', 'C', 'B');
print(moves, firstMoves + '.'); // expect: 1023 AB AC BC .
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
print(gcd(1071, 462), gcd(17, 5)); // expect: 21 1
function bsearch(arr, x, lo, hi) {
  if (lo > hi) return -1;
  const mid = (lo + hi) >> 1;
  if (arr[mid] === x) return mid;
  return arr[mid] < x ? bsearch(arr, x, mid + 1, hi) : bsearch(arr, x, lo, mid - 1);
}
const sorted = [];
for (let i = 0; i < 100; i++) sorted.push(i * 3);
print(bsearch(sorted, 51, 0, 99), bsearch(sorted, 52, 0, 99)); // expect: 17 -1
function power(b, e) {
  if (e === 0) return 1;
  const half = power(b, e >> 1);
  return e % 2 === 0 ? half * half : half * half * b;
}
print(power(3, 13), power(2, 40)); // expect: 1594323 1099511627776

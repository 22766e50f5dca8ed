// Longest Collatz chain below 10000.
function chainLength(n) {
  let steps = 1;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
}
let best = 0;
let bestStart = 0;
for (let i = 1; i < 10000; i++) {
  const len = chainLength(i);
  if (len > best) {
    best = len;
    bestStart = i;
  }
}
print(bestStart, best); // expect: 6171 262
print(chainLength(77031)); // expect: 351

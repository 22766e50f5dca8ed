// Sieve of Eratosthenes.
function primesBelow(n) {
  const composite = [];
  for (let i = 0; i < n; i++) composite.push(false);
  const primes = [];
  for (let i = 2; i < n; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j < n; j += i) composite[j] = true;
  }
  return primes;
}
const p = primesBelow(100);
let line = '';
for (let i = 0; i < p.length; i++) line += (i ? ' ' : '') + p[i];
print(line); // expect: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71 73 79 83 89 97
const big = primesBelow(100000);
print(big.length, big[big.length - 1]); // expect: 9592 99991

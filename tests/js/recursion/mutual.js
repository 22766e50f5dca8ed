// Mutually recursive functions (hoisted declarations call each other).
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
print(isEven(10), isOdd(10)); // expect: true false
print(isEven(7), isOdd(7)); // expect: false true
print(isEven(1001)); // expect: false
function ping(n, log) { return n === 0 ? log + 'done' : pong(n - 1, log + 'ping '); }
function pong(n, log) { return n === 0 ? log + 'done' : ping(n - 1, log + 'pong '); }
print(ping(4, '')); // expect: ping pong ping pong done
const hofstadterF = (n) => (n === 0 ? 1 : n - hofstadterM(hofstadterF(n - 1)));
const hofstadterM = (n) => (n === 0 ? 0 : n - hofstadterF(hofstadterM(n - 1)));
let fs = '';
let ms = '';
for (let i = 0; i < 10; i++) {
  fs += hofstadterF(i);
  ms += hofstadterM(i);
}
print(fs, ms); // expect: 1122334556 0012234456

// Factorial crosses the int32 range and then loses integer precision.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
print(fact(0), fact(1), fact(5)); // expect: 1 1 120
print(fact(12)); // expect: 479001600
print(fact(13)); // expect: 6227020800
print(fact(20)); // expect: 2432902008176640000
print(fact(25)); // expect: 1.5511210043330986e+25
print(fact(170)); // expect: 7.257415615307994e+306
print(fact(171)); // expect: Infinity
const factArrow = (n) => (n === 0 ? 1 : n * factArrow(n - 1));
print(factArrow(10)); // expect: 3628800
function factAcc(n, acc) { return n === 0 ? acc : factAcc(n - 1, acc * n); }
print(factAcc(15, 1)); // expect: 1307674368000

// Arrow functions with expression and block bodies.
const inc = x => x + 1;
print(inc(1)); // expect: 2
const add = (a, b) => a + b;
print(add(3, 4)); // expect: 7
const zero = () => 0;
print(zero()); // expect: 0
const block = (n) => {
  let total = 0;
  for (let i = 1; i <= n; i++) total += i;
  return total;
};
print(block(10)); // expect: 55
const noReturn = () => { 1 + 1; };
print(noReturn()); // expect: undefined
const makeObj = (v) => ({ value: v });
print(makeObj(9).value); // expect: 9
const curried = a => b => c => a + b + c;
print(curried(1)(2)(3)); // expect: 6
print((x => x * x)(12)); // expect: 144
const apply = (fn, v) => fn(v);
print(apply(n => n - 1, 10)); // expect: 9
const nested = () => () => 'deep';
print(nested()()); // expect: deep

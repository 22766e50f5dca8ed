// Objects convert to primitives through their own valueOf/toString (object literals and
// class methods): arithmetic and comparison try valueOf first, strings try toString first.
const money = { cents: 250, valueOf() { return this.cents / 100; }, toString() { return '$' + (this.cents / 100).toFixed(2); } };
print(money * 2, money + 1, `${money}`, money > 2, money == 2.5); // expect: 5 3.5 $2.50 true true
print('' + money, [money, money].join(' ')); // expect: 2.5 $2.50 $2.50
class Temp {
  constructor(c) { this.c = c; }
  valueOf() { return this.c; }
  toString() { return this.c + 'C'; }
}
const t1 = new Temp(20), t2 = new Temp(30);
print(t1 < t2, t2 - t1, `${t1}`, String(t2)); // expect: true 10 20C 30C
const onlyString = { toString() { return '7'; } };
print(onlyString * 2, onlyString + 1, -onlyString); // expect: 14 71 -7
const key = { toString() { return 'k'; } };
const bag = { [key]: 1 };
bag[key] += 1;
print(bag.k, key in bag); // expect: 2 true
let n = { valueOf() { return 5; } };
n++;
print(n); // expect: 6
const broken = { valueOf() { return {}; }, toString() { return {}; } };
try {
  print(broken + 1);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
const noisy = { valueOf() { throw new RangeError('no value'); } };
try {
  print(noisy * 1);
} catch (e) {
  print(e.name, e.message); // expect: RangeError no value
}

// Getters and setters in object literals: the getter runs on each read, the setter receives
// the assigned value; assigning to a getter-only property throws (module code is strict).
const temp = {
  celsius: 20,
  get fahrenheit() { return this.celsius * 9 / 5 + 32; },
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; },
};
print(temp.fahrenheit); // expect: 68
temp.fahrenheit = 212;
print(temp.celsius, temp.fahrenheit); // expect: 100 212
let reads = 0;
const counted = { get value() { reads++; return reads * 10; } };
print(counted.value, counted.value, reads); // expect: 10 20 2
const readOnly = { get x() { return 1; } };
try {
  readOnly.x = 5;
  print('assigned');
} catch (e) {
  print(e instanceof TypeError, readOnly.x); // expect: true 1
}
const log = [];
const writeOnly = { set y(v) { log.push(v); } };
writeOnly.y = 'a';
writeOnly.y = 'b';
print(writeOnly.y, log.join(',')); // expect: undefined a,b
const key = 'dyn';
const computed = { get [key + 'amic']() { return 'computed getter'; } };
print(computed.dynamic); // expect: computed getter
const chain = { _v: 1, get v() { return this._v; }, set v(x) { this._v = x * 2; } };
chain.v += 1;
print(chain.v); // expect: 4
chain.v++;
print(chain.v); // expect: 10
print('v' in chain, Object.keys(chain).join(',')); // expect: true _v,v
// Object.assign reads the getter and copies a plain value.
const copied = Object.assign({}, chain);
chain.v = 0;
print(copied.v, copied._v); // expect: 10 10

export function afterResume() {
  temp.fahrenheit = 32;
  print(temp.celsius, counted.value, chain.v); // expect: 0 30 0
  chain.v = 7;
  print(chain.v, chain._v); // expect: 14 14
}

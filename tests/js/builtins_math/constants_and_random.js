// Math constants, Math as a value (typeof, String, property names), and Math.random's range.
print(Math.PI, Math.E, Math.SQRT2, Math.LN2, Math.LN10); // expect: 3.141592653589793 2.718281828459045 1.4142135623730951 0.6931471805599453 2.302585092994046
print(Math.LOG2E, Math.LOG10E, Math.SQRT1_2); // expect: 1.4426950408889634 0.4342944819032518 0.7071067811865476
print(typeof Math, typeof Math.floor, String(Math), Math.floor.name, Math.max.length); // expect: object function [object Math] floor 2
print(Math.nope, "floor" in Math, Math.floor === Math.floor); // expect: undefined true true
let ok = true;
let distinct = 0;
let prev = -1;
for (let i = 0; i < 1000; i++) {
  const r = Math.random();
  if (!(r >= 0 && r < 1)) ok = false;
  if (r !== prev) distinct++;
  prev = r;
}
print(ok, distinct > 990); // expect: true true
const dice = [0, 0, 0, 0, 0, 0];
for (let i = 0; i < 6000; i++) dice[Math.floor(Math.random() * 6)]++;
print(dice.every(n => n > 800 && n < 1200)); // expect: true
try {
  Math();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

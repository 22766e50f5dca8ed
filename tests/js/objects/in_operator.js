// The `in` operator tests for a property (own or inherited), including ones holding undefined.
const o = { a: 1, u: undefined, n: null };
print('a' in o, 'u' in o, 'n' in o, 'zzz' in o); // expect: true true true false
o.added = 0;
print('added' in o); // expect: true
const k = 'a';
print(k in o); // expect: true
const arr = [10, 20, , 40];
print(0 in arr, 1 in arr, 2 in arr, 3 in arr, 4 in arr); // expect: true true false true false
print('length' in arr); // expect: true
print('0' in arr); // expect: true
const numKeyed = { 5: 'five' };
print(5 in numKeyed, '5' in numKeyed); // expect: true true
try {
  print('x' in 'a string');
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

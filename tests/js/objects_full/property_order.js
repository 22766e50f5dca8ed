// Property order (Object.keys, for-in, JSON.stringify, spread): integer keys first in
// ascending order, then string keys in insertion order; deleting and re-adding a string
// key moves it to the end.
const o = {};
o.b = 1;
o[10] = 1;
o.a = 1;
o[2] = 1;
o['1'] = 1;
o['-1'] = 1;
o['01'] = 1;
o[1.5] = 1;
print(Object.keys(o).join(',')); // expect: 1,2,10,b,a,-1,01,1.5
delete o.b;
o.b = 2;
print(Object.keys(o).join(',')); // expect: 1,2,10,a,-1,01,1.5,b
let s = '';
for (const k in o) s += k + ' ';
print(s); // expect: 1 2 10 a -1 01 1.5 b 
print(JSON.stringify({ z: 1, 5: 2, y: 3, 0: 4 })); // expect: {"0":4,"5":2,"z":1,"y":3}
const big = { x: 1, 4294967294: 'max index', 4294967295: 'not an index', 3: 'small' };
print(Object.keys(big).join(',')); // expect: 3,4294967294,x,4294967295
const lit = { c: 1, 100: 1, b: 1, 7: 1 };
print(Object.values(lit).length, Object.keys(lit).join(',')); // expect: 4 7,100,c,b
const arr = ['x', 'y'];
print(Object.keys(arr).join(',')); // expect: 0,1

export function afterResume() {
  o[0] = 0;
  o.z = 0;
  print(Object.keys(o).join(',')); // expect: 0,1,2,10,a,-1,01,1.5,b,z
}

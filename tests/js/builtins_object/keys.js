// Object.keys/values/entries in JS property order, on objects, arrays and strings; fromEntries.
const o = { b: 1, a: 2, 10: "ten", 2: "two", c: undefined };
print(Object.keys(o).join(), Object.values(o).join(), Object.keys(o).length); // expect: 2,10,b,a,c two,ten,1,2, 5
print(Object.entries(o).map(([k, v]) => k + "=" + v).join("&")); // expect: 2=two&10=ten&b=1&a=2&c=undefined
print(Object.keys([4, , 6]).join(), Object.keys("hi").join(), Object.keys({}).length, Object.values("ab").join()); // expect: 0,2 0,1 0 a,b
delete o.a;
o.a = 3;
print(Object.keys(o).join()); // expect: 2,10,b,c,a
const f = Object.fromEntries([["x", 1], ["y", [2]], ["x", 3]]);
print(Object.keys(f).join(), f.x, f.y[0], Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k, v * 10])).q); // expect: x,y 3 2 20
try {
  Object.keys(null);
} catch (e) {
  print(e instanceof TypeError); // expect: true
}

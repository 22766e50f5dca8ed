// Object.assign, Object(x), Object.create, getPrototypeOf, hasOwnProperty, toString.
const target = { a: 1 };
const result = Object.assign(target, { b: 2 }, null, { a: 3, c: [4] }, undefined);
print(result === target, Object.keys(target).join(), target.a, target.c[0]); // expect: true a,b,c 3 4
print(Object.keys(Object.assign({}, "ab", [7])).join(), Object.assign([1, 2], [9]).join()); // expect: 0,1 9,2
const proto = { greet() { return "hi " + this.name; } };
const child = Object.create(proto);
child.name = "kid";
print(child.greet(), Object.getPrototypeOf(child) === proto, Object.keys(child).join()); // expect: hi kid true name
print(child.hasOwnProperty("name"), child.hasOwnProperty("greet"), "greet" in child); // expect: true false true
const bare = Object.create(null);
bare.k = 1;
print(Object.keys(bare).join(), Object.getPrototypeOf(bare)); // expect: k null
print(typeof Object(), typeof new Object(), Object(target) === target, Object(null) !== null); // expect: object object true true
print(String({}), ({ a: 1 }).toString(), String(new RangeError("r")), new Error("e").toString()); // expect: [object Object] [object Object] RangeError: r Error: e
const custom = { toString() { return "custom!"; } };
print(String(custom), `${custom}`, custom + ""); // expect: custom! custom! custom!
print([{}] + "", typeof ({}).valueOf(), ({}).hasOwnProperty("toString")); // expect: [object Object] object false

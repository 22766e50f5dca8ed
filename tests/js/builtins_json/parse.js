// JSON.parse: every JSON type, escapes, whitespace, order, duplicates; strict errors; reviver.
const p = JSON.parse(' { "a" : [1, -2.5e2, 0, true, false, null], "b": {"c": "d\\n\\t\\"\\\\\\/\\u00e9\\u20ac\\ud83d\\ude00"}, "2": 0, "1": 1 } ');
print(Object.keys(p).join(), p.a.join("|"), p.b.c, p.b.c.length); // expect: 1,2,a,b 1|-250|0|true|false| d
print(JSON.parse("42"), JSON.parse('"s"'), JSON.parse("null"), JSON.parse("true"), JSON.parse("[]").length, JSON.parse("-0") === 0); // expect: 	"\/é€😀 10
print(JSON.parse('{"x":1,"x":2}').x, JSON.parse("1E2"), JSON.parse("0.5e-1"), JSON.parse('"\\u0041"')); // expect: 42 s null true 0 true
print(JSON.stringify(JSON.parse('{"deep":[[[[{"e":[]}]]]]}')), JSON.parse('["\u00e9"]')[0]); // expect: 2 100 0.05 A
const bad = ["", " ", "{", "}", "[1,]", '{"a":1,}', "01", "+1", ".5", "1.", "1e", "-", "'x'", "[1 2]", "{a:1}",
  '"\\x"', '"\\u12"', "tru", "nul", "1 2", '"tab\there"', "[", '{"a"}', '{"a":}', "NaN", "Infinity", "undefined"];
let errors = 0;
for (let i = 0; i < bad.length; i++) {
  try {
    JSON.parse(bad[i]);
    print("accepted", bad[i]);
  } catch (e) {
    if (e instanceof SyntaxError) errors++;
  }
}
print(errors, bad.length); // expect: {"deep":[[[[{"e":[]}]]]]} é
print(JSON.stringify(JSON.parse('{"a":1,"b":{"c":2,"d":[3]}}', (k, x) => (typeof x === "number" ? x * 2 : x)))); // expect: 27 27
print(JSON.stringify(JSON.parse("[1,2,3]", (k, x) => (x === 2 ? undefined : x)))); // expect: {"a":2,"b":{"c":4,"d":[6]}}
const order = [];
JSON.parse('{"a":{"b":1},"c":[2]}', (k, x) => { order.push(k === "" ? "<root>" : k); return x; });
print(order.join()); // expect: [1,null,3]
let nested = "0";
for (let i = 0; i < 300; i++) nested = "[" + nested + "]";
print(JSON.stringify(JSON.parse(nested)).length); // expect: b,a,0,c,<root>
// expect: 601

// slice/concat/join/indexOf/lastIndexOf/includes/at/flat/flatMap, Array(), Array.isArray/of/from.
const a = [1, 2, 3, 4, 5];
print(a.slice(1, 3).join(), a.slice(-2).join(), a.slice(3, 1).length, a.slice().join(), a.slice(1) !== a); // expect: 2,3 4,5 0 1,2,3,4,5 true
print(a.concat([6, 7], 8, [[9]]).length, [].concat(1, [2], [[3]]).join("|"), a.concat().length); // expect: 9 1|2|3 5
print(a.join("-"), a.join(""), [null, undefined, 1].join(), [[1, 2], [3]].join(";"), [].join("x") === ""); // expect: 1-2-3-4-5 12345 ,,1 1,2;3 true
print(a.indexOf(3), a.indexOf(3, 3), a.indexOf(1, -5), a.indexOf("3"), [NaN].indexOf(NaN)); // expect: 2 -1 0 -1 -1
print(a.lastIndexOf(5), [1, 2, 1].lastIndexOf(1), [1, 2, 1].lastIndexOf(1, 1), [1, 2, 1].lastIndexOf(1, -3)); // expect: 4 2 0 0
print(a.includes(2), a.includes(9), [NaN].includes(NaN), [, 1].includes(undefined), a.includes(1, 1)); // expect: true false true true false
print(a.at(0), a.at(-1), a.at(9), [1, [2, [3, [4]]]].flat().length, [1, [2, [3, [4]]]].flat(Infinity).join()); // expect: 1 5 undefined 3 1,2,3,4
print([1, 2].flatMap(x => [x, x * 10]).join(), [1, 2].flatMap(x => [[x]]).length, [[1], [2]].flat(0).length); // expect: 1,10,2,20 2 2
print(Array(3).length, 0 in Array(3), Array(2, 3).join(), new Array("3").length, Array().length); // expect: 3 false 2,3 1 0
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray("a"), Array.of(7).length, Array.of(1, 2).join()); // expect: true false false 1 1,2
print(Array.from("héllo").join("|"), Array.from([1, , 3]).join("|"), Array.from({ length: 2 }).length); // expect: h|é|l|l|o 1||3 2
print(Array.from([1, 2, 3], (x, i) => x * i).join(), Array.from("😀x").length, Array.from(new Uint8Array([5, 6])).join()); // expect: 0,2,6 2 5,6
print([] instanceof Array, [1].toString(), String([1, [2, 3]]), [1, 2].hasOwnProperty(1), [1].hasOwnProperty("x")); // expect: true 1 1,2,3 true false
try {
  Array(-1);
} catch (e) {
  print(e instanceof RangeError); // expect: true
}

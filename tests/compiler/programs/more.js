// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
print(this === undefined, (() => this)() === undefined);
function loopSwitch() {
  let out = "";
  for (let i = 0; i < 5; i++) {
    switch (i) {
      case 1: continue;
      case 3: out += "three"; break;
      default: out += i;
    }
    out += ",";
  }
  return out;
}
print(loopSwitch());
function finallyInSwitch(v) {
  let s = "";
  for (let i = 0; i < 2; i++) {
    try {
      switch (v) { case 1: try { s += "a"; break; } finally { s += "b"; } default: s += "d"; }
      s += "e";
    } finally { s += "f"; }
  }
  return s;
}
print(finallyInSwitch(1), finallyInSwitch(2));
function tryInLoopCaptured() {
  const fs = [];
  for (let i = 0; i < 3; i++) {
    try { if (i == 1) throw i; fs.push(() => "ok" + i); }
    catch (e) { fs.push(() => "err" + e + i); }
  }
  return fs[0]() + fs[1]() + fs[2]();
}
print(tryInLoopCaptured());
function blockScopeCapturedBreak() {
  const fs = [];
  for (let i = 0; i < 5; i++) {
    let x = i;
    { let y = x * 2; fs.push(() => x + y); if (i == 2) break; }
  }
  return fs.length + ":" + fs[0]() + fs[1]() + fs[2]();
}
print(blockScopeCapturedBreak());
function returnFromNestedScopes() {
  for (let i = 0; i < 3; i++) { let a = i; const f = () => a; { let b = 1; const g = () => b; if (i == 1) return f() + g(); } }
}
print(returnFromNestedScopes());
const objs = { list: [1, 2, 3], nested: { deep: { v: "deep" } } };
print(objs.list.length, objs.nested.deep.v, objs["nested"]["deep"]["v"], objs.list[objs.list.length - 1]);
objs.list.push(4, 5);
print(objs.list.length, objs.list);
const arr = [];
arr[3] = 1;
print(arr.length, arr[0], arr);
const str = "héllo wörld";
print(str.length, str[1], str + "!", str < "z", "abc" > "abd");
let acc = "";
for (let i = 0; i < str.length; i++) { if (str[i] == "o") acc += i; }
print(acc);
const mixed = [1, "a", null, undefined, true];
print(mixed, [1, [2, 3]], {} + "");
let idx = 0; const aa = [10, 20, 30]; aa[idx++] += 5; print(aa, idx);
const key = "k"; const ob = { [key + 1]: 1, [key]: 2 }; print(ob.k1, ob.k);
ob[key] **= 3; print(ob.k);
print(typeof function () {}, typeof (() => 1), typeof {}, typeof [], typeof 1.5, typeof "", typeof true, typeof undefined, typeof Error);
const e1 = new Error("m1"), e2 = Error("m2"), e3 = new TypeError("m3");
print(e1.message, e2.message, "" + e3, e3 instanceof TypeError, e1 instanceof TypeError);
print(1e300 * 1e10, -1e300 * 1e10, 2 ** 31, 2 ** 30, -(2 ** 30), 1073741823 + 1, -1073741824 - 1, 0.5 + 0.5);
print(5 / 2 | 0, -5 % 2, 10 % -3, 3.5 % 1);
let und; print(und, und?.x, und ?? "dflt");
const fnWithName = function () {}; const arrowName = () => 1;
print(typeof fnWithName, typeof arrowName);
let chain = { a: { b: { c: () => "called" } } };
print(chain?.a?.b?.c(), chain.a?.b.c?.(), chain.x?.b.c());
function defaultThis() { return this; }
print(defaultThis() === undefined);
const m = { f: defaultThis }; print(m.f() === m, m["f"]() === m);
print(`multi
line ${1 + 1} template`, `${"nested " + `inner ${2}`}`);
print(`\u00e9\t|`, "\x41\u0042\u{43}");
let countdown = 3; while (countdown--) print("cd", countdown);
print([1, 2, 3][1], "xyz"[2], [[1, 2], [3]][0][1]);

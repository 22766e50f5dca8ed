// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
for (let i = 0; i < 10; i++) { if (i % 2) continue; if (i > 6) break; print(i); }
let w = 0; while (true) { w++; if (w > 3) break; }
print(w);
let d = 0; do { d += 2; } while (d < 7);
print(d);
function sw(v) {
  const out = [];
  switch (v) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    default: out.push("def");
    case 3: out.push("three");
  }
  return out.length + ":" + out[0] + ":" + out[out.length - 1];
}
print(sw(1), sw(2), sw(3), sw(9));
function sw2(v) { switch (v) { case "a": { let q = 1; return q; } case "b": return 2; } return 0; }
print(sw2("a"), sw2("b"), sw2("c"));
function tf() {
  const log = [];
  for (let i = 0; i < 4; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) return log.length + "|" + log[0] + log[1] + log[2];
      log.push("t" + i);
    } finally {
      log.push("f" + i);
    }
  }
  return "end";
}
print(tf());
function nested() {
  let s = "";
  try {
    try { throw new Error("inner"); }
    catch (e) { s += "c1:" + e.message; throw new TypeError("again"); }
    finally { s += ",f1"; }
  } catch (e) { s += ",c2:" + e.message + (e instanceof TypeError); }
  finally { s += ",f2"; }
  return s;
}
print(nested());
function retFin() { try { return "try"; } finally { print("in finally"); } }
print(retFin());
function overrideRet() { try { return 1; } finally { return 2; } }
print(overrideRet());
function brk() { let n = 0; while (true) { try { n++; if (n > 2) break; } finally { n += 10; } } return n; }
print(brk());
try { undefinedVar; } catch (e) { print(e.name, e.message, ("" + e)); }
try { null.x; } catch (e) { print("caught", e instanceof TypeError); }
try { throw 42; } catch { print("no binding"); }
function thrower() { throw new RangeError("r"); }
try { thrower(); } catch (err) { print(("" + err)); }
const cc = 1;
try { cc = 2; } catch (e) { print(e.message); }
let cnt = 0;
for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j == 1) break; cnt++; } }
print(cnt);
function catchScope() { const fs = []; try { throw 5; } catch (e) { fs.push(() => e); } return fs[0](); }
print(catchScope());
let la = 0; la ||= 5; print(la); la &&= 6; print(la); la ??= 7; print(la);
let lb = null; lb ??= "x"; print(lb);
const lo = { a: 0 }; lo.a ||= 3; lo.b ??= 4; lo["a"] &&= 9; print(lo.a, lo.b);
const arr = [0]; arr[0] ||= 7; print(arr[0]);

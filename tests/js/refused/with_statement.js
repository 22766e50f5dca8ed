// The with statement stays outside the subset (module code is strict, so the parser
// itself refuses it).
const scope = { v: 1 };
function f() {
  with (scope) { // expect compile error: with statement
    return v;
  }
}
print(f());

// Compiler test corpus (tests/compiler): compiled for structure/stack checks and fuzz seeds.
// A tiny expression evaluator: tokenizer + recursive-descent parser.
function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") { i++; continue; }
    if (c >= "0" && c <= "9") {
      let n = 0;
      while (i < src.length && src[i] >= "0" && src[i] <= "9") { n = n * 10 + (src[i] - 0); i++; }
      tokens.push({ kind: "num", value: n });
      continue;
    }
    tokens.push({ kind: "op", value: c });
    i++;
  }
  return tokens;
}
function parse(tokens) {
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  function primary() {
    const t = next();
    if (t.kind === "num") return t.value;
    if (t.value === "(") { const v = expr(); next(); return v; }
    if (t.value === "-") return -primary();
    throw new SyntaxError("unexpected " + t.value);
  }
  function term() {
    let v = primary();
    while (peek() && (peek().value === "*" || peek().value === "/")) {
      const op = next().value;
      const r = primary();
      v = op === "*" ? v * r : v / r;
    }
    return v;
  }
  function expr() {
    let v = term();
    while (peek()?.value === "+" || peek()?.value === "-") {
      const op = next().value;
      v = op === "+" ? v + term() : v - term();
    }
    return v;
  }
  return expr();
}
const exprs = ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(3 - 5) * 2", "2 * (3 + (4 - 1)) / 3", "1 +"];
for (let k = 0; k < exprs.length; k++) {
  try { print(exprs[k], "=", parse(tokenize(exprs[k]))); }
  catch (e) { print(exprs[k], "error:", e.name); }
}
// Sorting and memoization.
function bubble(a) {
  const n = a.length;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n - 1 - i; j++)
      if (a[j] > a[j + 1]) { const t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
  return a;
}
print(bubble([5, 3, 8, 1, 9, 2]));
const memo = {};
function fib(n) {
  if (n < 2) return n;
  if (memo[n] !== undefined) return memo[n];
  return memo[n] = fib(n - 1) + fib(n - 2);
}
print(fib(30), fib(70));
// Linked list with constructor functions.
function Node(value, next) { this.value = value; this.next = next; }
function List() { this.head = null; this.size = 0; }
List.prototype.add = function (v) { this.head = new Node(v, this.head); this.size++; return this; };
List.prototype.toString = function () { let s = ""; for (let n = this.head; n; n = n.next) s += n.value + (n.next ? "->" : ""); return s; };
const list = new List().add(1).add(2).add(3);
print(list.size, list.toString(), "" + list);
// Event emitter with closures.
function emitter() {
  const handlers = {};
  return {
    on(name, fn) { (handlers[name] ??= []).push(fn); },
    emit(name, arg) { const hs = handlers[name]; if (!hs) return 0; for (let i = 0; i < hs.length; i++) hs[i](arg); return hs.length; },
  };
}
const em = emitter();
let total = 0;
em.on("add", (x) => { total += x; });
em.on("add", (x) => { total += x * 10; });
print(em.emit("add", 2), em.emit("none"), total);
// Bits and number formatting.
let h = 0;
const text = "the quick brown fox";
for (let i = 0; i < text.length; i++) { h = (h * 31 + i) | 0; h ^= h >>> 13; }
print(h, h >>> 0, (h & 0xff).toString === undefined);
print(0.1 * 3, 1 / 3, 100 / 3, 1e-7, 123e25, -1.5e-9, 2 ** 53, 2 ** 53 + 1);

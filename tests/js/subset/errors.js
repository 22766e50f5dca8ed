// Issue 3 audit: errors, at build time and after a resume.
function attempt(f) {
  try { f(); return 'no error'; } catch (e) { return (e instanceof Error) + ' ' + e.name + ' ' + (e instanceof TypeError) + (e instanceof ReferenceError) + (e instanceof RangeError); }
}
function run(phase) {
  for (const E of [Error, TypeError, RangeError, ReferenceError, SyntaxError]) {
    const e = new E('msg'); const plain = E('no new');
    print(phase, E.name, e.name, e.message, String(e), e instanceof Error, e instanceof E, plain.message, Object.keys(e).length);
  }
  print(phase, 'empty', String(new Error()), new Error().message === '', String(new RangeError('')));
  const c = 1; let u; const nul = null;
  print(phase, 'call-non-function', attempt(() => { const x = 1; x(); }), attempt(() => u()), attempt(() => ({}).m()));
  print(phase, 'read-nullish', attempt(() => nul.p), attempt(() => u.p), attempt(() => u[0]), attempt(() => nul.p.q));
  print(phase, 'write-nullish', attempt(() => { u.p = 1; }), attempt(() => { nul[0] = 1; }));
  print(phase, 'const-assign', attempt(() => { c = 2; }), c);
  print(phase, 'new-non-constructor', attempt(() => new (() => 1)()), attempt(() => new Math.max()));
  print(phase, 'bad-length', attempt(() => new Array(-1)), attempt(() => { [].length = -1; }), attempt(() => (1).toFixed(200)));
  print(phase, 'stack-overflow', attempt(function down() { down(); }));
  print(phase, 'throw-values', attempt(() => { throw new TypeError('t'); }));
  try { throw { code: 42 }; } catch ({ code }) { print(phase, 'throw-object', code); }
  try { throw 'str'; } catch (e) { print(phase, 'throw-string', e); }
  try { null.x; } catch { print(phase, 'optional-catch-binding'); }
  class MyError extends RangeError { constructor(m) { super(m); this.name = 'MyError'; } }
  const me = new MyError('mine');
  print(phase, 'subclass', me instanceof MyError, me instanceof RangeError, me instanceof Error, String(me), me.message);
  const e2 = new Error('with props'); e2.code = 7;
  print(phase, 'props', e2.code, Object.keys(e2).join(), e2.hasOwnProperty('message'));
}
run('build');
export function afterResume() { run('resume'); }

// Output (checked against Node.js): the build phase, then afterResume.
// expect: build Error Error msg Error: msg true true no new 0
// expect: build TypeError TypeError msg TypeError: msg true true no new 0
// expect: build RangeError RangeError msg RangeError: msg true true no new 0
// expect: build ReferenceError ReferenceError msg ReferenceError: msg true true no new 0
// expect: build SyntaxError SyntaxError msg SyntaxError: msg true true no new 0
// expect: build empty Error true RangeError
// expect: build call-non-function true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse
// expect: build read-nullish true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse
// expect: build write-nullish true TypeError truefalsefalse true TypeError truefalsefalse
// expect: build const-assign true TypeError truefalsefalse 1
// expect: build new-non-constructor true TypeError truefalsefalse true TypeError truefalsefalse
// expect: build bad-length true RangeError falsefalsetrue true RangeError falsefalsetrue true RangeError falsefalsetrue
// expect: build stack-overflow true RangeError falsefalsetrue
// expect: build throw-values true TypeError truefalsefalse
// expect: build throw-object 42
// expect: build throw-string str
// expect: build optional-catch-binding
// expect: build subclass true true true MyError: mine mine
// expect: build props 7 code true
// expect: resume Error Error msg Error: msg true true no new 0
// expect: resume TypeError TypeError msg TypeError: msg true true no new 0
// expect: resume RangeError RangeError msg RangeError: msg true true no new 0
// expect: resume ReferenceError ReferenceError msg ReferenceError: msg true true no new 0
// expect: resume SyntaxError SyntaxError msg SyntaxError: msg true true no new 0
// expect: resume empty Error true RangeError
// expect: resume call-non-function true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse
// expect: resume read-nullish true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse true TypeError truefalsefalse
// expect: resume write-nullish true TypeError truefalsefalse true TypeError truefalsefalse
// expect: resume const-assign true TypeError truefalsefalse 1
// expect: resume new-non-constructor true TypeError truefalsefalse true TypeError truefalsefalse
// expect: resume bad-length true RangeError falsefalsetrue true RangeError falsefalsetrue true RangeError falsefalsetrue
// expect: resume stack-overflow true RangeError falsefalsetrue
// expect: resume throw-values true TypeError truefalsefalse
// expect: resume throw-object 42
// expect: resume throw-string str
// expect: resume optional-catch-binding
// expect: resume subclass true true true MyError: mine mine
// expect: resume props 7 code true

// A promise still pending at snapshot time survives it: its resolve function, kept in a
// variable, settles it after resume and the callbacks (and a suspended async function)
// registered at build time run then.
let resolveLater;
const gate = new Promise((r) => { resolveLater = r; });
gate.then((v) => print('then registered at build time:', v));
async function waiter() {
  print('waiter waiting'); // expect: waiter waiting
  const v = await gate;
  print('waiter resumed with', v);
  return v.length;
}
const result = waiter();
result.then((n) => print('waiter result', n));

export function afterResume() {
  print('resolving'); // expect: resolving
  resolveLater('opened');
  print('resolved, jobs not run yet'); // expect: resolved, jobs not run yet
  // expect: then registered at build time: opened
  // expect: waiter resumed with opened
  // expect: waiter result 6
}

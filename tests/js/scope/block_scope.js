// let and const are scoped to their block.
let x = 'outer';
{
  let x = 'inner';
  print(x); // expect: inner
  {
    let x = 'innermost';
    print(x); // expect: innermost
  }
  print(x); // expect: inner
}
print(x); // expect: outer
if (true) {
  const y = 'if block';
  print(y); // expect: if block
}
print(typeof y); // expect: undefined
for (let i = 0; i < 1; i++) {
  let i2 = i + 100;
  print(i2); // expect: 100
}
print(typeof i, typeof i2); // expect: undefined undefined
{
  var leaks = 'var escapes the block';
}
print(leaks); // expect: var escapes the block
let counter = 0;
{
  counter++;
  let counter2 = counter * 10;
  counter = counter2;
}
print(counter); // expect: 10

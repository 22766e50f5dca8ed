// if / else if / else chains.
function classify(n) {
  if (n < 0) {
    return 'negative';
  } else if (n === 0) {
    return 'zero';
  } else if (n < 10) {
    return 'small';
  } else {
    return 'large';
  }
}
print(classify(-5), classify(0), classify(3), classify(42)); // expect: negative zero small large
if (true) print('single statement'); // expect: single statement
if (false) print('no'); else print('else branch'); // expect: else branch
let x = 5;
if (x > 1)
  if (x > 10) print('big');
  else print('dangling else binds to inner if'); // expect: dangling else binds to inner if
if (x) {
}
if ('') print('empty string is truthy?'); else print('empty string is falsy'); // expect: empty string is falsy
let r = 'none';
if (x === 5 && r === 'none') r = 'both';
print(r); // expect: both

// The arrays a program builds at build time hold their values inline in the image (after the
// length and named properties; with no word for them when there are none and two or more values). Writing an element changes it in place; growing the array gives
// it an ordinary items block; collections then reclaim the inline room. Every array operation
// works on both forms.
const table = [];
for (let i = 0; i < 6; i++) table.push([i, i * i]);
const words = ['delta', 'alpha', 'charlie', 'bravo'];
const labelled = [1, 2, 3];
labelled.label = 'three';
const frozen = Object.freeze([7, 8]);
const holes = [1, , 3];
const nested = { list: [10, 20, 30], empty: [] };
const alias = table[4];
const queue = [1, 2, 3, 4, 5];

function churn(n) {
  let t = 0;
  for (let i = 0; i < n; i++) t += [i, i + 1].length;
  return t;
}

export function afterResume() {
  print(table[5][1], alias === table[4], words.join(), labelled.label, labelled.length); // expect: 25 true delta,alpha,charlie,bravo three 3
  table[0][0] = 'zero'; // in place
  table[1].push(99); // grows: an ordinary items block from now on
  labelled.push(4);
  labelled.extra = true;
  nested.list.length = 2;
  nested.empty.push('x');
  print(JSON.stringify(table.slice(0, 2)), labelled.join(), labelled.label, labelled.extra); // expect: [["zero",0],[1,1,99]] 1,2,3,4 three true
  print(churn(20000), nested.list.join(), nested.empty.join(), Object.keys(labelled).join()); // expect: 40000 10,20 x 0,1,2,3,label,extra
  words.sort();
  print(words.join(), words.indexOf('charlie'), words.includes('echo')); // expect: alpha,bravo,charlie,delta 2 false
  words.reverse();
  words.splice(1, 2, 'x', 'y', 'z');
  print(words.join(), words.length); // expect: delta,x,y,z,alpha 5
  print(queue.shift(), queue.pop(), queue.join()); // expect: 1 5 2,3,4
  queue.unshift(0);
  print(queue.join(), churn(20000), queue.length); // expect: 0,2,3,4 40000 4
  delete holes[0];
  print(holes.length, 0 in holes, 1 in holes, holes[2], JSON.stringify(holes)); // expect: 3 false false 3 [null,null,3]
  try { frozen.push(9); } catch (e) { print(e instanceof TypeError, frozen.join()); } // expect: true 7,8
  try { frozen[0] = 1; } catch (e) { print(e instanceof TypeError, frozen[0]); } // expect: true 7
  const spread = [...table[2], ...nested.list];
  let sum = 0;
  for (const row of table) sum += row[1];
  print(spread.join(), sum, Math.max(...table[5]), table.map(r => r.length).join()); // expect: 2,4,10,20 55 25 2,3,2,2,2,2
  alias[1] = -1;
  table[3].length = 0;
  print(table[4][1], table[3].length, churn(20000), alias === table[4]); // expect: -1 0 40000 true
  // A named property on an array written without a word for them (two or more values, none).
  table[2].tag = 'two';
  nested.list.note = 'n';
  print(table[2].tag, table[2].join(), Object.keys(table[2]).join(), churn(20000), table[2].tag); // expect: two 2,4 0,1,tag 40000 two
  print(nested.list.join(), nested.list.note, table[5].pop(), table[5].length, table[5].join()); // expect: 10,20 n 25 1 5
}

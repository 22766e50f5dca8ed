// Automatic semicolon insertion.
let a = 1
let b = 2
print(a + b) // expect: 3
const f = function () {
  return 'no semicolons'
}
print(f()) // expect: no semicolons
function g() {
  return
  42
}
print(g()) // expect: undefined
let i = 0
i++
++i
print(i) // expect: 2
let x = 5
let y = x
++y
print(x, y) // expect: 5 6
const o = { k: 1 }
print(o.k) // expect: 1

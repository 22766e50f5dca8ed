// Values around 2^30 and 2^31: engines that keep small integers tagged must switch to
// doubles without losing precision or wrapping.
let big = 1073741823; // 2^30 - 1
print(big); // expect: 1073741823
big = big + 1;
print(big); // expect: 1073741824
big++;
print(big); // expect: 1073741825
let small = -1073741824; // -2^30
print(small); // expect: -1073741824
small = small - 1;
print(small); // expect: -1073741825
small--;
print(small); // expect: -1073741826
print(1073741824 - 1); // expect: 1073741823
print(1073741824 * 2); // expect: 2147483648
print(536870912 + 536870912); // expect: 1073741824
print(-536870912 - 536870913); // expect: -1073741825
print(32768 * 32768); // expect: 1073741824
print(-32768 * 32768); // expect: -1073741824
print(1073741824 / 2); // expect: 536870912
let c = 1073741820;
for (let i = 0; i < 8; i++) c++;
print(c); // expect: 1073741828
for (let i = 0; i < 8; i++) c--;
print(c); // expect: 1073741820
print(1073741824 === 1073741823 + 1); // expect: true
print(1073741823 + 1 - 1 === 1073741823); // expect: true

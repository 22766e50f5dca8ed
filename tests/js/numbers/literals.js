// Number literal forms.
print(0); // expect: 0
print(42); // expect: 42
print(-7); // expect: -7
print(3.14); // expect: 3.14
print(.5); // expect: 0.5
print(5.); // expect: 5
print(1.0); // expect: 1
print(2.50); // expect: 2.5
print(1e3); // expect: 1000
print(1E3); // expect: 1000
print(2.5e-3); // expect: 0.0025
print(1e+2); // expect: 100
print(0xff, 0XFF, 0x10); // expect: 255 255 16
print(0o17, 0b101); // expect: 15 5
print(0.0, -0.0); // expect: 0 0

# Sum of 1..1,000,000 (CPython equivalent of loop_sum.js).
def run():
    s = 0
    i = 1
    while i <= 1000000:
        s = s + i
        i += 1
    print("loop_sum " + str(s))
    return s

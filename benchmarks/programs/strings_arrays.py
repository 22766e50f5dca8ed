# 100 rounds of 100 built strings pushed and joined by + (CPython equivalent of strings_arrays.js).
def run():
    first = ""
    same = 0
    arr = []
    for r in range(100):
        arr = []
        for i in range(100):
            arr.append("s" + str(i))
        joined = ""
        for i in range(len(arr)):
            joined = joined + arr[i]
        if r == 0:
            first = joined
        if joined == first:
            same += 1
    print("strings_arrays " + str(same) + " " + arr[0] + arr[1] + arr[2] + " " + arr[99])
    return same

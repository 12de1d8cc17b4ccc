with (open("a") as f, open("b") as g,):
    pass
with (a, b):
    pass
async def h():
    async with (x as y, z):
        pass
with (yield_ := 1):
    pass

songs = ["a", "b"]
s = f"{", ".join(songs)}"
t = f"{f"{f"{1}"}"}"
u = f'{'é'}' 'x'
v = f"é{π!a}ü"

name = "world"
msg = f"""Hello {
    name.upper()  # comments allowed since 3.12
} and {'\n'.join([
    "a",
    "b",
])}!"""

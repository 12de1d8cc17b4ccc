a = f"{x=!r:^20}"
b = f"{{{x}}}" f"" "tail"
c = rf"\d{x:}\n"
d = (f"one {x}"
     "two"
     f"{y!a}")
e = f"{x:{'>' if x else '<'}10}"

"""A stand-in nvidia-smi: prints the real H200 captures rewritten as an H100 (80GB HBM3, 81559 MiB) prints them."""

import os
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "gpu")


def as_h100(text: str) -> str:
    return (text.replace("NVIDIA H200", "NVIDIA H100 80GB HBM3")
            .replace("143771MiB", "81559MiB").replace("143771 MiB", "81559 MiB").replace("143771", "81559"))


def main(args):
    if any(a.startswith("--query-gpu=") for a in args):
        name = "query-gpu-noheader.csv" if "--format=csv,noheader,nounits" in args else "query-gpu.csv"
    elif args == ["-L"]:
        name = "nvidia-smi-L.txt"
    else:
        name = "nvidia-smi.txt"
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        sys.stdout.write(as_h100(f.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

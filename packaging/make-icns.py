#!/usr/bin/env python3
"""Writes a macOS .icns from PNG files, so no Mac (iconutil) or icnsutils is needed.

An .icns is the magic 'icns', the total length, then one (type, length, PNG bytes) entry per size;
since macOS 10.7 every entry type below holds a plain PNG. Usage: make-icns.py OUT.icns PNG...
Each PNG's size picks its entry types (a 64 px PNG is the 32@2x entry, a 1024 one the 512@2x)."""

import struct
import sys

TYPES = {16: [b"icp4"], 32: [b"icp5", b"ic11"], 64: [b"icp6", b"ic12"], 128: [b"ic07"],
         256: [b"ic08", b"ic13"], 512: [b"ic09", b"ic14"], 1024: [b"ic10"]}


def png_size(data, name):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        sys.exit(f"make-icns: {name} is not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    if width != height or width not in TYPES:
        sys.exit(f"make-icns: {name} is {width}x{height}; want a square of {sorted(TYPES)}")
    return width


def main(out, pngs):
    entries = b""
    for name in pngs:
        with open(name, "rb") as f:
            data = f.read()
        for kind in TYPES[png_size(data, name)]:
            entries += kind + struct.pack(">I", 8 + len(data)) + data
    with open(out + ".tmp", "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)
    import os
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

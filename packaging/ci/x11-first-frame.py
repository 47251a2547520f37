#!/usr/bin/env python3
"""Waits for a program's first window and its first painted frame on an X display, and says when.

A JavaFX window is mapped before its first frame is drawn into it: for a while it is a black
rectangle (Xvfb, no window manager), and the scene's CSS, skins and layout run in that time.
So "mapped" alone flatters a program whose first frame is heavy; this also waits until pixels
inside the window are not all black any more, the first frame's.

Usage: x11-first-frame.py TITLE_REGEX T0_NS PID [TIMEOUT_S]
  T0_NS: the launch time (date +%s%N), PID: the launched process (its CPU time is read at both moments).
Only a window whose _NET_WM_PID is PID counts (the display may be shared).
Prints one line: "mapped MS cpu MS painted MS cpu MS window ID" (ms since T0_NS; cpu = user + system
time of PID by then). Exits 1 if PID ends or TIMEOUT_S (default 60) passes first.
Uses libX11 via ctypes: nothing beyond python3 and libx11-6."""

import ctypes
import ctypes.util
import os
import re
import sys
import time

IS_VIEWABLE = 2
Z_PIXMAP = 2
ALL_PLANES = ctypes.c_ulong(-1).value


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
                ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
                ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
                ("screen", ctypes.c_void_p)]


def libx11():
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                               ctypes.POINTER(ctypes.c_uint)]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
                                       ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                       ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
                                       ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
    x11.XGetImage.restype = ctypes.c_void_p
    x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                              ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    x11.XGetPixel.restype = ctypes.c_ulong
    x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    x11.XDestroyImage.argtypes = [ctypes.c_void_p]
    x11.XSetErrorHandler.argtypes = [ctypes.c_void_p]
    return x11


# A window can vanish between the tree query and the next call: ignore X errors rather than exit.
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)


def cpu_ms(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return -1


def print_threads(pid):
    """CPU time of each of PID's threads by name, on standard error (FIRST_FRAME_THREADS=1)."""
    totals = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = re.sub(r"[0-9]+$", "#", f.read().strip())
            totals[name] = totals.get(name, 0) + cpu_ms(f"{pid}/task/{tid}")
        except OSError:
            pass
    for name, ms in sorted(totals.items(), key=lambda item: -item[1]):
        if ms > 0:
            print(f"  {ms:6d} ms  {name}", file=sys.stderr)


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def window_pid(x11, display, window):
    """The _NET_WM_PID a toolkit sets on its windows (GTK does), or None."""
    actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
    items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
    atom = x11.XInternAtom(display, b"_NET_WM_PID", 0)
    if x11.XGetWindowProperty(display, window, atom, 0, 1, 0, 0, ctypes.byref(actual_type),
                              ctypes.byref(actual_format), ctypes.byref(items), ctypes.byref(after),
                              ctypes.byref(data)) != 0 or not data.value:
        return None
    pid = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if items.value == 1 else None
    x11.XFree(data)
    return pid


def window_title(x11, display, window):
    """_NET_WM_NAME (UTF-8), else WM_NAME: GTK's titles with non-Latin-1 characters are only in the first."""
    for name in (b"_NET_WM_NAME", b"WM_NAME"):
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        atom = x11.XInternAtom(display, name, 0)
        if x11.XGetWindowProperty(display, window, atom, 0, 1024, 0, 0, ctypes.byref(actual_type),
                                  ctypes.byref(actual_format), ctypes.byref(items), ctypes.byref(after),
                                  ctypes.byref(data)) == 0 and data.value:
            text = ctypes.string_at(data.value, items.value).decode("utf-8", "replace")
            x11.XFree(data)
            if text:
                return text
    return None


def mapped_window(x11, display, root, title, pid):
    root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x11.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                          ctypes.byref(children), ctypes.byref(count)):
        return None
    found = None
    try:
        for i in range(count.value):
            w = children[i]
            name = window_title(x11, display, w)
            # the display may be shared: only the launched program's own window counts
            matches = name is not None and title.search(name) and window_pid(x11, display, w) == pid
            attributes = XWindowAttributes()
            if matches and x11.XGetWindowAttributes(display, w, ctypes.byref(attributes)) \
                    and attributes.map_state == IS_VIEWABLE:
                found = (w, attributes.width, attributes.height)
                break
    finally:
        if children:
            x11.XFree(children)
    return found


def painted(x11, display, window, width, height):
    """True once a grid of points inside the window is not all black (unpainted is black here)."""
    for fy in (0.2, 0.4, 0.6, 0.8):
        for fx in (0.2, 0.4, 0.6, 0.8):
            image = x11.XGetImage(display, window, int(width * fx), int(height * fy), 1, 1, ALL_PLANES, Z_PIXMAP)
            if not image:
                continue
            pixel = x11.XGetPixel(image, 0, 0)
            x11.XDestroyImage(image)
            if pixel & 0xFFFFFF:
                return True
    return False


def main(title, t0, pid, timeout):
    x11 = libx11()
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("x11-first-frame: cannot open the X display (is DISPLAY set?)")
    x11.XSetErrorHandler(ctypes.cast(ERROR_HANDLER, ctypes.c_void_p))
    root = x11.XDefaultRootWindow(display)
    since = lambda: (time.time_ns() - t0) // 1_000_000
    found = mapped = mapped_cpu = None
    while since() < timeout * 1000:
        if not alive(pid):
            sys.exit("x11-first-frame: the program ended before its first frame")
        if found is None:
            found = mapped_window(x11, display, root, title, pid)
            if found is not None:
                mapped, mapped_cpu = since(), cpu_ms(pid)
        if found is not None and painted(x11, display, *found):
            if os.environ.get("FIRST_FRAME_THREADS"):
                print_threads(pid)
            print(f"mapped {mapped} cpu {mapped_cpu} painted {since()} cpu {cpu_ms(pid)} window {found[0]}")
            return
        time.sleep(0.005)
    sys.exit(f"x11-first-frame: no painted window after {timeout} s")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(re.compile(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]) if len(sys.argv) == 5 else 60)

#!/usr/bin/env python3
# The Flatpak manifest follows Flathub's conventions: the current GNOME
# runtime, the command, exactly the four permissions a GTK app needs, and
# the app built with meson from this repository. When flatpak-builder is
# installed, it must read the manifest without a warning (it exits 0 even
# for properties it does not know). build-aux/flatpak-test builds it.
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import shutil
import subprocess
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []


def expect(key, value):
    if manifest.get(key) != value:
        problems.append(f"{key} is {manifest.get(key)!r}, not {value!r}")


expect("id", "org.example.NhsDispute")
expect("runtime", "org.gnome.Platform")
expect("runtime-version", "50")
expect("sdk", "org.gnome.Sdk")
expect("command", "nhs-dispute")
expect("finish-args", ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"])

modules = manifest.get("modules", [])
if len(modules) != 1 or not isinstance(modules[0], dict):
    problems.append("there should be one module, the app")
else:
    app = modules[0]
    if app.get("buildsystem") != "meson":
        problems.append("the app is not built with meson")
    sources = app.get("sources", [])
    if not any(s.get("type") == "dir" and s.get("path") == "." for s in sources):
        problems.append("the app is not built from this repository (a dir source '.')")

if shutil.which("flatpak-builder"):
    run = subprocess.run(["flatpak-builder", "--show-manifest", path],
                         capture_output=True, text=True)
    if run.returncode != 0 or "WARNING" in run.stderr:
        problems.append("flatpak-builder --show-manifest: " + run.stderr.strip())
else:
    print("flatpak-builder is not installed: not asking it")

for p in problems:
    print("manifest:", p)
if not problems:
    print(f"{path} follows the conventions")
sys.exit(1 if problems else 0)

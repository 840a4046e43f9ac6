#!/usr/bin/env python3
# The Flatpak manifest follows Flathub's conventions: the current GNOME
# runtime, the command, exactly the four permissions a GTK app needs, and
# the app built with meson from this repository. When flatpak-builder is
# installed, it must read the manifest without a warning (it exits 0 even
# for properties it does not know). build-aux/flatpak-test builds it.
#
# Nothing is let in: no option that opens the sandbox (files, network,
# D-Bus names, the session or system bus, other sockets and devices) may
# appear anywhere in the manifest, not only in finish-args: a module's
# build-args, config-opts or build-options count too (--share=network at
# build time fetches what no one reviewed).
#
#   check-flatpak-manifest.py MANIFEST              check it
#   check-flatpak-manifest.py --self-test MANIFEST  check that the check
#       finds each forbidden option wherever it is put into the manifest
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import copy
import json
import shutil
import subprocess
import sys

FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]

# Options that open the sandbox, as flatpak spells them (a prefix matches
# "--filesystem=home", "--filesystem=/tmp:ro" and so on)
FORBIDDEN = [
    "--filesystem", "--nofilesystem=",  # any file access, even a negation
    "--share=network",
    "--socket=session-bus", "--socket=system-bus", "--socket=ssh-auth",
    "--socket=gpg-agent", "--socket=pulseaudio", "--socket=pcsc", "--socket=cups",
    "--socket=x11", "--socket=inherit-wayland-socket",
    "--talk-name", "--own-name", "--see-name",
    "--system-talk-name", "--system-own-name", "--system-see-name",
    "--add-policy", "--device=all", "--device=kvm", "--device=shm", "--device=input",
    "--allow=", "--persist", "--env=LD_PRELOAD", "--env=GIO_EXTRA_MODULES",
    "--env=GTK_PATH", "--env=GSETTINGS_BACKEND",
]


def strings_in(value, where="$"):
    """Every string in the manifest, with where it is"""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_in(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, f"{where}.{key}")


def let_in(manifest):
    """What opens the sandbox, and where"""
    found = []
    for where, text in strings_in(manifest):
        for word in text.split():
            for option in FORBIDDEN:
                if word == option or word.startswith(option if option.endswith("=") else option + "="):
                    found.append(f"{where}: {word} lets something in")
    return found


def problems_of(manifest):
    problems = []

    def expect(key, value):
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, not {value!r}")

    expect("id", "org.example.NhsDispute")
    expect("runtime", "org.gnome.Platform")
    expect("runtime-version", "50")
    expect("sdk", "org.gnome.Sdk")
    expect("command", "nhs-dispute")
    expect("finish-args", FINISH_ARGS)

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
    problems += let_in(manifest)
    return problems


def self_test(manifest):
    """Each forbidden option, put anywhere a manifest can carry it, is found"""
    places = {
        "finish-args": lambda m, o: m["finish-args"].append(o),
        "build-options.build-args": lambda m, o: m.setdefault("build-options", {}).setdefault("build-args", []).append(o),
        "module build-args": lambda m, o: m["modules"][0].setdefault("build-options", {}).setdefault("build-args", []).append(o),
        "module config-opts": lambda m, o: m["modules"][0].setdefault("config-opts", []).append(o),
        "a nested module": lambda m, o: m["modules"][0].setdefault("modules", []).append(
            {"name": "dep", "build-options": {"build-args": [o]}}),
        "a build command": lambda m, o: m["modules"][0].setdefault("build-commands", []).append(f"flatpak run {o} x"),
    }
    missed = []
    if problems_of(manifest):
        missed.append("the manifest itself has problems")
    for option in FORBIDDEN:
        # "--share=network" as it is; "--allow=" and "--talk-name" with a value
        sample = option + "x" if option.endswith("=") else option if "=" in option else option + "=host"
        for place, put in places.items():
            mutated = copy.deepcopy(manifest)
            put(mutated, sample)
            if not any(sample in p for p in let_in(mutated)):
                missed.append(f"{sample} in {place} was not found")
    for m in missed:
        print("self-test:", m)
    if not missed:
        print(f"self-test: each of {len(FORBIDDEN)} options found in each of {len(places)} places")
    return 1 if missed else 0


def main(argv):
    test = argv[1:2] == ["--self-test"]
    path = argv[2] if test else argv[1]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    if test:
        return self_test(manifest)

    problems = problems_of(manifest)
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
        print(f"{path} follows the conventions and lets nothing in")
    return 1 if problems else 0


sys.exit(main(sys.argv))

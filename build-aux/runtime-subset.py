#!/usr/bin/env python3
"""Copies the run-time part of a Debian tree: what a Flatpak Platform holds.

Usage: runtime-subset.py ROOTFS OUT PACKAGE...

ROOTFS is a Debian tree (debootstrap's, with merged /usr) holding the Sdk:
the PACKAGEs and everything else needed to build. OUT/files gets, as hard
links into ROOTFS/usr, the files of the PACKAGEs and of every package they
depend on (Depends and Pre-Depends, the first installed alternative, virtual
packages through their providers), plus the files no package owns (caches
that triggers made: the MIME database, the pixbuf loaders, the icon cache),
and ROOTFS/etc whole. So the Platform is a strict subset of the Sdk: a
library the app needs at run time but that no PACKAGE pulls in is missing
from it, and running the app there fails.

Prints the packages taken and the number of files, one summary line.

Copyright 2026 The NHS Dispute Explorer authors
SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import re
import shutil
import sys

MERGED = ("/bin/", "/sbin/", "/lib/", "/lib64/", "/lib32/", "/libx32/")


def read_status(admindir):
    """Installed packages: name -> (depends, provides)"""
    packages, provided_by = {}, {}
    with open(os.path.join(admindir, "status"), encoding="utf-8") as f:
        for block in f.read().split("\n\n"):
            fields, key = {}, None
            for line in block.splitlines():
                if line[:1] in (" ", "\t") and key:
                    fields[key] += " " + line.strip()
                elif ":" in line:
                    key, _, value = line.partition(":")
                    fields[key] = value.strip()
            if "Package" not in fields or not fields.get("Status", "").endswith(" installed"):
                continue
            deps = ", ".join(v for v in (fields.get("Pre-Depends"), fields.get("Depends")) if v)
            name = fields["Package"]
            packages[name] = deps
            for p in fields.get("Provides", "").split(","):
                p = re.sub(r"\(.*?\)", "", p).strip()
                if p:
                    provided_by.setdefault(p, []).append(name)
    return packages, provided_by


def closure(roots, packages, provided_by):
    def installed(name):
        name = name.split(":")[0]
        if name in packages:
            return name
        for provider in provided_by.get(name, []):
            return provider
        return None

    taken, todo = set(), list(roots)
    while todo:
        name = installed(todo.pop())
        if name is None or name in taken:
            continue
        taken.add(name)
        for group in packages[name].split(","):
            choices = [re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", c).strip() for c in group.split("|")]
            for choice in choices:
                if choice and installed(choice):
                    todo.append(choice)
                    break
    return taken


def files_of(admindir, name):
    for list_name in (name + ".list", name + ":amd64.list", name + ":all.list"):
        path = os.path.join(admindir, "info", list_name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                return [line.rstrip("\n") for line in f if line.strip()]
    return []


def usr_path(path):
    if path.startswith(MERGED):
        path = "/usr" + path
    return path if path.startswith("/usr/") else None


def link_if_new(src, dst):
    if not os.path.lexists(dst):
        os.link(src, dst)


def main():
    rootfs, out, roots = sys.argv[1], sys.argv[2], sys.argv[3:]
    admindir = os.path.join(rootfs, "var/lib/dpkg")
    packages, provided_by = read_status(admindir)
    missing = [r for r in roots if r not in packages]
    if missing:
        sys.exit("runtime-subset: not installed in %s: %s" % (rootfs, " ".join(missing)))
    taken = closure(roots, packages, provided_by)

    owned, wanted = set(), set()
    for name in packages:
        for path in files_of(admindir, name):
            p = usr_path(path)
            if p:
                owned.add(p)
                if name in taken:
                    wanted.add(p)
    # what no package owns: caches the triggers made (not Python's byte code,
    # which belongs to the build tools)
    for dirpath, dirnames, filenames in os.walk(os.path.join(rootfs, "usr")):
        dirnames[:] = [d for d in dirnames
                       if d != "__pycache__" and os.path.join(dirpath, d) != os.path.join(rootfs, "usr/local")]
        for f in filenames:
            p = "/" + os.path.relpath(os.path.join(dirpath, f), rootfs)
            # files only: an unowned link is an alternative (cc → gcc) of
            # a tool, which the Platform has not
            if p not in owned and not os.path.islink(rootfs + p):
                wanted.add(p)

    files = os.path.join(out, "files")
    n = 0
    for p in sorted(wanted):
        src = rootfs + p
        if not os.path.lexists(src) or (os.path.isdir(src) and not os.path.islink(src)):
            continue
        dst = os.path.join(files, p[len("/usr/"):])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.islink(src):
            os.symlink(os.readlink(src), dst)
        else:
            os.link(src, dst)
        n += 1
    shutil.copytree(os.path.join(rootfs, "etc"), os.path.join(files, "etc"), symlinks=True,
                    copy_function=link_if_new, dirs_exist_ok=True)
    print("runtime-subset: %d packages of %d, %d files" % (len(taken), len(packages), n))


if __name__ == "__main__":
    main()

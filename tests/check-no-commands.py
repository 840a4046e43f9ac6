#!/usr/bin/env python3
# Nothing in the sources builds a command, and links open only after the
# web-page check:
#
# - no call that runs a program (g_spawn_*, GSubprocess, system, popen,
#   exec*, posix_spawn, g_app_info_create_from_commandline, …) anywhere in
#   src/: the app has no reason to run one, so none can ever be built from
#   a dataset's text;
# - every call that opens a URI (gtk_show_uri*, g_app_info_launch_default_for_uri*)
#   comes after nhs_link_is_web_page () in the same function.
#
# Comments and string literals are left out of the search. A finding is
# printed as FILE:LINE: what.
#
#   check-no-commands.py SRCDIR              check the sources
#   check-no-commands.py --self-test SRCDIR  check that the check finds
#       each call put into a copy of a real source file, and nothing in
#       comments and strings
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

RUNS_PROGRAM = re.compile(
    r"\b(g_spawn_\w+|g_subprocess_\w+|G_TYPE_SUBPROCESS\w*|GSubprocess\w*"
    r"|system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|fexecve|posix_spawnp?"
    r"|g_app_info_create_from_commandline|g_desktop_app_info_new\w*|g_app_info_launch"
    r"|g_shell_parse_argv|vfork|fork|wordexp)\b\s*[(;,)]"
    r"|\bGSubprocess\w*\b")
OPENS_URI = re.compile(r"\b(gtk_show_uri\w*|g_app_info_launch_default_for_uri\w*|gtk_uri_launcher\w*)\s*\(")
CHECK = re.compile(r"\bnhs_link_is_web_page\s*\(")


def strip_comments_and_strings(text):
    """The text with comments and the contents of string and character
    literals blanked, newlines kept, so line numbers still hold"""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def findings_in(path, text):
    code = strip_comments_and_strings(text)
    lines = code.split("\n")
    found = []
    function_start = 0
    checked = False
    for number, line in enumerate(lines, 1):
        # GNU style: a function's body opens with "{" at the start of a line
        if line.startswith("{"):
            function_start, checked = number, False
        if CHECK.search(line):
            checked = True
        m = RUNS_PROGRAM.search(line)
        if m:
            found.append(f"{path}:{number}: {m.group(0).rstrip('(;,) ')} runs a program")
        m = OPENS_URI.search(line)
        if m and not checked:
            found.append(f"{path}:{number}: {m.group(1)} opens a link without nhs_link_is_web_page () "
                         f"before it in its function (from line {function_start})")
    return found


def sources(srcdir):
    for root, dirs, files in os.walk(srcdir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                yield os.path.join(root, name)


def check(srcdir):
    found, n = [], 0
    for path in sources(srcdir):
        with open(path, encoding="utf-8") as f:
            found += findings_in(os.path.relpath(path, os.path.dirname(srcdir.rstrip("/"))), f.read())
        n += 1
    for line in found:
        print(line)
    if not found:
        print(f"{n} files: no program run, every link checked before it opens")
    return 1 if found else 0


def self_test(srcdir):
    with open(os.path.join(srcdir, "ui", "nhs-article-reader.c"), encoding="utf-8") as f:
        real = f.read()
    missed = []
    if findings_in("reader.c", real):
        missed.append("the reader itself has findings")
    calls = ['g_spawn_command_line_async (text, NULL);', 'g_spawn_async (NULL, argv, NULL, 0, NULL, NULL, NULL, NULL);',
             'system (command);', 'FILE *p = popen (command, "r");', 'execvp (argv[0], argv);',
             'execl ("/bin/sh", "sh", "-c", text, NULL);', 'posix_spawnp (&pid, argv[0], NULL, NULL, argv, envp);',
             'g_autoptr(GSubprocess) p = g_subprocess_new (0, NULL, "sh", NULL);',
             'GSubprocessLauncher *l = NULL;', 'launcher = g_subprocess_launcher_new (0);',
             'info = g_app_info_create_from_commandline (text, NULL, 0, NULL);',
             'g_shell_parse_argv (text, &argc, &argv, NULL);', 'pid = fork ();']
    for call in calls:
        text = real + "\nstatic void\nf (void)\n{\n  " + call + "\n}\n"
        line = text.count("\n", 0, text.index(call)) + 1
        got = findings_in("reader.c", text)
        if not any(g.startswith(f"reader.c:{line}: ") for g in got):
            missed.append(f"{call} was not found at line {line}: {got}")
    # a link opened in a function that does not check it first
    text = real + ('\nstatic void\nopen_unchecked (const char *url)\n{\n'
                   '  gtk_show_uri (NULL, url, GDK_CURRENT_TIME);\n}\n')
    if not any("gtk_show_uri opens a link" in g for g in findings_in("reader.c", text)):
        missed.append("an unchecked gtk_show_uri was not found")
    # nor after a check in another function
    text = real + ('\nstatic gboolean\nchecks (const char *url)\n{\n  return nhs_link_is_web_page (url);\n}\n'
                   '\nstatic void\nopens (const char *url)\n{\n  g_app_info_launch_default_for_uri (url, NULL, NULL);\n}\n')
    if not any("g_app_info_launch_default_for_uri opens a link" in g for g in findings_in("reader.c", text)):
        missed.append("a link opened after a check in another function was not found")
    # words in comments and strings are not calls
    text = real + ('\n/* no system (), popen () or g_spawn_async () here */\n// execvp (argv)\n'
                   'static const char *s = "system (x); gtk_show_uri (y)";\n')
    if findings_in("reader.c", text):
        missed.append(f"comments or strings were taken for calls: {findings_in('reader.c', text)}")
    for m in missed:
        print("self-test:", m)
    if not missed:
        print(f"self-test: each of {len(calls)} calls found at its line, unchecked links found, comments and strings left alone")
    return 1 if missed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--self-test"]:
        sys.exit(self_test(sys.argv[2]))
    sys.exit(check(sys.argv[1]))

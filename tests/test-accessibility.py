#!/usr/bin/env python3
# test-accessibility.py: what a screen reader hears of the window
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the app on the bundled dataset, walks its accessible tree over
# AT-SPI (as Orca does) and fails on an interactive element without a
# name, a name that is a type name ("GtkImage", "NhsTextCell") and a name
# with a mnemonic underscore ("_Timeline Timeline"). Then moves through the
# chart's events with the arrow keys (xdotool) and checks that the chart
# names the event under the keyboard. TAP output.
#
#   test-accessibility.py NHS-DISPUTE-BINARY DATASET.json

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'text', 'entry', 'password text', 'spin button', 'slider', 'menu item',
    'link', 'list item', 'table row', 'tree item', 'tab', 'switch',
}
# what a screen reader speaks by name (containers such as panels and
# fillers it passes through)
SPOKEN = INTERACTIVE | {
    'label', 'image', 'icon', 'table cell', 'heading', 'alert', 'notification',
    'status bar', 'tool tip', 'list', 'table', 'tree table', 'document text',
}
TYPE_NAME = re.compile(r'^(Gtk|Nhs|Gdk|Adw)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\s)_\w')


def effective_name(acc):
    """The name a screen reader says: the accessible's own, else its
    labelling elements', else the text of the labels inside it (a button's
    label)"""
    import pyatspi
    if acc.name:
        return acc.name
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names = [relation.getTarget(i).name for i in range(relation.getNTargets())]
            if any(names):
                return ' '.join(n for n in names if n)
    texts = []

    def labels(a, depth):
        if a is None or depth > 3:
            return
        if a.getRoleName() == 'label' and a.name and not TYPE_NAME.match(a.name):
            texts.append(a.name)
        for i in range(a.childCount):
            labels(a.getChildAtIndex(i), depth + 1)

    labels(acc, 0)
    return ' '.join(texts)


def tap(n, ok, what, detail=''):
    print(('ok' if ok else 'not ok') + ' %d %s' % (n, what))
    for line in detail.splitlines():
        print('# ' + line)
    return ok


def main():
    try:
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi
    except (ImportError, ValueError) as e:
        print('1..0 # SKIP no pyatspi (python3-pyatspi): %s' % e)
        return 0
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP no xdotool')
        return 0

    binary, dataset = sys.argv[1], sys.argv[2]
    with open(dataset, encoding='utf-8') as f:
        titles = {e['title'] for e in json.load(f)['events']}

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env['GSETTINGS_BACKEND'] = 'memory'
    config = tempfile.mkdtemp(prefix='nhs-a11y-')
    env['XDG_CONFIG_HOME'] = config
    # a cache of its own: a recovery file another test left would open the
    # restore dialog, which takes the keyboard from the chart
    env['XDG_CACHE_HOME'] = config
    app = subprocess.Popen([binary], env=env)
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        window = None
        for _ in range(100):
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                if a is not None and a.name in ('nhs-dispute', 'NHS Dispute Explorer') or \
                   (a is not None and a.get_process_id() == app.pid):
                    if a.childCount > 0:
                        window = a.getChildAtIndex(0)
            if window is not None:
                break
            time.sleep(0.2)
        print('1..4')
        if not tap(1, window is not None, 'the window is on the accessibility bus'):
            return 1
        time.sleep(2)

        unnamed, type_names, mnemonics = [], [], []
        seen = 0

        def walk(acc, path, depth=0):
            nonlocal seen
            if acc is None or depth > 60:
                return
            seen += 1
            try:
                role = acc.getRoleName()
                name = acc.name or ''
                states = acc.getState()
                # GTK 4.8 sets "visible" but never "showing"
                showing = states.contains(pyatspi.STATE_VISIBLE)
            except Exception:
                return
            here = '%s > %s "%s"' % (path, role, name)
            if showing and role in SPOKEN and TYPE_NAME.match(name):
                type_names.append(here)
            if showing and MNEMONIC.search(name):
                mnemonics.append(here)
            if role in INTERACTIVE and showing and effective_name(acc).strip() == '':
                unnamed.append(here)
            for i in range(acc.childCount):
                walk(acc.getChildAtIndex(i), '%s "%s"' % (role, name), depth + 1)

        walk(window, 'window')
        tap(2, not unnamed and seen > 50,
            'every interactive element has a name (%d elements)' % seen, '\n'.join(unnamed))
        tap(3, not type_names and not mnemonics, 'no name is a type name or has a mnemonic underscore',
            '\n'.join(type_names + mnemonics))

        # the chart takes the focus first; Right moves to an event
        chart = None

        def find_chart(acc, depth=0):
            nonlocal chart
            if acc is None or chart is not None or depth > 30:
                return
            if (acc.name or '').startswith('Chart of strike days'):
                chart = acc
                return
            for i in range(acc.childCount):
                find_chart(acc.getChildAtIndex(i), depth + 1)

        find_chart(window)
        before = chart.description if chart else ''
        named = None
        for key in ('Right', 'Right', 'Right'):
            subprocess.run(['xdotool', 'key', key], check=True)
            time.sleep(0.5)
            description = chart.description if chart else ''
            named = next((t for t in titles if description.startswith(t)), None)
        tap(4, chart is not None and named is not None and description != before,
            "the chart names the event under the keyboard", 'description: %r' % (chart.description if chart else None))
        return 0
    finally:
        app.terminate()
        app.wait()
        shutil.rmtree(config, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""Moves the bodies of a Qt Test class's slots out of the class declaration.

Qt 6.4's moc mis-counts braces inside multi-line raw string literals and then finds no
Q_OBJECT class at all. Test files that hold JSON fixtures as raw strings therefore declare
the class first — right after `using namespace weft;`, before any raw string — with slot
prototypes only, and define the slots after it. This script does the second half of that
rewrite for a file written the simple way (move the class up by hand).
Usage: outline_tests.py FILE...
"""
import re
import sys

for path in sys.argv[1:]:
    text = open(path, encoding='utf-8').read()
    m = re.search(r'^class (\w+) : public QObject\n\{\n    Q_OBJECT\n', text, re.M)
    if not m:
        continue
    cls = m.group(1)
    start = m.end()
    end = text.index('\n};\n', start)
    body = text[start:end].split('\n')
    decl, defs, i = [], [], 0
    while i < len(body):
        line = body[i]
        sig = re.match(r'^    ((?:[\w:<>&*]+ )+)(\w+)\((.*)\)( const)?$', line)
        if sig and i + 1 < len(body) and body[i + 1] == '    {':
            j = i + 1
            while body[j] != '    }':
                j += 1
            ret, name, args, const = sig.group(1), sig.group(2), sig.group(3), sig.group(4) or ''
            decl.append(f'    {ret}{name}({args}){const};')
            defs.append(f'{ret}{cls}::{name}({args}){const}')
            defs.extend(l[4:] if l.startswith('    ') else l for l in body[i + 1:j + 1])
            defs.append('')
            i = j + 1
            if i < len(body) and body[i] == '':
                i += 1
            continue
        decl.append(line)
        i += 1
    text = text[:start] + '\n'.join(decl) + '\n};\n\n' + '\n'.join(defs).rstrip() + '\n' + \
        text[end + len('\n};\n'):]
    open(path, 'w', encoding='utf-8').write(text)

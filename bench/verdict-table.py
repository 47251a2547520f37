#!/usr/bin/env python3
"""Issue 14's table: what a model refuses and reads right on the held-out sets, through the command line.

Every set is one no model trained on:
  * resources/strokes/hershey-letters-held-out.jsonl: letters and symbols of the held-out Hershey fonts;
  * resources/strokes/non-digits-held-out.jsonl: scribbles, lines, dots, ... of NonDigits.TEST_SEED;
  * resources/strokes/digit-like-letters.jsonl: reported, never counted for or against;
  * resources/strokes/hershey-digits.jsonl: pen digits (seed 1967), the gothic (Fraktur) font apart;
  * resources/strokes/synthetic-styles.jsonl: synthetic styles of DigitSynthesizer.TEST_SEED;
  * resources/glyphs/fonts-held-out-*: digits and letters of the held-out TrueType/OpenType fonts
    (FontGlyphSet.HELD_OUT), the blackletter Joscelyn apart;
  * MNIST test through `inkling evaluate --json`.
Refused = answered "not sure" or "not a digit"; accuracy = the likeliest digit, over all drawings.

usage: bench/verdict-table.py [--inkling target/inkling/bin/inkling] [--data DIR] MODEL|shipped ...
"""
import argparse, gzip, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit('failed: %s\n%s' % (' '.join(cmd), p.stderr[-2000:]))
    return p.stdout


def predict(inkling, model, args):
    out = run([inkling, 'predict'] + model + args + ['--json'])
    return [json.loads(l) for l in out.splitlines() if l.startswith('{"verdict"')]


def refused(lines):
    return sum(1 for l in lines if not l['accepted'])


def digit_row(lines, labels):
    n = len(lines)
    right = sum(1 for l, y in zip(lines, labels) if l['prediction'] == y)
    return '%.2f%% / %.2f%% (%d)' % (100.0 * right / n, 100.0 * refused(lines) / n, n)


def refusal_row(lines):
    return '%.1f%% (%d)' % (100.0 * refused(lines) / len(lines), len(lines))


def measure(inkling, data, name):
    model = [] if name == 'shipped' else ['--model', name]
    rows = {}
    for key, f in [('held-out Hershey letters and symbols refused', 'hershey-letters-held-out'),
                   ('held-out scribbles, lines, dots refused', 'non-digits-held-out'),
                   ('digit-like letters refused (not counted)', 'digit-like-letters')]:
        rows[key] = refusal_row(predict(inkling, model, ['--strokes', os.path.join(ROOT, 'resources/strokes', f + '.jsonl')]))
    for key, f in [('pen digits', 'hershey-digits'), ('synthetic styles', 'synthetic-styles')]:
        path = os.path.join(ROOT, 'resources/strokes', f + '.jsonl')
        meta = [json.loads(l) for l in open(path)]
        lines = predict(inkling, model, ['--strokes', path])
        labels = [m['label'] for m in meta]
        rows[key + ': accuracy / refused'] = digit_row(lines, labels)
        if f == 'hershey-digits':
            for which, keep in [('gothic', lambda m: m['font'] == 'gothiceng'), ('other fonts', lambda m: m['font'] != 'gothiceng')]:
                idx = [i for i, m in enumerate(meta) if keep(m)]
                rows['  of them ' + which] = digit_row([lines[i] for i in idx], [labels[i] for i in idx])
            gothic = [i for i, m in enumerate(meta) if m['font'] == 'gothiceng']
            per = []
            for d in range(10):
                ids = [i for i in gothic if labels[i] == d]
                per.append('%d:%d/%d' % (d, sum(1 for i in ids if lines[i]['accepted'] and lines[i]['prediction'] == d), len(ids)))
            rows['  gothic accepted right per digit'] = ' '.join(per)
    # The held-out fonts' glyphs: the IDX images, labels from the manifest.
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, 'fonts-held-out-images.idx')
        with gzip.open(os.path.join(ROOT, 'resources/glyphs/fonts-held-out-images.idx.gz')) as src, open(raw, 'wb') as dst:
            dst.write(src.read())
        lines = predict(inkling, model, ['--idx', raw])
    manifest = [l.rstrip('\n').split('\t') for l in open(os.path.join(ROOT, 'resources/glyphs/fonts-held-out.tsv'))][1:]
    labels = [int(m[1]) for m in manifest]
    blackletter = [m[3] == 'fonts-joscelyn' for m in manifest]
    for which, keep in [('', lambda i: True), ('  of them blackletter (Joscelyn)', lambda i: blackletter[i])]:
        digits = [i for i in range(len(lines)) if labels[i] < 10 and keep(i)]
        letters = [i for i in range(len(lines)) if labels[i] == 10 and keep(i)]
        rows[(which or 'held-out font digits') + ': accuracy / refused'] = digit_row([lines[i] for i in digits], [labels[i] for i in digits])
        rows[(which.replace('of them', 'their letters') or 'held-out font letters') + ' refused'] = refusal_row([lines[i] for i in letters])
    ev = json.loads(run([inkling, 'evaluate', '--json'] + model + (['--data', data] if data else [])).splitlines()[-1])['summary']
    rows['MNIST test: accuracy / refused'] = '%.2f%% / %.2f%% (%d)' % (100 * ev['accuracy'], 100 * (1 - ev['accepted_share']), ev['count'])
    rows['MNIST test calibration error (ECE)'] = '%.2f%% raw, %.2f%% at T = %.3f' % (
        100 * ev['ece_raw'], 100 * ev['ece_calibrated'], ev['temperature'])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--inkling', default=os.path.join(ROOT, 'target/inkling/bin/inkling'))
    ap.add_argument('--data')
    ap.add_argument('models', nargs='+')
    a = ap.parse_args()
    for m in a.models:
        print('== %s' % m)
        for k, v in measure(a.inkling, a.data, m).items():
            print('%-55s %s' % (k, v))
        sys.stdout.flush()


if __name__ == '__main__':
    main()

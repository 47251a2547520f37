#!/usr/bin/env python3
"""Writer adaptation through `inkling finetune` and `inkling predict --strokes`.

Writers the shipped model never saw as such:
  * Hershey writers: each Hershey font that has a design of all ten digits (futural, futuram,
    rowmant, timesr, timesi, timesib, gothiceng) is one writer; its 24 renditions per digit in
    resources/strokes/hershey-digits.jsonl are that writer's drawings (a simulated hand and pen).
  * Style writers: writer w writes each digit in the w-th of that digit's synthetic styles
    (resources/strokes/synthetic-styles.jsonl, the test seed). The shipped model trained on other
    drawings of the same 50 styles, so these are easier than strangers: reported apart.

For each writer and k: teach the first k drawings of each digit (finetune, its own settings),
read the writer's other drawings before (the base model) and after (the taught model) with
predict --strokes, and take MNIST test accuracy after from finetune's summary.

usage: bench/finetune-writers.py [--inkling target/inkling/bin/inkling] [--data DIR] [--k 1,3,5] [--out DIR]
"""
import argparse, collections, json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def writers():
    by = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(os.path.join(ROOT, 'resources/strokes/hershey-digits.jsonl')):
        d = json.loads(line)
        by['hershey:' + d['font']][d['label']].append(line)
    styles = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(os.path.join(ROOT, 'resources/strokes/synthetic-styles.jsonl')):
        d = json.loads(line)
        styles[d['label']][d['style']].append(line)
    out = {w: ds for w, ds in by.items() if len(ds) == 10}
    for w in range(3):
        out['styles:%d' % w] = {digit: s[sorted(s)[w % len(s)]] for digit, s in styles.items()}
    return out


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit('failed: %s\n%s' % (' '.join(cmd), p.stderr))
    return json.loads(p.stdout.strip().splitlines()[-1])['summary']


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--inkling', default=os.path.join(ROOT, 'target/inkling/bin/inkling'))
    a.add_argument('--data', default=None)
    a.add_argument('--k', default='1,3,5')
    a.add_argument('--out', default='/tmp/inkling-writers')
    a.add_argument('--only', default=None, help='comma-separated writer names')
    a.add_argument('finetune_args', nargs='*', help='extra finetune options after --')
    o = a.parse_args()
    os.makedirs(o.out, exist_ok=True)
    data = ['--data', o.data] if o.data else []
    rows = []
    for name, digits in sorted(writers().items()):
        if o.only and name not in o.only.split(','):
            continue
        for k in [int(x) for x in o.k.split(',')]:
            tag = name.replace(':', '-') + '-k%d' % k
            teach, test = os.path.join(o.out, tag + '-teach.jsonl'), os.path.join(o.out, tag + '-test.jsonl')
            with open(teach, 'w') as t, open(test, 'w') as r:
                for d in sorted(digits):
                    t.writelines(digits[d][:k])
                    r.writelines(digits[d][k:])
            model = os.path.join(o.out, tag + '.inkling')
            start = time.time()
            ft = run([o.inkling, 'finetune', '--strokes', teach, '--out', model, '--folds', '0', '--json'] + data + o.finetune_args)
            wall = time.time() - start
            before = run([o.inkling, 'predict', '--strokes', test, '--json'])['accuracy']
            after = run([o.inkling, 'predict', '--model', model, '--strokes', test, '--json'])['accuracy']
            row = dict(writer=name, k=k, before=before, after=after, test_accuracy=ft['test_accuracy'],
                       seconds=ft['seconds'], process_seconds=wall)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print()
    print('| writers | k | mean before | mean after | worst before | worst after | MNIST test after (min) | fine-tune s (mean, max) |')
    print('|---|---|---|---|---|---|---|---|')
    for group in ('hershey', 'styles'):
        for k in sorted({r['k'] for r in rows}):
            g = [r for r in rows if r['k'] == k and r['writer'].startswith(group)]
            if not g:
                continue
            mean = lambda key: sum(r[key] for r in g) / len(g)
            print('| %s (%d) | %d | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.2f%% (%.2f%%) | %.1f, %.1f |' % (
                group, len(g), k, 100 * mean('before'), 100 * mean('after'),
                100 * min(r['before'] for r in g), 100 * min(r['after'] for r in g),
                100 * mean('test_accuracy'), 100 * min(r['test_accuracy'] for r in g),
                mean('seconds'), max(r['seconds'] for r in g)))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Per-seed selectivity of paper B's conv3 features.

Usage: feature-selectivity.py RUN_DIR... > feature-selectivity.csv
Each RUN_DIR is a `conv train` output folder (result.json and features.csv). For each run: the test and training
accuracy of the run's SVM, how many of the 20 features respond more to class 1 than to class 0 (the area under the
ROC curve of one feature alone, above 0.5), the mean and best single-feature AUC (taken as max(AUC, 1 - AUC)), the
mean feature value per class, and two other readouts of the same standardised features as a check on the SVM: a
ridge-regularised least-squares linear classifier and 5 nearest neighbours. Needs numpy.
"""
import json
import os
import sys

import numpy as np


def load(path):
    train, test = [], []
    with open(path) as f:
        next(f)
        for line in f:
            cells = line.rstrip('\n').split(',')
            (train if cells[0] == 'train' else test).append((int(cells[2]), [float(x) for x in cells[3:]]))
    rows = lambda r: (np.array([x[1] for x in r]), np.array([x[0] for x in r]))
    return rows(train), rows(test)


def auc(pos, neg):
    return (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()


print('run,test_accuracy,train_accuracy,features_higher_for_class1,best_feature_auc,mean_feature_auc,'
      'ridge_accuracy,knn5_accuracy,mean_feature_class0,mean_feature_class1')
for run in sys.argv[1:]:
    result = json.load(open(os.path.join(run, 'result.json')))
    (x, y), (xt, yt) = load(os.path.join(run, 'features.csv'))
    a = np.array([auc(x[y == 1, j], x[y == 0, j]) for j in range(x.shape[1])])
    sep = np.maximum(a, 1 - a)
    mu, sd = x.mean(0), x.std(0) + 1e-5
    z, zt = (x - mu) / sd, (xt - mu) / sd
    b = np.c_[z, np.ones(len(z))]
    w = np.linalg.solve(b.T @ b + 0.1 * np.eye(b.shape[1]), b.T @ (2.0 * y - 1))
    ridge = ((np.c_[zt, np.ones(len(zt))] @ w > 0).astype(int) == yt).mean()
    d = ((zt[:, None, :] - z[None, :, :]) ** 2).sum(2)
    knn = ((y[np.argsort(d, 1)[:, :5]].mean(1) > 0.5).astype(int) == yt).mean()
    print('%s,%.4f,%.4f,%d,%.3f,%.3f,%.4f,%.4f,%.2f,%.2f' % (
        os.path.basename(os.path.normpath(run)), result['accuracy'], result['train_accuracy'], (a > 0.5).sum(),
        sep.max(), sep.mean(), ridge, knn, x[y == 0].mean(), x[y == 1].mean()))

"""Writes known ResNet50 weights under keras.applications.ResNet50's names and shapes, as the Colab notebook's
export cell does (one array per "<layer>/<weight>"), for KerasWeightsTest. The names and shapes here follow
keras.applications' resnet.py on their own, not the producer's mapping, so a wrong mapping fails the test.

usage: write_keras_npz.py OUT.npz [--drop KEY] [--wrong-shape KEY] [--extra KEY] [--compressed] [--first N]
"""
import argparse
import zlib

import numpy as np


def inventory():
    """(name, shape) of every weight of keras.applications.ResNet50(include_top=True)."""
    weights = []

    def conv(name, k, cin, cout):
        weights.append((name + "/kernel", (k, k, cin, cout)))
        weights.append((name + "/bias", (cout,)))

    def bn(name, c):
        for w in ("gamma", "beta", "moving_mean", "moving_variance"):
            weights.append((name + "/" + w, (c,)))

    conv("conv1_conv", 7, 3, 64)
    bn("conv1_bn", 64)
    cin = 64
    for stage, filters, blocks in ((2, 64, 3), (3, 128, 4), (4, 256, 6), (5, 512, 3)):
        for block in range(1, blocks + 1):
            prefix = "conv%d_block%d" % (stage, block)
            if block == 1:
                conv(prefix + "_0_conv", 1, cin, 4 * filters)
                bn(prefix + "_0_bn", 4 * filters)
            conv(prefix + "_1_conv", 1, cin, filters)
            bn(prefix + "_1_bn", filters)
            conv(prefix + "_2_conv", 3, filters, filters)
            bn(prefix + "_2_bn", filters)
            conv(prefix + "_3_conv", 1, filters, 4 * filters)
            bn(prefix + "_3_bn", 4 * filters)
            cin = 4 * filters
    weights.append(("predictions/kernel", (2048, 1000)))
    weights.append(("predictions/bias", (1000,)))
    return weights


def known_values(name, shape):
    """Plausible trained-looking values, the same for the same name: He-scaled kernels, positive variances."""
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    if name.endswith("/kernel"):
        fan_in = int(np.prod(shape[:-1]))
        return rng.normal(0.0, np.sqrt(2.0 / fan_in), shape).astype(np.float32)
    if name.endswith("/gamma"):
        return rng.uniform(0.5, 1.5, shape).astype(np.float32)
    if name.endswith("/moving_variance"):
        return rng.uniform(0.5, 2.0, shape).astype(np.float32)
    return rng.normal(0.0, 0.1, shape).astype(np.float32)  # bias, beta, moving_mean


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--wrong-shape", action="append", default=[])
    parser.add_argument("--extra", action="append", default=[])
    parser.add_argument("--compressed", action="store_true")
    parser.add_argument("--first", type=int, default=None, help="only the first N weights (a small file)")
    args = parser.parse_args()
    arrays = {}
    for name, shape in inventory()[:args.first]:
        if name in args.drop:
            continue
        value = known_values(name, shape)
        if name in args.wrong_shape:  # a kernel left in channels-first order, as a careless export would
            value = np.ascontiguousarray(value.transpose(3, 2, 0, 1))
        arrays[name] = value
    for name in args.extra:
        arrays[name] = np.zeros((3,), np.float32)
    (np.savez_compressed if args.compressed else np.savez)(args.out, **arrays)


if __name__ == "__main__":
    main()

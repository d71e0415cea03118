#!/usr/bin/python3
"""ResNet50 images/s in Debian's PyTorch, the reference of `make bench`'s producer part.

The network is the producer's (producer-dl4j ResNet50Graph, the Keras layout): 7x7/2 stem with padding 3,
batch norm, ReLU, 3x3/2 max pooling without padding (112 -> 55), bottleneck stages of 3/4/6/3 blocks with the
stride on the first 1x1 convolution and on the projection shortcut, 7x7 average pooling, a 2048-d embedding.
Random weights, eval mode, no_grad, float32, 224x224 inputs. Defined here because Debian's python3-torch comes
without torchvision. Prints one JSON line per batch size, like the producer's EngineBenchmark:

    /usr/bin/python3 torch_resnet50.py BATCHES RUNS IMAGES_PER_RUN [THREADS]     e.g. 1,8,32 3 32 2
"""
import json
import math
import resource
import sys
import time

import torch
from torch import nn


class Bottleneck(nn.Module):
    def __init__(self, cin, filters, stride, projection):
        super().__init__()
        f1, f2, f3 = filters
        self.branch = nn.Sequential(
            nn.Conv2d(cin, f1, 1, stride=stride), nn.BatchNorm2d(f1, eps=1e-3), nn.ReLU(inplace=True),
            nn.Conv2d(f1, f2, 3, padding=1), nn.BatchNorm2d(f2, eps=1e-3), nn.ReLU(inplace=True),
            nn.Conv2d(f2, f3, 1), nn.BatchNorm2d(f3, eps=1e-3))
        self.shortcut = nn.Sequential(nn.Conv2d(cin, f3, 1, stride=stride), nn.BatchNorm2d(f3, eps=1e-3)) \
            if projection else nn.Identity()
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.branch(x) + self.shortcut(x))


def resnet50():
    layers = [nn.Conv2d(3, 64, 7, stride=2, padding=3), nn.BatchNorm2d(64, eps=1e-3), nn.ReLU(inplace=True),
              nn.MaxPool2d(3, stride=2)]
    cin = 64
    for stage, (blocks, filters) in enumerate(zip([3, 4, 6, 3], [(64, 64, 256), (128, 128, 512),
                                                                   (256, 256, 1024), (512, 512, 2048)])):
        for block in range(blocks):
            layers.append(Bottleneck(cin, filters, 2 if block == 0 and stage > 0 else 1, block == 0))
            cin = filters[2]
    layers += [nn.AvgPool2d(7), nn.Flatten()]
    return nn.Sequential(*layers)


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    batches = [int(b) for b in sys.argv[1].split(",")]
    runs, images_per_run = int(sys.argv[2]), int(sys.argv[3])
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    model = resnet50().eval()
    params = sum(p.numel() for p in model.parameters())
    with torch.no_grad():
        for batch in batches:
            x = torch.rand(batch, 3, 224, 224) * 255 - 120
            per_run = max(1, math.ceil(images_per_run / batch))
            out = model(x)  # warm-up
            assert out.shape == (batch, 2048), out.shape
            rates = []
            for _ in range(runs):
                t0 = time.perf_counter()
                for _ in range(per_run):
                    model(x)
                rates.append(round(per_run * batch / (time.perf_counter() - t0), 3))
            print(json.dumps({"engine": "pytorch", "batch": batch, "threads": threads,
                              "images_per_run": per_run * batch, "images_per_s": rates,
                              "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                              "torch_version": torch.__version__, "parameters": params}), flush=True)


if __name__ == "__main__":
    main()

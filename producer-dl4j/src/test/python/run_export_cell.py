"""Runs the Colab notebook's weight-export code (cell "keras-weights-export": its definitions, before the step
that imports keras) on a stand-in for keras.applications.ResNet50: TensorFlow/Keras cannot be installed on the
machines that run make test (Debian has no package of it), so the model here is a test double whose layers have
Keras' names, types and get_weights() order, filled with write_keras_npz.py's known values. KerasWeightsTest then loads what the cell wrote.

usage: run_export_cell.py NOTEBOOK OUT.npz
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import notebook_cells  # noqa: E402
import write_keras_npz  # noqa: E402


class Layer:
    def __init__(self, name, values):
        self.name = name
        self._values = values

    def get_weights(self):
        return list(self._values)


class Conv2D(Layer):
    pass


class BatchNormalization(Layer):
    pass


class Dense(Layer):
    pass


class ZeroPadding2D(Layer):
    pass


def stand_in_model():
    by_layer = {}
    for name, shape in write_keras_npz.inventory():
        layer, _ = name.split("/")
        by_layer.setdefault(layer, []).append(write_keras_npz.known_values(name, shape))
    layers = [ZeroPadding2D("conv1_pad", [])]
    for layer, values in by_layer.items():
        kind = Conv2D if layer.endswith("_conv") else BatchNormalization if layer.endswith("_bn") else Dense
        layers.append(kind(layer, values))
    return type("Model", (), {"layers": layers})()


def main():
    notebook, out = sys.argv[1], sys.argv[2]
    namespace = {"pathlib": pathlib}
    exec(notebook_cells.definitions(notebook, "keras-weights-export"), namespace)
    print(namespace["export_resnet50_npz"](stand_in_model(), out), "arrays")


if __name__ == "__main__":
    main()

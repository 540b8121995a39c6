package org.backproplab.engine;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/** Builders for the small networks and batches the engine tests train on. */
final class Nets {

    private Nets() {
    }

    /** A network of the given shape with weights U(−1, 1) and biases U(−0.5, 0.5), so no bias is trivially 0. */
    static Network random(RandomGenerator rng, int inputs, List<LayerSpec> specs) {
        Network network = Network.create(inputs, specs, Initializer.XAVIER, rng);
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    layer.setWeight(n, i, rng.nextDouble(-1, 1));
                }
                layer.setBias(n, rng.nextDouble(-0.5, 0.5));
            }
        }
        return network;
    }

    /** A rows × cols matrix of U(min, max) entries. */
    static DMatrixRMaj uniform(RandomGenerator rng, int rows, int cols, double min, double max) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(min, max);
        }
        return m;
    }

    /** One column per sample, each a random one-hot vector of {@code classes} entries. */
    static DMatrixRMaj oneHot(RandomGenerator rng, int classes, int samples) {
        DMatrixRMaj m = new DMatrixRMaj(classes, samples);
        for (int c = 0; c < samples; c++) {
            m.set(rng.nextInt(classes), c, 1);
        }
        return m;
    }

    /** The matrix with the given rows. */
    static DMatrixRMaj rows(double[]... rows) {
        return new DMatrixRMaj(rows);
    }
}

package org.backproplab.training;

import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.BackpropFault;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Lesson;

/**
 * Everything the UI (or a test, or a script) can ask of the trainer. Commands are plain data, so
 * they can be queued, logged, replayed and undone; the trainer applies them between training
 * steps, in the order sent. Layers are numbered from 0 for the first layer after the inputs.
 */
public sealed interface TrainerCommand {

    // --- running ---

    /** Train continuously, at the chosen speed. */
    record Play() implements TrainerCommand {
    }

    record Pause() implements TrainerCommand {
    }

    /** Train the rest of the current epoch, then pause. */
    record StepEpoch() implements TrainerCommand {
    }

    /** Train one mini-batch, record it, then pause. */
    record StepBatch() implements TrainerCommand {
    }

    /** Train on one chosen training sample, record it, then pause. */
    record StepSample(int sample) implements TrainerCommand {
    }

    /**
     * Compares backpropagation's gradients for one training sample with central differences,
     * computed as {@code fault} would (NONE for the real thing). Changes no weight.
     */
    record CheckGradients(int sample, BackpropFault fault) implements TrainerCommand {
    }

    /** Fresh weights from the lesson's seed; data and settings stay. */
    record Reset() implements TrainerCommand {
    }

    /**
     * Starts over from another seed: data, split and weights drawn afresh, every setting and the
     * network's shape kept. Fixed weights a lesson may give are dropped, since they are not random.
     */
    record SetSeed(long seed) implements TrainerCommand {
    }

    /** Epochs per second while playing; 0 means as fast as possible. */
    record SetSpeed(double epochsPerSecond) implements TrainerCommand {
    }

    // --- hyperparameters (apply without a reset) ---

    record SetLearningRate(double learningRate) implements TrainerCommand {
    }

    record SetOptimizer(OptimizerSettings optimizer) implements TrainerCommand {
    }

    record SetRegularization(Regularization regularization) implements TrainerCommand {
    }

    /** How η changes over the epochs; the next step trains with the η it gives the current epoch. */
    record SetLearningRateSchedule(LearningRateSchedule schedule) implements TrainerCommand {
    }

    record SetLoss(Loss loss) implements TrainerCommand {
    }

    record SetBatchSize(int batchSize) implements TrainerCommand {
    }

    /** How much training points are shifted each time they are used (σ 0: not at all). */
    record SetAugmentation(Augmentation augmentation) implements TrainerCommand {
    }

    // --- one parameter ---

    record SetWeight(int layer, int neuron, int input, double value) implements TrainerCommand {
    }

    record SetBias(int layer, int neuron, double value) implements TrainerCommand {
    }

    // --- architecture (keeps data, settings, and every weight that still has a place) ---

    /** Refused on the output layer when the loss cannot follow {@code activation}: see {@link ChooseOutputActivation}. */
    record SetActivation(int layer, Activation activation) implements TrainerCommand {
    }

    /** Batch normalisation on or off in a hidden layer; its weights stay, and γ, β start fresh when it comes on. */
    record SetBatchNorm(int layer, boolean normalise) implements TrainerCommand {
    }

    /**
     * Another output activation, as the user picks one: the activation, and with it the loss to train
     * it with when the current one cannot (see {@link org.backproplab.engine.NetworkRules#lossFor}): a
     * sigmoid after softmax cross-entropy brings squared error rather than being refused. All of it
     * applies or none of it does, and it is one undo step, which brings the loss back too.
     */
    record ChooseOutputActivation(Activation activation) implements TrainerCommand {
    }

    /** The rate p at which training drops a hidden layer's outputs (0: none); refused on the output layer. */
    record SetDropout(int layer, double rate) implements TrainerCommand {
    }

    /** Inserts a hidden layer of {@code size} neurons before layer {@code position}. */
    record AddLayer(int position, int size, Activation activation) implements TrainerCommand {
    }

    record RemoveLayer(int layer) implements TrainerCommand {
    }

    record AddNeuron(int layer) implements TrainerCommand {
    }

    /** Removes the last neuron of a hidden layer. */
    record RemoveNeuron(int layer) implements TrainerCommand {
    }

    record SetFeatures(List<InputFeature> features) implements TrainerCommand {
        public SetFeatures {
            features = List.copyOf(features);
        }
    }

    // --- data and lessons ---

    /** New data (generator settings or points); weights and settings stay. */
    record SetData(DataSpec data) implements TrainerCommand {
    }

    /**
     * Another data set, as the user picks one: the data, and with it the output activation and loss
     * it needs when the kind of problem changes (see {@link org.backproplab.engine.NetworkRules#outputForData}).
     * All of it applies or none of it does, and it is one undo step, which brings the loss back too.
     */
    record ChooseDataSet(DataSpec data) implements TrainerCommand {
    }

    /** Replaces everything with a lesson's experiment. */
    record LoadLesson(Lesson lesson) implements TrainerCommand {
    }

    // --- undo ---

    /**
     * Takes back the last edit of weights, biases, shape, features or points: see {@link LabSession}
     * for exactly what comes back. Nothing to undo is a rejected command, which changes nothing.
     */
    record Undo() implements TrainerCommand {
    }

    /** Makes the last undone edit again, exactly as it left the lab. */
    record Redo() implements TrainerCommand {
    }

    /**
     * Writes the lesson with the network's current weights to {@code file} (atomically). Done on the
     * trainer thread, which owns the weights, so the file holds one consistent moment of training.
     */
    record SaveLesson(Path file) implements TrainerCommand {
    }
}

package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.BackpropFault;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.backproplab.engine.NetworkRules;
import org.backproplab.engine.Refusal;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonConsistency;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.StepTrace;

/**
 * The lab's live state and the meaning of every {@link TrainerCommand}. Single-threaded: the
 * {@link Trainer} thread owns it, and tests drive it directly and deterministically. A command
 * that cannot apply changes nothing and leaves a {@link Notice.Rejected}. A bug is not a refusal:
 * it propagates to the trainer, which logs it and calls {@link #failed}. Not final only so that
 * tests can inject such a fault.
 *
 * <h2>Undo and redo</h2>
 * Edits can be undone: weights and biases, activations, layers and neurons added or removed, input
 * features, and the data (points added, moved, deleted, cleared or imported; generated data
 * changed). What a teacher expects of Undo is "back to how it was before I did that", so an undo
 * brings back exactly the lab of the moment just before the edit, and a redo exactly the lab of
 * the moment just after it: every weight and bias bit for bit, the shape, the features, and the
 * very points with their train/test split. Training done since the edit is rolled back with it.
 * Taking back only the edited value on top of the weights trained since (the other choice) would
 * give a network nobody ever saw, and has no meaning at all for a layer or a point set; a clean
 * return to a network the class has seen is what a before/after comparison needs.
 * <ul>
 * <li>The run itself goes on: the epoch count and the loss chart are not set back, and the chart
 *     shows the jump, as it does for any edit. The optimizer's momentum starts afresh, as after
 *     any change of shape.</li>
 * <li>Settings are not edits and are not undone, nor does an undo touch them: the learning rate,
 *     optimizer, regularization, loss and batch size stay as they are now (unless the loss chosen
 *     since cannot train the restored output layer; then the loss of that moment comes back too).
 *     A loss the edit itself changed is part of the edit, though: choosing a regression set brings
 *     squared error with it, and so does an output activation the loss cannot follow;
 *     their undo brings the loss before them back.
 *     Running (play, pause, steps, speed) is not undone either.</li>
 * <li>A run of edits of the same thing is one step: the same weight or bias set again and again
 *     (dragged, scrolled, slid, retyped), or one point dragged on and on. A new edit after an undo
 *     drops what could be redone. The history keeps the last {@link EditHistory#CAPACITY} steps.</li>
 * <li>Reset, a new seed and opening a lesson start a new run (epochs and chart start over), so
 *     they clear the history: an undo past them would bring back a network without its run.</li>
 * </ul>
 */
class LabSession {

    /**
     * Weights beyond this count as diverged even while still finite: a net that far gone is
     * nothing a class can learn from, and restoring it would only postpone the NaN.
     */
    static final double RUNAWAY_WEIGHT = 1e6;

    private final int heatmapResolution;
    private final LossHistory history = new LossHistory();
    private final EditHistory edits = new EditHistory();
    private Experiment experiment;
    private HeatmapGrid grid;
    /** The maps last sampled from the current network shape; null when they must be sampled afresh. */
    private Heatmaps heatmaps;
    /**
     * Loss and accuracy over every training and test point, measured with the heatmaps they are
     * shown with. Measuring them for every frame would cost a forward pass over all the points per
     * frame (tens of milliseconds with 100,000 of them); sampled with the maps, they keep to the
     * maps' share of the trainer's time (see {@link Trainer}).
     */
    private Metrics trainMetrics;
    private Metrics testMetrics;
    private boolean playing;
    private double speed;
    private Optional<StepTrace> trace = Optional.empty();
    /** The last gradient check, until the network changes shape or data or another check runs. */
    private Optional<GradientReport> gradientCheck = Optional.empty();
    /** The latest notice not yet handed out in a snapshot. */
    private Optional<Notice> notice = Optional.empty();
    private long commandsApplied;
    /** What became of the saves applied since the trainer last asked. */
    private final List<SaveOutcome> saves = new ArrayList<>();
    /** A copy of the network at the last epoch whose loss and weights were all finite. */
    private Network lastFinite;
    private long lastFiniteEpoch;

    LabSession(Lesson lesson, int heatmapResolution) {
        this.heatmapResolution = heatmapResolution;
        start(Experiment.of(lesson));
    }

    boolean isPlaying() {
        return playing;
    }

    double speed() {
        return speed;
    }

    long epoch() {
        return experiment.learner().epoch();
    }

    /**
     * Applies one command; a command it cannot apply (bad values) becomes a notice. Anything else
     * thrown is a bug, and propagates for the trainer to log; a save still reports its outcome then.
     */
    void apply(TrainerCommand command) {
        commandsApplied++;
        boolean applied = false;
        try {
            Optional<Edit> edit = Edit.of(command, experiment);
            // A drag continues its step, whose state before was kept at its first command.
            LabState before = edit.filter(e -> !edits.continues(e)).map(e -> LabState.of(experiment)).orElse(null);
            execute(command);
            edit.ifPresent(e -> edits.record(e, before, LabState.of(experiment)));
            applied = true;
        } catch (IllegalArgumentException e) {
            // Every refusal is one (the rules' and the session's own); its message is meant for the user.
            Optional<Refusal> rule = e instanceof RuleBroken broken ? Optional.of(broken.refusal) : Optional.empty();
            notice = Optional.of(new Notice.Rejected(command, e.getMessage(), rule));
        } finally {
            if (command instanceof TrainerCommand.SaveLesson(var file)) {
                saves.add(new SaveOutcome(file, applied));
            }
        }
    }

    /** The outcomes of the saves applied since the last call, oldest first. */
    List<SaveOutcome> takeSaves() {
        List<SaveOutcome> taken = List.copyOf(saves);
        saves.clear();
        return taken;
    }

    /**
     * After a bug broke off training, a command or a snapshot: pauses and brings back the last good
     * network, as a divergence does, and says so. The trainer has logged {@code details}.
     */
    void failed(String details) {
        restoreLastGood();
        notice = Optional.of(new Notice.Failed(lastFiniteEpoch, details));
    }

    /** Trains one mini-batch while playing; returns whether an epoch just ended. */
    boolean trainBatch() {
        if (experiment.trainPoints().isEmpty()) {
            playing = false;
            return false;
        }
        Learner learner = experiment.learner();
        long before = learner.epoch();
        double loss = learner.stepBatch();
        if (!Double.isFinite(loss)) {
            diverged();
            return false;
        }
        if (learner.epoch() != before) {
            epochEnded();
            return true;
        }
        return false;
    }

    /**
     * The lab as it is now. A notice is handed out once, in the first snapshot after it was raised:
     * commands applied after it in the same batch must not swallow it before anyone saw it.
     */
    TrainerSnapshot snapshot(long version) {
        return snapshot(version, true);
    }

    /**
     * The lab as it is now, with heatmaps and metrics sampled afresh or (when {@code freshHeatmaps}
     * is false and the shape has not changed since) the ones sampled last: sampling a big network's
     * maps, or the metrics of a big data set, costs more than many training steps.
     */
    TrainerSnapshot snapshot(long version, boolean freshHeatmaps) {
        Learner learner = experiment.learner();
        if (freshHeatmaps || heatmaps == null) {
            heatmaps = grid.sample(learner.network());
            trainMetrics = learner.trainMetrics();
            testMetrics = learner.testMetrics();
        }
        TrainerSnapshot made = new TrainerSnapshot(version,
                LabSnapshot.capture(experiment, heatmaps, trainMetrics, testMetrics), experiment.lesson(),
                playing, speed, learner.steps(), trace, history.snapshot(), notice, commandsApplied, edits.state(),
                gradientCheck);
        // Handed out only once the snapshot is made: one that fails to be made must not take the notice with it.
        notice = Optional.empty();
        return made;
    }

    private void execute(TrainerCommand command) {
        Learner learner = experiment.learner();
        Hyperparameters hyper = learner.hyperparameters();
        switch (command) {
            case TrainerCommand.Play() -> {
                requireTrainingPoints();
                playing = true;
            }
            case TrainerCommand.Pause() -> playing = false;
            case TrainerCommand.StepEpoch() -> {
                playing = false;
                requireTrainingPoints();
                long target = learner.epoch() + 1;
                // A divergence swaps in a new learner (and says so): that ends the epoch too.
                while (experiment.learner() == learner && learner.epoch() < target) {
                    trainBatch();
                }
            }
            case TrainerCommand.StepBatch() -> {
                playing = false;
                requireTrainingPoints();
                long before = learner.epoch();
                recordStep(learner.tracedBatch(), before);
            }
            case TrainerCommand.StepSample(int sample) -> {
                playing = false;
                require(sample >= 0 && sample < experiment.trainPoints().size(), "no training sample " + sample);
                recordStep(learner.tracedSample(sample), learner.epoch());
            }
            case TrainerCommand.CheckGradients(int sample, BackpropFault fault) -> {
                require(sample >= 0 && sample < experiment.trainPoints().size(), "no training sample " + sample);
                gradientCheck = Optional.of(new GradientReport(sample, fault, learner.epoch(), learner.steps(),
                        learner.checkGradients(sample, fault)));
            }
            case TrainerCommand.Reset() -> {
                playing = false;
                start(Experiment.of(experiment.lesson()));
            }
            case TrainerCommand.SetSeed(long seed) -> {
                playing = false;
                Lesson current = experiment.lesson();
                // Re-stating the architecture drops fixed weights: a new seed means new random ones.
                start(Experiment.of(current.withArchitecture(current.features(), current.layers()).withSeed(seed)));
            }
            case TrainerCommand.SetSpeed(double epochsPerSecond) -> {
                require(epochsPerSecond >= 0 && Double.isFinite(epochsPerSecond), "speed must be 0 (fastest) or positive");
                speed = epochsPerSecond;
            }
            case TrainerCommand.SetLearningRate(double rate) -> {
                require(rate > 0 && Double.isFinite(rate), "the learning rate must be a positive number");
                experiment.setHyperparameters(hyper.withLearningRate(rate));
            }
            case TrainerCommand.SetOptimizer(var optimizer) -> {
                require(optimizer.learningRate() > 0 && Double.isFinite(optimizer.learningRate()),
                        "the learning rate must be a positive number");
                experiment.setHyperparameters(hyper.withOptimizer(optimizer));
            }
            case TrainerCommand.SetRegularization(var regularization) -> {
                require(regularization.rate() >= 0 && Double.isFinite(regularization.rate()),
                        "the regularization rate must be 0 or positive");
                experiment.setHyperparameters(hyper.withRegularization(regularization));
            }
            case TrainerCommand.SetLearningRateSchedule(var schedule) ->
                    experiment.setHyperparameters(hyper.withSchedule(schedule));
            case TrainerCommand.SetLoss(var loss) -> {
                requireConsistent(experiment.lesson().withHyperparameters(hyper.withLoss(loss)));
                experiment.setHyperparameters(hyper.withLoss(loss));
            }
            case TrainerCommand.SetAugmentation(var augmentation) -> {
                require(augmentation.noise() <= Augmentation.MAX_NOISE, "augmentation noise must be at most " + Augmentation.MAX_NOISE);
                experiment.setHyperparameters(hyper.withAugmentation(augmentation));
            }
            case TrainerCommand.SetBatchSize(int size) -> {
                require(size >= 1, "the batch size must be at least 1");
                require(NetworkRules.batchSize(size, learner.network().shape()));
                experiment.setBatchSize(size);
            }
            case TrainerCommand.SetWeight(int layer, int neuron, int input, double value) -> {
                requireNeuron(layer, neuron);
                require(input >= 0 && input < learner.network().layer(layer).inputSize(), "no input " + input);
                require(Double.isFinite(value), "a weight must be a finite number");
                learner.network().layer(layer).setWeight(neuron, input, value);
                lastFinite = learner.network().copy();
            }
            case TrainerCommand.SetBias(int layer, int neuron, double value) -> {
                requireNeuron(layer, neuron);
                require(Double.isFinite(value), "a bias must be a finite number");
                learner.network().layer(layer).setBias(neuron, value);
                lastFinite = learner.network().copy();
            }
            case TrainerCommand.SetActivation(int layer, Activation activation) -> {
                requireLayer(layer);
                List<LayerSpec> specs = new ArrayList<>(learner.network().shape());
                specs.set(layer, specs.get(layer).withActivation(activation));
                reshape(experiment.lesson().features(), specs, identity(specs.size()), identity(learner.network().inputSize()));
            }
            case TrainerCommand.SetDropout(int layer, double rate) -> {
                requireLayer(layer);
                require(rate >= 0 && rate < 1, "a dropout rate must be at least 0 and below 1");
                List<LayerSpec> specs = new ArrayList<>(learner.network().shape());
                specs.set(layer, specs.get(layer).withDropout(rate));
                reshape(experiment.lesson().features(), specs, identity(specs.size()), identity(learner.network().inputSize()));
            }
            case TrainerCommand.SetBatchNorm(int layer, boolean normalise) -> {
                List<LayerSpec> specs = new ArrayList<>(learner.network().shape());
                require(layer >= 0 && layer < specs.size() - 1, "only hidden layers normalise their batch");
                specs.set(layer, specs.get(layer).withBatchNorm(normalise));
                require(NetworkRules.batchSize(learner.batchSize(), specs));
                reshape(experiment.lesson().features(), specs, identity(specs.size()), identity(learner.network().inputSize()));
            }
            case TrainerCommand.ChooseOutputActivation(Activation activation) -> reshape(
                    experiment.lesson().withOutputActivation(activation), identity(learner.network().layerCount()),
                    identity(learner.network().inputSize()));
            case TrainerCommand.AddLayer(int position, int size, Activation activation) -> {
                List<LayerSpec> specs = new ArrayList<>(learner.network().shape());
                require(position >= 0 && position < specs.size(), "a hidden layer goes before the output layer");
                specs.add(position, new LayerSpec(size, activation));
                int[] origin = IntStream.range(0, specs.size()).map(l -> l < position ? l : l == position ? -1 : l - 1).toArray();
                reshape(experiment.lesson().features(), specs, origin, identity(learner.network().inputSize()));
                history.forgetGradients();
            }
            case TrainerCommand.RemoveLayer(int layer) -> {
                List<LayerSpec> specs = new ArrayList<>(learner.network().shape());
                require(layer >= 0 && layer < specs.size() - 1, "only hidden layers can be removed");
                specs.remove(layer);
                int[] origin = IntStream.range(0, specs.size()).map(l -> l < layer ? l : l + 1).toArray();
                reshape(experiment.lesson().features(), specs, origin, identity(learner.network().inputSize()));
                history.forgetGradients();
            }
            case TrainerCommand.AddNeuron(int layer) -> resizeHiddenLayer(layer, +1);
            case TrainerCommand.RemoveNeuron(int layer) -> resizeHiddenLayer(layer, -1);
            case TrainerCommand.SetFeatures(List<InputFeature> features) -> {
                require(NetworkRules.features(features));
                List<InputFeature> old = experiment.lesson().features();
                int[] inputOrigin = features.stream().mapToInt(old::indexOf).toArray();
                List<LayerSpec> specs = learner.network().shape();
                reshape(features, specs, identity(specs.size()), inputOrigin);
            }
            case TrainerCommand.SetData(var data) -> {
                // No points of one's own yet is a blank page to place them on, not a broken lesson:
                // it cannot train (Play says why) or be saved, but it can be drawn on.
                if (!(data instanceof DataSpec.Inline inline && inline.points().isEmpty())) {
                    requireConsistent(experiment.lesson().withData(data), firstPointOnABlankPage());
                }
                replace(experiment.withData(data));
            }
            case TrainerCommand.ChooseDataSet(var data) -> chooseDataSet(data);
            case TrainerCommand.LoadLesson(Lesson lesson) -> {
                playing = false;
                start(Experiment.of(lesson));
            }
            case TrainerCommand.Undo() -> {
                EditHistory.Step step = edits.nextUndo().orElseThrow(() -> new IllegalArgumentException("nothing to undo"));
                restore(step.before(), step.changesLoss());
                edits.undone();
            }
            case TrainerCommand.Redo() -> {
                EditHistory.Step step = edits.nextRedo().orElseThrow(() -> new IllegalArgumentException("nothing to redo"));
                restore(step.after(), step.changesLoss());
                edits.redone();
            }
            case TrainerCommand.SaveLesson(var file) -> {
                Lesson saved = experiment.currentLesson();
                // A file that could not be opened again is no save: refuse it with the reason instead.
                requireConsistent(saved);
                try {
                    LessonFile.write(saved, file);
                } catch (LessonException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        }
    }

    private void resizeHiddenLayer(int layer, int change) {
        List<LayerSpec> specs = new ArrayList<>(experiment.learner().network().shape());
        require(layer >= 0 && layer < specs.size() - 1, "only hidden layers can grow or shrink");
        int size = specs.get(layer).size() + change;
        specs.set(layer, specs.get(layer).withSize(size));
        reshape(experiment.lesson().features(), specs, identity(specs.size()),
                identity(experiment.learner().network().inputSize()));
    }

    private void reshape(List<InputFeature> features, List<LayerSpec> specs, int[] layerOrigin, int[] inputOrigin) {
        reshape(experiment.lesson().withArchitecture(features, specs), layerOrigin, inputOrigin);
    }

    /**
     * Rebuilds the network for {@code reshaped}, all or nothing: the whole lesson, with any loss it
     * brings along, is checked before the lab changes at all.
     */
    private void reshape(Lesson reshaped, int[] layerOrigin, int[] inputOrigin) {
        require(NetworkRules.layers(reshaped.layers()));
        requireConsistent(reshaped);
        Network network = experiment.learner().network().reshaped(reshaped.features().size(), reshaped.layers(),
                layerOrigin, inputOrigin, experiment.lesson().initializer(), experiment.random());
        replace(experiment.withNetwork(reshaped, network));
    }

    /**
     * Another data set with the output it needs, all or nothing: everything is checked on the
     * lesson it leads to before the lab changes at all.
     */
    private void chooseDataSet(DataSpec data) {
        Lesson current = experiment.lesson();
        Lesson chosen = current.withDataSet(data);
        requireConsistent(chosen);
        Network network = experiment.learner().network();
        if (!chosen.layers().equals(current.layers())) {
            network = network.reshaped(network.inputSize(), chosen.layers(), identity(network.layerCount()),
                    identity(network.inputSize()), current.initializer(), experiment.random());
        }
        replace(experiment.withData(data).withNetwork(chosen, network));
    }

    /**
     * Puts back a state from the edit history, with its own loss when {@code withItsLoss}: the step
     * changed the loss itself, so the loss is part of what it takes back or makes again.
     */
    private void restore(LabState state, boolean withItsLoss) {
        int layers = experiment.learner().network().layerCount();
        int batchSize = experiment.learner().batchSize();
        replace(state.restoreInto(experiment, withItsLoss));
        if (experiment.learner().batchSize() != batchSize) {
            notice = Optional.of(new Notice.BatchSizeRaised(batchSize, experiment.learner().batchSize()));
        }
        // The gradient-flow lines are per layer: another number of layers starts them afresh, as adding one does.
        if (experiment.learner().network().layerCount() != layers) {
            history.forgetGradients();
        }
    }

    /** Swaps in an edited experiment, keeping the history: the class sees one continuous run. */
    private void replace(Experiment changed) {
        experiment = changed;
        grid = HeatmapGrid.forExperiment(changed, heatmapResolution);
        heatmaps = null;
        trace = Optional.empty();
        gradientCheck = Optional.empty();
        lastFinite = changed.learner().network().copy();
        lastFiniteEpoch = changed.learner().epoch();
    }

    private void start(Experiment fresh) {
        experiment = fresh;
        grid = HeatmapGrid.forExperiment(fresh, heatmapResolution);
        heatmaps = null;
        history.clear();
        edits.clear();
        trace = Optional.empty();
        gradientCheck = Optional.empty();
        lastFinite = fresh.learner().network().copy();
        lastFiniteEpoch = 0;
        epochEnded();
    }

    private void requireLayer(int layer) {
        require(layer >= 0 && layer < experiment.learner().network().layerCount(), "no layer " + layer);
    }

    private void requireNeuron(int layer, int neuron) {
        requireLayer(layer);
        require(neuron >= 0 && neuron < experiment.learner().network().layer(layer).size(), "no neuron " + neuron);
    }

    private void requireTrainingPoints() {
        require(!experiment.trainPoints().isEmpty(), "there are no training points");
        require(NetworkRules.trainingPoints(experiment.trainPoints().size(), experiment.learner().network().shape()));
    }

    private void recordStep(StepTrace step, long epochBefore) {
        if (!Double.isFinite(step.loss())) {
            diverged();
            return;
        }
        trace = Optional.of(step);
        if (experiment.learner().epoch() != epochBefore) {
            epochEnded();
        }
    }

    private void epochEnded() {
        Learner learner = experiment.learner();
        long epoch = learner.epoch();
        if (!history.wants(epoch)) {
            return;
        }
        Metrics train = learner.trainMetrics();
        if (!Double.isFinite(train.loss()) || !(learner.network().largestWeight() <= RUNAWAY_WEIGHT)) {
            diverged();
            return;
        }
        // Measured here, only when the history keeps a point, rather than on every step: the
        // untraced step stays allocation-free and as fast as before, and the chart needs no more.
        history.add(new HistoryPoint(epoch, train, learner.testMetrics(), learner.learningRate(), learner.gradientSizes()));
        lastFinite = learner.network().copy();
        lastFiniteEpoch = epoch;
    }

    /** Pauses, puts the last finite weights back, and says so. */
    private void diverged() {
        long epoch = experiment.learner().epoch();
        double rate = experiment.learner().hyperparameters().optimizer().learningRate();
        restoreLastGood();
        notice = Optional.of(new Notice.Diverged(epoch, lastFiniteEpoch, rate));
    }

    /** Pauses and puts back the network of the last epoch whose loss and weights were all finite. */
    private void restoreLastGood() {
        playing = false;
        experiment = experiment.withNetwork(experiment.lesson(), lastFinite.copy());
        experiment.learner().resetOptimizer();
        heatmaps = null;
    }

    private static int[] identity(int size) {
        return IntStream.range(0, size).toArray();
    }

    /** The same cross-checks a lesson file gets when it is opened. */
    private static void requireConsistent(Lesson edited) {
        requireConsistent(edited, refusal -> false);
    }

    /** As {@link #requireConsistent(Lesson)}, letting through only a broken rule that {@code tolerated} accepts. */
    private static void requireConsistent(Lesson edited, Predicate<Refusal> tolerated) {
        try {
            LessonConsistency.check(edited);
        } catch (LessonException e) {
            if (e.refusal().filter(tolerated).isPresent()) {
                return;
            }
            throw e.refusal().<IllegalArgumentException>map(refusal -> new RuleBroken(e.getMessage(), refusal))
                    .orElseGet(() -> new IllegalArgumentException(e.getMessage(), e));
        }
    }

    /**
     * What the first point drawn on a blank page may break: batch normalisation cannot train on
     * one point (Play says why), but drawing must not need it turned off until the second comes.
     */
    private Predicate<Refusal> firstPointOnABlankPage() {
        boolean blank = experiment.trainPoints().isEmpty();
        return refusal -> blank && refusal instanceof Refusal.BatchNormNeedsPoints;
    }

    /** Refuses the command for a broken network rule: in English, as every refusal, and with the rule for the UI to word. */
    private static void require(Optional<Refusal> refusal) {
        refusal.ifPresent(broken -> {
            throw new RuleBroken(broken.english(), broken);
        });
    }

    /** A command refused by a network rule, which the notice passes on. */
    private static final class RuleBroken extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final transient Refusal refusal;

        RuleBroken(String reason, Refusal refusal) {
            super(reason);
            this.refusal = refusal;
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}

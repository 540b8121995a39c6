package org.backproplab.trace;

import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.matrix;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Symbol;

/**
 * How each weight and bias changed: the gradient the optimizer saw (∂E/∂w, or ∂J/∂w with a
 * penalty, scaled by c when clipped), the optimizer's own quantities, and θ ← θ + Δθ whose result is
 * the trace's new value. SGD shows w ← w − η·g directly.
 */
final class UpdateFormulas {

    private static final Symbol ETA = new Symbol("η");
    private static final Symbol CLIP = new Symbol("c");
    private static final Symbol MU = new Symbol("μ");
    private static final Symbol RHO = new Symbol("ρ");
    private static final Symbol EPSILON = new Symbol("ε");

    private final Focus focus;
    private final Symbols symbols;
    private final OptimizerConstants constants;

    UpdateFormulas(Focus focus, OptimizerConstants constants) {
        this.focus = focus;
        this.symbols = focus.symbols();
        this.constants = constants;
    }

    /** One weight or one bias, with the trace numbers that belong to it. */
    private record Parameter(LayerTrace trace, Symbol symbol, boolean weight, int row, int col) {

        private Matrix pick(Matrix weights, Matrix biases) {
            return weight ? weights : biases;
        }

        private double at(Matrix weights, Matrix biases) {
            return pick(weights, biases).get(row, col);
        }

        /** Adam's t for this parameter: weights and biases count their steps apart. */
        long stepCount(OptimizerState.AdamMoments moments) {
            return weight ? moments.weightStepCount() : moments.biasStepCount();
        }

        double before() {
            return at(trace.weightsBefore(), trace.biasesBefore());
        }

        double after() {
            return at(trace.weightsAfter(), trace.biasesAfter());
        }

        double step() {
            return at(trace.weightStep(), trace.biasStep());
        }

        /** The data gradient plus the penalty gradient (biases carry no penalty). */
        double gradient() {
            return at(trace.weightGradient(), trace.biasGradient()) + (weight ? trace.penaltyGradient().get(row, col) : 0);
        }

        Symbol named(String base) {
            return new Symbol(base, symbol.subscript(), symbol.superscript());
        }
    }

    /** How the schedule gave this step's η, shown once before the updates that use it; none for a constant η. */
    List<Formula> scheduledRate() {
        return ScheduleFormulas.of(focus.trace());
    }

    List<Formula> weight(int layer, int j, int i) {
        focus.checkEdge(layer, j, i);
        return parameter(new Parameter(focus.layer(layer), symbols.weight(layer, j, i), true, j, i));
    }

    List<Formula> bias(int layer, int j) {
        focus.checkNeuron(layer, j);
        Parameter bias = new Parameter(focus.layer(layer), symbols.bias(layer, j), false, j, 0);
        if (!focus.trace().biasesTrained()) {
            return List.of(Formula.assignment(Caption.BIAS_FIXED, List.of(of(bias.symbol()), of(bias.symbol()), of(value(bias.before())))));
        }
        return parameter(bias);
    }

    private List<Formula> parameter(Parameter p) {
        List<Formula> formulas = new ArrayList<>();
        Caption caption = p.weight() ? Caption.WEIGHT_UPDATE : Caption.BIAS_UPDATE;
        List<MathToken> gradient = of(p.weight() && focus.penalised()
                ? Symbols.partial(Symbols.TOTAL, p.symbol()) : symbols.gradient(p.symbol()));
        double g = p.gradient();
        if (clipped()) {
            formulas.add(clipping(of(p.named("g")), gradient, value(g), value(scale() * g)));
            gradient = of(p.named("g"));
            g *= scale();
        }
        // The optimizer's memory tells which rule ran: only momentum keeps a velocity, only Adam moments,
        // only RMSprop a mean of g² alone.
        // Before and after are of one kind (LayerTrace checks), so the old memory casts safely.
        OptimizerState before = p.trace().optimizerStateBefore();
        switch (p.trace().optimizerStateAfter()) {
            case OptimizerState.Velocity velocity -> {
                OptimizerState.Velocity old = (OptimizerState.Velocity) before;
                double v = p.at(velocity.weights(), velocity.biases());
                formulas.add(velocity(p.named("v"), gradient, g, p.at(old.weights(), old.biases()), v));
                formulas.add(plusStep(caption, p.symbol(), p.named("v"), value(p.before()), value(v), value(p.after())));
            }
            case OptimizerState.AdamMoments moments -> {
                formulas.addAll(adam(p, gradient, g, (OptimizerState.AdamMoments) before, moments));
                formulas.add(plusStep(caption, p.symbol(), p.named("Δ" + p.symbol().base()),
                        value(p.before()), value(p.step()), value(p.after())));
            }
            case OptimizerState.SquaredGradientMean mean -> {
                formulas.addAll(rmsProp(p, gradient, g, (OptimizerState.SquaredGradientMean) before, mean));
                formulas.add(plusStep(caption, p.symbol(), p.named("Δ" + p.symbol().base()),
                        value(p.before()), value(p.step()), value(p.after())));
            }
            case OptimizerState.Stateless _ ->
                    formulas.add(sgd(caption, p.symbol(), gradient, value(p.before()), value(g), value(p.after())));
        }
        return formulas;
    }

    private boolean clipped() {
        return scale() != 1;
    }

    private double scale() {
        return focus.trace().gradientScale();
    }

    /** g₁₁⁽²⁾ = c·∂E/∂w₁₁⁽²⁾ = 0.5·0.08217 = 0.04108 */
    private Formula clipping(List<MathToken> target, List<MathToken> gradient, MathToken before, MathToken after) {
        return Formula.equation(Caption.CLIPPED_GRADIENT, List.of(
                target, concat(of(CLIP, Operator.TIMES), gradient), of(value(scale()), Operator.TIMES, before), of(after)));
    }

    /** w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.08217 = 0.3589 */
    private Formula sgd(Caption caption, Symbol target, List<MathToken> gradient, MathToken before, MathToken g, MathToken after) {
        return Formula.assignment(caption, List.of(
                of(target),
                concat(of(target, Operator.MINUS, ETA, Operator.TIMES), gradient),
                of(before, Operator.MINUS, value(focus.trace().learningRate()), Operator.TIMES, g),
                of(after)));
    }

    /** θ ← θ + Δθ = 0.4 + (−0.04) = 0.36 */
    private static Formula plusStep(Caption caption, Symbol target, Symbol step, MathToken before, MathToken stepValue, MathToken after) {
        return Formula.assignment(caption, List.of(
                of(target), of(target, Operator.PLUS, step), of(before, Operator.PLUS, stepValue), of(after)));
    }

    /**
     * v ← μ·v − η·g = 0.9·0 − 0.5·0.08217 = −0.04108: the old v is the memory the trace recorded
     * before the step, the result the memory after it.
     */
    private Formula velocity(Symbol v, List<MathToken> gradient, double g, double oldVelocity, double newVelocity) {
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(v));
        sides.add(concat(of(MU, Operator.TIMES, v, Operator.MINUS, ETA, Operator.TIMES), gradient));
        if (constants instanceof OptimizerConstants.Momentum(double mu)) {
            sides.add(of(value(mu), Operator.TIMES, value(oldVelocity), Operator.MINUS,
                    value(focus.trace().learningRate()), Operator.TIMES, value(g)));
        }
        sides.add(of(value(newVelocity)));
        return Formula.assignment(Caption.MOMENTUM_VELOCITY, sides);
    }

    /**
     * m ← β₁·m + (1 − β₁)·g and v ← β₂·v + (1 − β₂)·g² from the memory before the step, then
     * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), Δw = −η·m̂/(√v̂ + ε); with numbers when β₁, β₂, ε are known.
     */
    private List<Formula> adam(Parameter p, List<MathToken> gradient, double g,
            OptimizerState.AdamMoments old, OptimizerState.AdamMoments moments) {
        Symbol mHat = p.named("m̂");
        Symbol vHat = p.named("v̂");
        Symbol step = p.named("Δ" + p.symbol().base());
        List<MathToken> stepSymbols = adamStep(of(ETA), of(mHat), of(vHat), of(EPSILON));
        double eta = focus.trace().learningRate();
        if (!(constants instanceof OptimizerConstants.Adam(double beta1, double beta2, double epsilon))) {
            return List.of(Formula.equation(Caption.ADAM_STEP, List.of(of(step), stepSymbols, of(value(p.step())))));
        }
        long t = p.stepCount(moments);
        double m = p.at(moments.weightMean(), moments.biasMean());
        double v = p.at(moments.weightVariance(), moments.biasVariance());
        double mHatValue = m / (1 - Math.pow(beta1, t));
        double vHatValue = v / (1 - Math.pow(beta2, t));
        return List.of(
                movingAverage(Caption.ADAM_FIRST_MOMENT, p.named("m"), new Symbol("β", "1", ""), beta1, gradient, value(g),
                        p.at(old.weightMean(), old.biasMean()), m),
                movingAverage(Caption.ADAM_SECOND_MOMENT, p.named("v"), new Symbol("β", "2", ""), beta2,
                        of(squared(gradient)), squared(of(value(g))), p.at(old.weightVariance(), old.biasVariance()), v),
                biasCorrection(Caption.ADAM_MEAN, mHat, p.named("m"), "1", m, beta1, t, mHatValue),
                biasCorrection(Caption.ADAM_VARIANCE, vHat, p.named("v"), "2", v, beta2, t, vHatValue),
                Formula.equation(Caption.ADAM_STEP, List.of(
                        of(step), stepSymbols,
                        adamStep(of(value(eta)), of(value(mHatValue)), of(value(vHatValue)), of(value(epsilon))),
                        of(value(p.step())))));
    }

    /**
     * m ← β₁·m + (1 − β₁)·g = 0.9·0 + (1 − 0.9)·0.08217 = 0.008217, and the same for v with g²: the
     * old moment is the memory the trace recorded before the step, the result the memory after it.
     */
    private static Formula movingAverage(Caption caption, Symbol moment, Symbol betaSymbol, double beta,
            List<MathToken> observed, MathToken observedValue, double oldMoment, double newMoment) {
        return Formula.assignment(caption, List.of(
                of(moment),
                concat(of(betaSymbol, Operator.TIMES, moment, Operator.PLUS, Operator.OPEN, value(1), Operator.MINUS, betaSymbol,
                        Operator.CLOSE, Operator.TIMES), observed),
                of(value(beta), Operator.TIMES, value(oldMoment), Operator.PLUS, Operator.OPEN, value(1), Operator.MINUS,
                        value(beta), Operator.CLOSE, Operator.TIMES, observedValue),
                of(value(newMoment))));
    }

    /** x², for g² in the running means of squared gradients. */
    private static Power squared(List<MathToken> base) {
        return new Power(base, of(value(2)));
    }

    /**
     * s ← ρ·s + (1 − ρ)·g² from the memory before the step, then Δw = −η·g/(√s + ε); with numbers
     * when ρ and ε are known.
     */
    private List<Formula> rmsProp(Parameter p, List<MathToken> gradient, double g,
            OptimizerState.SquaredGradientMean old, OptimizerState.SquaredGradientMean mean) {
        Symbol s = p.named("s");
        Symbol step = p.named("Δ" + p.symbol().base());
        List<MathToken> stepSymbols = rmsPropStep(of(ETA), of(s), of(EPSILON), gradient);
        if (!(constants instanceof OptimizerConstants.RmsProp(double rho, double epsilon))) {
            return List.of(Formula.equation(Caption.RMSPROP_STEP, List.of(of(step), stepSymbols, of(value(p.step())))));
        }
        double newMean = p.at(mean.weights(), mean.biases());
        return List.of(
                movingAverage(Caption.RMSPROP_MEAN_SQUARE, s, RHO, rho, of(squared(gradient)), squared(of(value(g))),
                        p.at(old.weights(), old.biases()), newMean),
                Formula.equation(Caption.RMSPROP_STEP, List.of(
                        of(step), stepSymbols,
                        rmsPropStep(of(value(focus.trace().learningRate())), of(value(newMean)), of(value(epsilon)), of(value(g))),
                        of(value(p.step())))));
    }

    /**
     * −η/(√s + ε)·g: RMSprop's −η·g/(√s + ε) with the gradient beside the fraction, not stacked in
     * it, where ∂E/∂w (itself a fraction) would make a tower three storeys high.
     */
    private static List<MathToken> rmsPropStep(List<MathToken> eta, List<MathToken> s, List<MathToken> epsilon,
            List<MathToken> gradient) {
        return concat(of(Operator.NEGATE, new Fraction(eta, concat(of(new Root(s), Operator.PLUS), epsilon)), Operator.TIMES),
                gradient);
    }

    /** −η·m̂/(√v̂ + ε) */
    private static List<MathToken> adamStep(List<MathToken> eta, List<MathToken> mHat, List<MathToken> vHat, List<MathToken> epsilon) {
        return concat(of(Operator.NEGATE), eta, of(Operator.TIMES,
                new Fraction(mHat, concat(of(new Root(vHat), Operator.PLUS), epsilon))));
    }

    /** m̂ = m/(1 − β₁ᵗ) = 0.008217/(1 − 0.9¹) = 0.08217 */
    private static Formula biasCorrection(Caption caption, Symbol corrected, Symbol raw, String betaIndex,
            double rawValue, double betaValue, long t, double result) {
        return Formula.equation(caption, List.of(
                of(corrected),
                of(new Fraction(of(raw), of(value(1), Operator.MINUS, new Power(of(new Symbol("β", betaIndex, "")), of(new Symbol("t")))))),
                of(new Fraction(of(value(rawValue)), of(value(1), Operator.MINUS, new Power(of(value(betaValue)), of(value(t)))))),
                of(value(result))));
    }

    /**
     * The layer's W and b updates as matrices: W ← W − η·G for SGD, W ← W + ΔW otherwise. No scheduled
     * η: the per-neuron list beside it works η out already.
     */
    List<Formula> layerMatrix(int layer) {
        LayerTrace trace = focus.layer(layer);
        List<Formula> formulas = new ArrayList<>();
        boolean penalised = focus.penalised();
        Matrix weightGradient = penalised
                ? Matrices.combined(trace.weightGradient(), trace.penaltyGradient(), Double::sum) : trace.weightGradient();
        Symbol weights = Symbols.weights(layer);
        boolean plainSgd = trace.optimizerStateAfter() instanceof OptimizerState.Stateless;
        formulas.addAll(matrixUpdate(Caption.WEIGHT_UPDATE, plainSgd, weights,
                of(penalised ? Symbols.partial(Symbols.TOTAL, weights) : symbols.gradient(weights)),
                weightGradient, trace.weightsBefore(), trace.weightStep(), trace.weightsAfter()));
        Symbol biases = Symbols.biases(layer);
        if (focus.trace().biasesTrained()) {
            formulas.addAll(matrixUpdate(Caption.BIAS_UPDATE, plainSgd, biases, of(symbols.gradient(biases)),
                    trace.biasGradient(), trace.biasesBefore(), trace.biasStep(), trace.biasesAfter()));
        } else {
            formulas.add(Formula.assignment(Caption.BIAS_FIXED, List.of(of(biases), of(biases), of(matrix(trace.biasesBefore())))));
        }
        return formulas;
    }

    private List<Formula> matrixUpdate(Caption caption, boolean plainSgd, Symbol target, List<MathToken> gradientSymbol,
            Matrix gradient, Matrix before, Matrix step, Matrix after) {
        List<Formula> formulas = new ArrayList<>();
        List<MathToken> used = gradientSymbol;
        Matrix usedValues = gradient;
        if (clipped()) {
            Symbol g = new Symbol(target.base().equals("W") ? "G" : "g", "", target.superscript());
            usedValues = Matrices.scaled(gradient, scale());
            formulas.add(clipping(of(g), gradientSymbol, matrix(gradient), matrix(usedValues)));
            used = of(g);
        }
        if (plainSgd) {
            formulas.add(sgd(caption, target, used, matrix(before), matrix(usedValues), matrix(after)));
        } else {
            Symbol delta = new Symbol("Δ" + target.base(), "", target.superscript());
            formulas.add(plusStep(caption, target, delta, matrix(before), matrix(step), matrix(after)));
        }
        return formulas;
    }
}

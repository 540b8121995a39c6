package org.backproplab.trace;

import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.parenthesised;
import static org.backproplab.trace.Tokens.value;

import java.util.Arrays;
import java.util.List;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Symbol;

/**
 * How an activation function f is written: its name, its definition, and its slope f′ as a
 * student computes it from a (sigmoid a(1 − a), tanh 1 − a²) or from the sign of z (ReLU). Keyed by
 * the activation's lesson-file id, as the trace records it, so this package needs no engine types.
 */
enum ActivationForm {
    SIGMOID("sigmoid", "σ") {
        @Override
        List<MathToken> definition(List<MathToken> z, List<MathToken> minusZ) {
            return of(new Fraction(of(value(1)), of(value(1), Operator.PLUS, new Power(of(Tokens.EULER), minusZ))));
        }

        @Override
        List<MathToken> slopeShape(MathToken a) {
            return of(a, Operator.TIMES, Operator.OPEN, value(1), Operator.MINUS, a, Operator.CLOSE);
        }

        @Override
        double slope(double a, double z) {
            return a * (1 - a);
        }
    },
    TANH("tanh", "tanh") {
        @Override
        List<MathToken> slopeShape(MathToken a) {
            return parenthesised(of(value(1), Operator.MINUS, new Power(of(a), of(value(2)))));
        }

        @Override
        double slope(double a, double z) {
            return 1 - a * a;
        }
    },
    RELU("relu", "ReLU") {
        @Override
        List<MathToken> definition(List<MathToken> z, List<MathToken> minusZ) {
            return Tokens.applied("max", concat(of(value(0), Operator.COMMA), z));
        }

        @Override
        double slope(double a, double z) {
            return z > 0 ? 1 : 0;
        }
    },
    LEAKY_RELU("leaky-relu", "LeakyReLU") {
        @Override
        List<MathToken> definition(List<MathToken> z, List<MathToken> minusZ) {
            return Tokens.applied("max", concat(of(value(LEAK), Operator.TIMES), z, of(Operator.COMMA), z));
        }

        @Override
        double slope(double a, double z) {
            return z > 0 ? 1 : LEAK;
        }
    },
    LINEAR("linear", "") {
        @Override
        List<MathToken> applied(List<MathToken> z) {
            return z;
        }

        @Override
        List<MathToken> slopeShape(MathToken a) {
            return of(value(1));
        }

        @Override
        double slope(double a, double z) {
            return 1;
        }
    },
    /** Acts on the whole output layer; its formulas are written by the callers that know that. */
    SOFTMAX("softmax", "softmax") {
        @Override
        double slope(double a, double z) {
            throw new UnsupportedOperationException("softmax has no element-wise slope");
        }
    };

    /** Leaky ReLU's slope for z ≤ 0; the engine's Activation.LEAK (a test checks they agree). */
    static final double LEAK = 0.01;

    private final String id;
    private final String name;

    ActivationForm(String id, String name) {
        this.id = id;
        this.name = name;
    }

    static ActivationForm forId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the trace names an unknown activation '" + id + "'"));
    }

    /** The slope's name: σ′, tanh′, ReLU′…, and f′ for the identity, which has no name of its own. */
    String slopeName() {
        return (isIdentity() ? "f" : name) + "′";
    }

    /** f(z): σ(z), ReLU(z)…; just z for the identity. */
    List<MathToken> applied(List<MathToken> z) {
        return Tokens.applied(name, z);
    }

    boolean isIdentity() {
        return this == LINEAR;
    }

    /**
     * The definition to substitute into, e.g. 1/(1 + e^(−z)) or max(0, z); empty when the name is
     * the definition (tanh). {@code minusZ} is −z written as the caller wants it (−z₁ or −0.38).
     */
    List<MathToken> definition(List<MathToken> z, List<MathToken> minusZ) {
        return List.of();
    }

    /** f′ in symbols: a·(1 − a), (1 − a²), or ReLU′(z) where the slope depends on z's sign. */
    List<MathToken> slopeSymbols(Symbol a, Symbol z) {
        return isPiecewise() ? Tokens.applied(slopeName(), of(z)) : slopeShape(a);
    }

    /** f′ with the trace's numbers: 0.59·(1 − 0.59), or just 1 for ReLU with z > 0. */
    List<MathToken> slopeNumbers(double a, double z) {
        return isPiecewise() ? of(value(slope(a, z))) : slopeShape(value(a));
    }

    /** Why a piecewise slope took its value: z = 0.38 > 0; empty for smooth functions. */
    List<MathToken> slopeCondition(Symbol z, double zValue) {
        if (!isPiecewise()) {
            return List.of();
        }
        return of(z, Operator.EQUALS, value(zValue), zValue > 0 ? Operator.GREATER : Operator.LESS_OR_EQUAL, value(0));
    }

    /** f′ given a = f(z) and z. */
    abstract double slope(double a, double z);

    /** The shape of f′ in terms of a, for functions whose slope is a formula in a. */
    List<MathToken> slopeShape(MathToken a) {
        throw new UnsupportedOperationException(id + " has no slope formula in a");
    }

    private boolean isPiecewise() {
        return this == RELU || this == LEAKY_RELU;
    }
}

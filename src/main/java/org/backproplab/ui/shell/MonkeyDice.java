package org.backproplab.ui.shell;

import java.util.List;
import java.util.Random;

/**
 * Draws the random-input soak's actions from a seed: which kind comes next, by the kinds' weights,
 * and the number its target is picked with. It never looks at the window, so the same seed draws
 * the same actions in the same order however fast the machine is, and a failing run can be replayed.
 */
final class MonkeyDice {

    /** One draw: the kind of action, and the seed of the random numbers that pick its target and values. */
    record Draw(MonkeyActions.Kind kind, long pick) {

        Random picker() {
            return new Random(pick);
        }
    }

    private final List<MonkeyActions.Kind> kinds;
    private final int totalWeight;
    private final Random random;

    MonkeyDice(List<MonkeyActions.Kind> kinds, long seed) {
        this.kinds = List.copyOf(kinds);
        this.totalWeight = kinds.stream().mapToInt(MonkeyActions.Kind::weight).sum();
        this.random = new Random(seed);
    }

    Draw next() {
        int ticket = random.nextInt(totalWeight);
        long pick = random.nextLong();
        for (MonkeyActions.Kind kind : kinds) {
            if (ticket < kind.weight()) {
                return new Draw(kind, pick);
            }
            ticket -= kind.weight();
        }
        throw new IllegalStateException("a ticket below the total weight always falls on a kind");
    }
}

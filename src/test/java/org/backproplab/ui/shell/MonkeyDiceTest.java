package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The soak's draws come from the seed alone, so a failing run can be replayed. */
class MonkeyDiceTest {

    private static final long SEED = 17;

    @Test
    void theSameSeedDrawsTheSameActionsAndAnotherSeedOthers() {
        assertEquals(draws(SEED), draws(SEED));
        assertNotEquals(draws(SEED), draws(SEED + 1));
        assertEquals(MonkeyActions.KINDS.size(), draws(SEED).stream().map(MonkeyDice.Draw::kind).distinct().count(),
                "a thousand draws reach every kind");
    }

    private static List<MonkeyDice.Draw> draws(long seed) {
        MonkeyDice dice = new MonkeyDice(MonkeyActions.KINDS, seed);
        return Stream.generate(dice::next).limit(1000).toList();
    }
}

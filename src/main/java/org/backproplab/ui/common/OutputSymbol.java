package org.backproplab.ui.common;

/** How outputs are named on screen: ŷ for a single output, ŷ₁, ŷ₂, … for several. */
public final class OutputSymbol {

    private OutputSymbol() {
    }

    /** The symbol of output {@code index} (from 0) of a layer with {@code outputs} outputs. */
    public static String of(int index, int outputs) {
        if (outputs == 1) {
            return "ŷ";
        }
        StringBuilder symbol = new StringBuilder("ŷ");
        for (char digit : Integer.toString(index + 1).toCharArray()) {
            symbol.append((char) ('₀' + (digit - '0')));
        }
        return symbol.toString();
    }
}

package org.backproplab.ui.common;

import javafx.scene.layout.Region;

/**
 * A piece of typeset maths that never shrinks below its natural size: a fraction or a matrix
 * squeezed by its container would be misread, so the formula panel scrolls instead.
 */
public abstract class RigidBox extends Region {

    @Override
    protected final double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected final double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}

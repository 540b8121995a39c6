package org.backproplab.ui.view;

import javafx.scene.Node;

/**
 * The live lab's controls, each with its place around the drawings (see {@link LabLayout#addLiveControls}).
 *
 * @param toolbar       play, pause, step, reset and speed, under the lesson header
 * @param settings      data and training settings, at the left
 * @param layerStrip    per-layer controls, above the network graph and aligned with its columns
 * @param graphTools    what the edges show, in the graph's header
 * @param boundaryTools toggles for the decision boundary, beside its legend
 * @param charts        loss and accuracy over the epochs, under the decision boundary
 */
public record LiveControls(Node toolbar, Node settings, Node layerStrip, Node graphTools, Node boundaryTools,
        Node charts) {
}

package org.backproplab.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The Backprop Lab window. */
public final class BackpropLabApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Backprop Lab");
        stage.show();
    }
}

package org.backproplab.ui.shell;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.help.Tour;

/**
 * The window's Help menu: the legend of every colour and line style, and the tour, which starts by
 * itself on the first run only and from here whenever asked.
 */
final class HelpMenu {

    private final Window owner;
    private final Palette palette;
    private final Messages messages;
    private final Tour tour;
    private final Menu menu;
    /** Made when first asked for, then shown again as it was left. */
    private LegendWindow legend;

    /**
     * @param stops      the tour's bubbles, in order
     * @param onTourSeen called when the tour is finished or skipped
     */
    HelpMenu(Window owner, Palette palette, Messages messages, List<Tour.Stop> stops, Runnable onTourSeen) {
        this.owner = owner;
        this.palette = palette;
        this.messages = messages;
        this.tour = new Tour(messages, stops, onTourSeen);
        MenuItem showLegend = new MenuItem(messages.get("help.legend"));
        showLegend.setId("help-legend");
        showLegend.setOnAction(event -> showLegend());
        MenuItem startTour = new MenuItem(messages.get("help.tour"));
        startTour.setId("help-tour");
        startTour.setOnAction(event -> tour.start());
        menu = new Menu(messages.get("help.menu"), null, showLegend, startTour);
        menu.setId("menu-help");
    }

    Menu menu() {
        return menu;
    }

    void showLegend() {
        if (legend == null) {
            legend = new LegendWindow(owner, palette, messages);
        }
        legend.show();
    }

    Tour tour() {
        return tour;
    }

    /**
     * Closes what this menu opened, for a window changing its language or theme; returns whether
     * the legend was open, so the new look can open its own.
     */
    boolean close() {
        boolean legendOpen = legend != null && legend.stage().isShowing();
        if (legendOpen) {
            legend.stage().hide();
        }
        tour.interrupt();
        return legendOpen;
    }

    /** The legend window, once opened (for tests). */
    LegendWindow legend() {
        return legend;
    }
}

package org.backproplab.ui.shell;

import java.net.URL;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application's icon: a small 2-3-1 network in the app's blue and orange, exported from
 * {@code icon/backprop-lab.svg} at the sizes desktops ask for (title bar, task switcher, dock). The
 * menu entry and the installers use the 256 px one (see the pom).
 */
final class AppIcon {

    /** The sizes, in pixels, of the square PNGs beside the SVG. */
    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /** The icon at every size, smallest first, for {@code stage.getIcons()}: the desktop picks the best fit. */
    static List<Image> images() {
        return SIZES.stream().map(AppIcon::image).toList();
    }

    private static Image image(int size) {
        String name = "/org/backproplab/ui/icon/backprop-lab-" + size + ".png";
        URL url = AppIcon.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing icon resource " + name);
        }
        return new Image(url.toExternalForm());
    }
}

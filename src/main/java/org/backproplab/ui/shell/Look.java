package org.backproplab.ui.shell;

import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;

/**
 * How the window speaks and what colours it draws with. Everything that shows words or colours is
 * built for one look; choosing another language or theme builds the window's content afresh for
 * the new look while the trainer, the lesson and the document carry on untouched.
 */
record Look(Messages messages, Palette palette) {
}
